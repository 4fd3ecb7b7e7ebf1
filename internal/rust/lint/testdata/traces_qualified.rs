// tracing named only by its full paths.
async fn work() {}

pub fn qualified() {
    let span = tracing::info_span!("batch");
    let _guard = span.enter();
    tokio::spawn(work()); // want: TL101
}
