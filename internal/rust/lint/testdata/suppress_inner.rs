#![cfg_attr(tracelint, allow(tracelint::pii_in_telemetry))]
use tracing::info_span;

pub fn whole_file(email: &str) {
    let _a = info_span!("a", user.email = %email);
}
