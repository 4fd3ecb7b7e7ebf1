use std::collections::HashMap;
use http::header::{HeaderMap, HeaderName};

pub fn forward(incoming: &HashMap<String, String>, outgoing: &mut HashMap<String, String>) {
    if let Some(parent) = incoming.get("traceparent") { // want: TL105
        outgoing.insert("traceparent".to_string(), parent.clone());
    }
}

pub fn headers(h: &mut HeaderMap, v: http::HeaderValue) {
    h.insert(HeaderName::from_static("b3"), v); // want: TL105
}

pub fn vendor(h: &HeaderMap) -> bool {
    h.contains_key("X-B3-TraceId") // want: TL105
}

pub fn unrelated(h: &HeaderMap) -> bool {
    h.contains_key("content-type")
}
