use http::HeaderMap;

pub fn copy_baggage(from: &HeaderMap, to: &mut HeaderMap) {
    if let Some(v) = from.get("baggage") { // want: TL105
        to.insert("baggage", v.clone());
    }
}
