// A glob import of tracing makes its macros and #[instrument] bare names,
// but only those: other macros and attributes stay what they are, and a
// name imported from elsewhere wins over the glob.
use log::info;
use opentelemetry::KeyValue;
use tracing::*;

#[inline]
pub fn not_instrumented(password: &str) -> usize {
    password.len()
}

#[instrument]
pub fn instrumented(password: &str) {} // want: TL401

pub fn macros(email: String) -> Vec<KeyValue> {
    let _s = format!("sent to {}", email);
    info!("sent to {}", email);
    warn!("sent to {}", email); // want: TL405
    vec![KeyValue::new("http.request.methd", "GET")] // want: TL301
}
