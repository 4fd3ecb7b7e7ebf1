use tracing::{info, info_span};

pub fn above_a_statement(email: &str) {
    // nolint:pii_in_telemetry
    info!(user.email = %email, "sent");
}

pub fn after_an_attribute(email: &str) {
    #[allow(unused_variables)] // nolint:pii_in_telemetry
    let _a = info_span!("a", user.email = %email);
}

pub fn the_tool(email: &str) {
    let _a = info_span!("a", user.email = %email); // nolint:tracelint
}

#[allow(tracelint::all)]
pub fn all_lints(email: &str) {
    let _a = info_span!("a", user.email = %email);
}
