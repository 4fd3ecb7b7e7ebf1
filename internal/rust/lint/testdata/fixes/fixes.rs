use opentelemetry::{Key, KeyValue};
use tracing::{info_span, Span};

const METHOD: &str = "http.method";

pub fn fixes(method: &str, span: Span) {
    let _a = info_span!("a", http.method = method);
    let _b = info_span!("b", "http.method" = method);
    let _c = info_span!("c", %http.method);
    let _d = KeyValue::new("http.method", method.to_string());
    let _e = KeyValue::new(METHOD, method.to_string());
    let _f = Key::new("http.method").string(method.to_string());
    span.record("http.method", method);
    let _g = info_span!("g", http.url = %method, net.peer.name = %method);
    let _ = span.enter();
    let _ = info_span!("h").entered();
}
