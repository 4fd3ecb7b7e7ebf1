// Where a span is known to be current, and where it is not.
use tracing::{info, info_span, Instrument, Span};

async fn work() {}

#[tracing::instrument]
pub async fn in_a_macro() {
    let _handles = vec![tokio::spawn(work())]; // want: TL101
}

#[tracing::instrument]
pub async fn being_typed() {
    let handle;
    tokio::spawn(); // no argument yet: nothing to judge
    handle = tokio::spawn(work()); // want: TL101
}

pub fn closure_from_a_block(span: Span) {
    span.in_scope({
        let run = || std::thread::spawn(|| info!("inside")); // want: TL101
        run
    });
}

pub fn closure_of_another_call(items: Vec<u32>) {
    items.into_iter().for_each(|_| {
        std::thread::spawn(|| info!("outside"));
    });
}

pub struct Job<F> {
    instrument: F,
}

pub fn field_named_instrument() {
    let _job = Job { instrument: async { tokio::spawn(work()); } };
}

pub async fn in_current_span() {
    async {
        tokio::spawn(work()); // want: TL101
    }
    .in_current_span()
    .await;
}

pub fn guard_dropped_at_once(span: Span) {
    let _ = span.enter(); // want: TL202
    tokio::spawn(work());
}

pub fn runtime_guard(rt: &tokio::runtime::Runtime) {
    let _guard = rt.enter();
    tokio::spawn(work());
}

pub fn span_cloned(span: Span) {
    let _copy = span.clone();
    tokio::spawn(work());
}

pub fn entered() {
    let _span = info_span!("batch").entered();
    tokio::spawn(work()); // want: TL101
}
