use tracing::{info, info_span};

pub struct Customer {
    pub id: u64,
    pub email: String,
}

pub fn notify(customer: &Customer) {
    let span = info_span!("notify", user.email = %customer.email); //~ tracelint::pii_in_telemetry
    span.in_scope(|| info!("mail sent to {}", customer.email)); //~ tracelint::pii_in_telemetry
}
