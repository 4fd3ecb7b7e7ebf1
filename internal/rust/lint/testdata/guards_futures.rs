// Guards across .await in async closures; futures made but not awaited
// while the guard is held.
use tracing::Span;

async fn work() {}

pub async fn async_closure(span: Span) {
    let run = async move || {
        let _guard = span.enter(); // want: span_guard_across_await
        work().await;
    };
    run().await;
}

pub fn sync_closure(span: Span) {
    let run = move || {
        let _guard = span.enter();
        futures::executor::block_on(work());
    };
    run();
}

pub async fn not_awaited_here(span: Span) {
    let _guard = span.enter();
    let _later = async { work().await };
    let _also_later = async || work().await;
    async fn helper() {
        work().await;
    }
}
