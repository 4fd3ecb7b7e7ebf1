use tracing::{info, instrument};

#[instrument]
pub async fn handle(order_id: u64) {
    let task = tokio::spawn(async move { //~ disallowed_methods tracelint::spawn_without_span
        info!(order_id, "sending the confirmation");
    });
    task.await.expect("the confirmation task panicked");
    let blocking = tokio::task::spawn_blocking(move || info!(order_id, "rendering the invoice")); //~ disallowed_methods tracelint::spawn_without_span
    blocking.await.expect("the invoice task panicked");
    let thread = std::thread::spawn(move || info!(order_id, "archiving")); //~ disallowed_methods tracelint::spawn_without_span
    thread.join().expect("the archiving thread panicked");
}
