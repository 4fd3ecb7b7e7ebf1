// Test code starts roots, spawns and handles headers on purpose: the
// syntactic lints leave it alone. Guards dropped at once and personal data
// are still reported there.
use tracing::{info, info_span};

async fn work() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    #[tracing::instrument]
    async fn spawns() {
        let root = info_span!(parent: None, "root");
        let _guard = root.enter();
        tokio::spawn(async { work().await });
        work().await;
        let _ = root.enter(); // want: TL202
    }
}

#[tokio::test]
#[tracing::instrument]
async fn top_level_test(headers: &std::collections::HashMap<String, String>) {
    std::thread::spawn(|| info!("outside"));
    let _ = headers.get("traceparent");
    let _a = info_span!("a", user.email = %"x@example.com");
}

#[tracing::instrument]
pub async fn production() {
    tokio::spawn(async { work().await }); // want: TL101
}

#[cfg(all(test, feature = "testing"))]
mod feature_tests {
    use super::*;

    #[tracing::instrument]
    async fn helper() {
        let _root = info_span!(parent: None, "root");
        tokio::spawn(async { work().await });
    }
}

#[cfg(not(test))]
#[tracing::instrument]
pub async fn not_test() {
    tokio::spawn(async { work().await }); // want: TL101
}
