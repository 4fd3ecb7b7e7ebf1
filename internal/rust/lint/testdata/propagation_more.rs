// Header names read or written by hand through a method: a literal or a
// constant of the file, alone or through one step that keeps its text.
use std::collections::HashMap;
use http::header::{HeaderMap, HeaderName, HeaderValue};

const OTHER: &str = "content-type";
pub enum Format { TRACEPARENT, B3 }
const TRACEPARENT: &str = "traceparent";
static B3_SAMPLED: &str = "x-b3-sampled";
const RAW: &str = r"tracestate";
const TP_NAME: HeaderName = HeaderName::from_static("traceparent");
const RAW_NAME: HeaderName = HeaderName::from_static(r"traceparent");
const TP_VALUE: HeaderValue = HeaderValue::from_static("traceparent");
const BEING_TYPED: HeaderName = HeaderName::from_static();

pub fn literal_to_string(o: &mut HashMap<String, String>) {
    o.insert("traceparent".to_string(), String::new()); // want: TL105
}

pub fn constant_to_string(o: &mut HashMap<String, String>) {
    o.insert(TRACEPARENT.to_string(), String::new()); // want: TL105
}

pub fn parsed(h: &mut HeaderMap, v: HeaderValue) {
    h.insert("traceparent".parse(), v); // want: TL105
}

pub fn raw(h: &HeaderMap) -> bool {
    h.contains_key(r"traceparent") // want: TL105
}

pub fn no_header_names(o: &mut HashMap<usize, String>, h: &HeaderMap) {
    o.insert("traceparent".len(), String::new());
    o.insert("traceparent".to_string().len(), String::new());
    o.insert(TRACEPARENT.len(), String::new());
    let _ = h.get("traceparent" + "-x");
    let _ = h.get(TRACEPARENT + into); // an operand, not a step of the name
    let _ = h.get(BEING_TYPED);
    let _ = h.get(OTHER);
    let _ = h.get(TP_VALUE);
    let _ = h.get(0);
}

pub fn constant_after_a_variant(h: &HeaderMap) -> bool {
    h.contains_key(TRACEPARENT) // want: TL105
}

pub fn static_name(h: &HeaderMap) -> bool {
    h.contains_key(B3_SAMPLED) // want: TL105
}

pub fn raw_constant(h: &HeaderMap) -> bool {
    h.contains_key(RAW) // want: TL105
}

pub fn header_name_constants(h: &HeaderMap) -> bool {
    h.contains_key(TP_NAME) || h.contains_key(RAW_NAME) // want: TL105
}

pub fn raw_header_name() -> HeaderName {
    HeaderName::from_static(r"traceparent") // want: TL105
}

pub fn not_a_literal() -> HeaderName {
    HeaderName::from_static("traceparent".trim()) // only a literal is read
}

pub fn other_methods(ctx: &Context, cell: &std::cell::Cell<u32>) {
    ctx.describe("traceparent");
    let _ = cell.get();
}

pub fn inject_headers(h: &mut HeaderMap, v: HeaderValue) {
    h.insert("traceparent", v);
}

pub struct Client;

impl Client {
    pub fn copy(&self, h: &HeaderMap) -> bool {
        h.contains_key("traceparent") // want: TL105
    }
}
