use tracing::{info, info_span};

pub fn charge(order_id: u64) {
    // The current span (the request's) is the parent.
    let span = info_span!("charge", order_id);
    span.in_scope(|| info!("charging"));
}
