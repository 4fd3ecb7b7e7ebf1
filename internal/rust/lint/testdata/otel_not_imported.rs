// A file that uses tracing but not opentelemetry: a start(..) or
// add_event(..) method is some other type's.
use tracing::info;

pub fn jobs(job: &mut Job, customer: &Customer) {
    job.start(customer.email.clone());
    info!("started");
}
