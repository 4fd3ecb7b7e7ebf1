// Event fields are log fields: a subscriber prints them, and only a bridge
// to OpenTelemetry, when the service has one, turns them into attributes.
// The contract is not asked about them (on linkerd2-proxy, every field of
// its info! and debug! lines that shared a namespace with the semantic
// conventions was reported); the privacy lint still is.
use tracing::{debug, info};

pub fn events(ok: bool, name: String, email: String) {
    info!(http.response.status_code = ok, "done");
    debug!(server.group = %name, client.addr = %name, "policy");
    info!(user.email = %email, "signed up"); // want: TL402
}
