use tracing::{info, info_span};

pub fn settle(invoice: u64) {
    let span = info_span!("settle", invoice);
    let _guard = span.enter();
    info!("settling");
}
