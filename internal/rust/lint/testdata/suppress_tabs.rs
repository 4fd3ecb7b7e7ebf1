use tracing::info_span;

pub fn tabs(email: &str) {
	// nolint:pii_in_telemetry
	let _a = info_span!("a", user.email = %email);
}
