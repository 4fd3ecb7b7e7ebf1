use std::future::Future;
use tokio::task::JoinHandle;
use tracing::{info, instrument, Instrument, Span};

/// Spawns a task that stays in the caller's span: the one place allowed to
/// call tokio::spawn.
#[allow(clippy::disallowed_methods)]
pub fn spawn_in_current_span<F>(future: F) -> JoinHandle<F::Output>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    tokio::spawn(future.in_current_span())
}

/// Runs blocking work on tokio's blocking pool, inside the caller's span.
#[allow(clippy::disallowed_methods)]
pub fn spawn_blocking_in_current_span<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> JoinHandle<T> {
    let span = Span::current();
    tokio::task::spawn_blocking(move || span.in_scope(f))
}

/// Starts a thread that runs inside the caller's span.
#[allow(clippy::disallowed_methods)]
pub fn thread_in_current_span<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> std::thread::JoinHandle<T> {
    let span = Span::current();
    std::thread::spawn(move || span.in_scope(f))
}

#[instrument]
pub async fn handle(order_id: u64) {
    let task = spawn_in_current_span(async move {
        info!(order_id, "sending the confirmation");
    });
    task.await.expect("the confirmation task panicked");
    let blocking = spawn_blocking_in_current_span(move || info!(order_id, "rendering the invoice"));
    blocking.await.expect("the invoice task panicked");
    let thread = thread_in_current_span(move || info!(order_id, "archiving"));
    thread.join().expect("the archiving thread panicked");
}
