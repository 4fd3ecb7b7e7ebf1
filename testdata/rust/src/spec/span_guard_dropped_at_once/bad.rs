use tracing::{info, info_span};

pub fn settle(invoice: u64) {
    let span = info_span!("settle", invoice);
    let _ = span.enter(); //~ let_underscore_must_use tracelint::span_guard_dropped_at_once
    info!("settling"); // not inside the span: the guard is already gone
}
