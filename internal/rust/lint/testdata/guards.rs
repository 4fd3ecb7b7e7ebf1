use tracing::{info, info_span, Instrument, Span};

async fn work() {}

pub async fn guards() {
    let span = info_span!("guards");
    let _ = span.enter(); // want: TL202
    let _guard = span.enter(); // want: span_guard_across_await
    work().await;
}

pub async fn dropped_before() {
    let span = info_span!("dropped");
    let guard = span.enter();
    info!("inside");
    drop(guard);
    work().await;
}

pub async fn nested_block() {
    let span = info_span!("nested");
    async {
        work().await;
    }
    .instrument(span)
    .await;
}

pub fn sync_guard() {
    let span = info_span!("sync");
    let _guard = span.enter();
    info!("inside");
}

#[tracing::instrument]
pub async fn spawns() {
    tokio::spawn(async { work().await }); // want: TL101
    tokio::spawn(async { work().await }.in_current_span());
    tokio::spawn(work().instrument(info_span!("task")));
    let span = Span::current();
    std::thread::spawn(move || span.in_scope(|| info!("in span")));
    std::thread::spawn(|| info!("outside")); // want: TL101
}

// No span is known to be current: start-up code, a background worker.
pub async fn start_workers() {
    tokio::spawn(async { work().await });
    std::thread::spawn(|| info!("outside"));
}

pub async fn entered() {
    tokio::spawn(async { work().await }); // before the span is entered
    let span = info_span!("batch");
    let _guard = span.enter();
    tokio::task::spawn_blocking(|| info!("inside")); // want: TL101
}

pub async fn in_scope_and_instrumented(span: Span) {
    span.in_scope(|| {
        std::thread::spawn(|| info!("inside")); // want: TL101
    });
    async {
        tokio::spawn(async { work().await }); // want: TL101
    }
    .instrument(span)
    .await;
}

pub fn roots() {
    let _root = info_span!(parent: None, "root"); // want: TL101
    let _child = info_span!(parent: Span::current(), "child");
}

pub fn runtime_guard(rt: &tokio::runtime::Runtime) {
    let _ = rt.enter(); // a runtime's guard, not a span's: not this lint's business
    let _ = info_span!("inline").entered(); // want: TL202
    let _ = Span::current().entered(); // want: TL202
}
