// tracing's macros imported with #[macro_use].
#[macro_use]
extern crate tracing;

async fn work() {}

pub fn bare() {
    let span = info_span!("batch");
    let _guard = span.enter();
    tokio::spawn(work()); // want: TL101
}
