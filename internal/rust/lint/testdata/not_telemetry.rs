// Methods that share a name with telemetry calls, in a file that neither
// traces nor handles headers: a metrics recorder, a server's start, an
// airline's baggage allowance.
use std::collections::HashMap;

pub struct Server;

impl Server {
    pub fn start(&self, name: String) {}
}

pub fn unrelated(recorder: &metrics::Recorder, server: &Server, email: String, limits: &HashMap<String, u32>) -> u32 {
    recorder.record("user.email", email.len());
    server.start(format!("mailer for {}", email));
    *limits.get("baggage").unwrap_or(&0) + *limits.get("b3").unwrap_or(&0)
}
