use tracing::{info, info_span};

pub fn charge(order_id: u64) {
    // A new root: the payment's spans no longer belong to the request's trace.
    let span = info_span!(parent: None, "charge", order_id); //~ tracelint::fresh_root_context
    span.in_scope(|| info!("charging"));
}
