// Code being edited: token trees that are no Rust expression are not read
// as values, and reading them never fails.
use tracing::{info, warn};

pub fn malformed(customer: &Customer) {
    info!(order.contact = %customer. ::email, "sent");
    info!(order.contact = %.email, "sent");
    info!(order.contact = %customer.()email, "sent");
    info!(order.contact = %customer ! .email, "sent");
    info!(order.contact = %customer.email., "sent");
    info!(flag = done!, "sent");
    info!(order.contact = %format!("{}", &), "sent");
    info!(order.contact = %format!(), "sent");
    info!(order.contact = %format!(email), "sent"); // want: TL403
    info!(order.contact = %format!("{email}" x), "sent");
    info!(order.contact = %customer.email.clone(-), "sent");
    info!("sent {}", , customer.email); // want: TL405
    warn!("unclosed {");
    warn!("sent to { email}");
    warn!("sent to {~email}");
}
