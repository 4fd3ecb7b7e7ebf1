// config: {piiattrs: {categories: {contact: false}}}
// A category turned off is found neither in keys nor in values.
use tracing::info;

pub fn off(customer: &Customer) {
    info!(order.contact = %customer.email, "sent");
    info!(user.email = %customer.email, "sent");
    info!(user.password = %customer.password, "sent"); // want: TL401
}
