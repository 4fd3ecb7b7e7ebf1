// config: {enable: [TL406]}
// Network addresses under machine keys, message arguments, names inlined in
// format strings.
use opentelemetry::{Context, KeyValue};
use opentelemetry::baggage::BaggageExt;
use tracing::info;

pub fn network(client_ip: String, addr: String, customer: &Customer, patient: &Patient) {
    info!(peer = %client_ip, "connected"); // want: TL403
    info!(server.address = %client_ip, "connected");
    info!(host.name = %customer.email, "connected"); // want: TL403
    info!(user.ip = %addr, "connected"); // want: TL402
    info!("seen {}", patient.name); // want: TL405
    info!("sent to {Email}"); // want: TL405
    info!("sent to {_email}"); // want: TL405
}

pub fn baggage(cx: &Context, email: String, sid: String) -> Context {
    cx.with_baggage(vec![
        KeyValue::new("user.email", email), // want: TL404
        KeyValue::new("session.id", sid), // want: TL406
    ])
}
