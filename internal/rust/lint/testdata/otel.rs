// config: {enable: [TL305]}
use opentelemetry::{global, Key, KeyValue};
use opentelemetry::trace::{Span, Tracer};
use opentelemetry_semantic_conventions::attribute::HTTP_REQUEST_METHOD;

const PORT: &str = "server.port";

pub fn otel(method: String, email: String, port: i64, key: String) {
    let tracer = global::tracer("shop");
    let mut span = tracer.start("checkout");
    span.set_attribute(KeyValue::new("http.request.methd", method.clone())); // want: TL301
    span.set_attribute(KeyValue::new(HTTP_REQUEST_METHOD, method.clone()));
    span.set_attributes(vec![
        KeyValue::new("http.method", method.clone()), // want: TL303
        KeyValue::new(PORT, "8080"), // want: TL302
        KeyValue::new(PORT, port),
        Key::new("server.port").string("8080"), // want: TL302
        Key::new("server.port").i64(8080),
        KeyValue::new("user.email", email.clone()), // want: TL402
        KeyValue::new(format!("shop.{}", key), 1), // want: TL305
    ]);
    span.add_event(format!("mail to {}", email), vec![]); // want: TL405
    span.add_event("mailed", vec![KeyValue::new("order.contact", email.clone())]); // want: TL403
    let _other = tracer.start(format!("checkout {email}")); // want: TL405
}
