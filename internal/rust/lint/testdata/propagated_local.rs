// A TraceState of the crate's own, in a file that traces with tracing but
// does not use opentelemetry, is not the W3C tracestate.
use tracing::info;

pub struct TraceState;

impl TraceState {
    pub fn insert(&self, _k: &str, _v: String) {}
}

pub fn local(email: String) {
    let state = TraceState;
    state.insert("contact", email);
    info!("inserted");
}
