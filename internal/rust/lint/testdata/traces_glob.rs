// tracing imported whole: a bare attribute is not instrument, and a
// method named start is no opentelemetry span's.
use tracing::*;
use tracing::Span;

async fn work() {}

#[inline]
pub async fn not_instrumented() {
    tokio::spawn(work());
}

pub fn job_queue(q: &Queue, user: &User) {
    q.start(user.email.clone());
    q.add_event(user.email.clone());
}
