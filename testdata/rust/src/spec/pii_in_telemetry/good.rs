use tracing::{info, info_span};

pub struct Customer {
    pub id: u64,
    pub email: String,
}

pub fn notify(customer: &Customer) {
    let span = info_span!("notify", customer.id = customer.id);
    span.in_scope(|| info!("mail sent"));
}
