// tracing under another name.
use tracing as tr;

async fn work() {}

#[tr::instrument]
pub async fn aliased() {
    tokio::spawn(work()); // want: TL101
}
