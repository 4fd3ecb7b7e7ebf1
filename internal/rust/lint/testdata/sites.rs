// Sites of otel attributes and tracing fields outside and inside token
// trees, and the span guards; each line decides one condition of sites.go.
use opentelemetry::{Context, Key, KeyValue};
use opentelemetry::trace::{Span, Tracer};
use tracing::{info, info_span, Instrument};
use tracing::field::display;

const OTHER: &str = "server.port";
static METHOD: &str = "http.request.methd";
const RAW: &str = r"http.request.rw";

trait Keyed {
    const KIND: &'static str;
}

const KIND: &str = "http.request.knd";

pub fn outside_macros(span: &mut dyn Span, method: String, email: String) {
    span.set_attribute(KeyValue::new(METHOD, method.clone())); // want: TL301
    span.set_attribute(KeyValue::new(KIND, method.clone())); // want: TL301
    span.set_attribute(KeyValue::new(RAW, method.clone())); // want: TL301
    span.set_attribute(Key::new("http.request.mthd").string(method.clone())); // want: TL301
    span.set_attribute(Key::new("server.port").string("8080")); // want: TL302
    span.set_attribute(Key::from_static_str("server.port").string("8080")); // want: TL302
    let _k = Key::new("http.request.meth"); // want: TL301
    let _s = Key::from_static_str("http.request.mth"); // want: TL301
    let _n = Key::new("server.port").string(); // no value: not an attribute yet
    let _o = crypto::Key::new("user.email").string(email.clone()); // another crate's Key
    std::env::set_var("http.request.mtd", &method); // two arguments, but not a KeyValue
    let _h = String::from("traceparent"); // one argument, but not a header name
    let _i = KeyValue::new("http.request.mtd"); // no value
    let _j = HeaderName::from_static(); // no name
}

// Comments and attributes in an argument list are not arguments.
pub fn commented(span: &mut dyn Span, port: i64) {
    span.set_attribute(KeyValue::new("server.port", /* the port */ "8080")); // want: TL302
    span.set_attribute(KeyValue::new(
        "server.port", // the port // want: TL302
        "8081",
    ));
    span.set_attribute(KeyValue::new("server.port", #[allow(unused)] "8082")); // want: TL302
    span.set_attribute(Key::new(/* the port */ "server.port").string("8083")); // want: TL302
}

// Inside another macro's token tree.
pub fn token_trees(method: String) -> Vec<KeyValue> {
    vec![
        Key::from_static_str("http.request.me").string(method.clone()), // want: TL301
        Key::new("server.port").string(), // no value
        Key::new().string("8080"), // no key
        Key::new("http.request.m"), // want: TL301
        Key::new("http.request.mt").string, // want: TL301
        String::from("http.request.mtod").repeat(2),
        Key::from_static_str("server.port").string("8080"), // want: TL302
    ]
}

pub fn records(span: tracing::Span, customer: Customer, port: i64) {
    span.record("order.contact", display(&customer.email)); // want: TL403
    span.record("order.contact", tracing::field::debug(&customer.email)); // want: TL403
    span.record("order.contact", customer.display(&customer.email));
    span.record("server.port", port);
    audit.record("user.email");
    audit.record("user.email", customer.email, 3);
    histogram.record("user.email".len() as u64, &[]);
}

// A key built at run time is reported by TL305 alone (off here).
pub fn dynamic(name: &str, email: String) -> KeyValue {
    KeyValue::new(format!("user.{}", name), email)
}

pub fn propagated(cx: &Context, email: String) {
    let _a = cx.with_trace_state(vec![KeyValue::new("order.contact", email.clone())]); // want: TL404
    let _b = TraceState::from_key_value(vec![KeyValue::new("order.contact", email.clone())]); // want: TL404
    // A block ends the search: inside a closure's body it is an attribute.
    with_baggage_scope(cx, || {
        Context::current().span().set_attribute(KeyValue::new("user.email", email.clone())); // want: TL402
    });
}

pub async fn events(email: String, root: tracing::Span) {
    let _a = info_span!("a", message = %email); // want: TL403
    let _b = info_span!(parent: root, "child");
    let _c = info_span!(parent: None.or(root.id()), "child");
    info!(attrs = ?KeyValue::new("http.request.mthod", "GET"), "built");
}

// A path in a token tree may begin with crate, self or super, as outside.
pub fn crate_path() -> Vec<http::HeaderName> {
    vec![crate::http::HeaderName::from_static("traceparent")] // want: TL105
}

// An attribute's arguments are not code: a call written there is no site.
#[trace_header(HeaderName::from_static("traceparent"))]
pub struct Tagged;

// Another macro's tokens need not be an expression.
#[tracing::instrument]
pub async fn odd_tokens(mail_to: String) {
    odd!(Key::new("http.request.methd").);
    odd!(tokio::spawn "job");
    vec![Key::new("user.email"), hash(mail_to)];
}
