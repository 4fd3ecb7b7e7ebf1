// A propagator's own code is where header names belong: the methods of an
// impl of TextMapPropagator, and functions named inject or extract. A
// constant that names a header is judged where it is used.
use http::header::{HeaderMap, HeaderName, HeaderValue};
use opentelemetry::propagation::{Extractor, Injector, TextMapPropagator};

const TRACE_ID: HeaderName = HeaderName::from_static("x-b3-traceid");
static TRACEPARENT: &str = "traceparent";

pub struct B3;

impl TextMapPropagator for B3 {
    fn inject_context(&self, cx: &Context, injector: &mut dyn Injector) {
        injector.set("x-b3-traceid", String::new());
    }

    fn extract_with_context(&self, cx: &Context, extractor: &dyn Extractor) -> Context {
        let _ = extractor.get("x-b3-traceid");
        cx.clone()
    }
}

pub fn extract(headers: &HeaderMap) -> Option<&HeaderValue> {
    headers.get(TRACE_ID)
}

pub fn copy_by_hand(from: &HeaderMap, to: &mut HeaderMap) {
    if let Some(v) = from.get(TRACE_ID) { // want: TL105
        to.insert(TRACE_ID, v.clone());
    }
    let _ = from.get(TRACEPARENT); // the same function: a related place of the finding above
}
