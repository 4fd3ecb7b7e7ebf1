// A Key or KeyValue of the crate's own (or of a crate other than
// opentelemetry) is not an attribute.
pub struct Key(String);

impl Key {
    pub fn new(s: &str) -> Key {
        Key(s.to_string())
    }
}

pub fn keys() {
    let _k = Key::new("http.request.methd");
    let _v = KeyValue::new("http.request.methd", "GET");
    let _c = crypto::Key::new("user.email");
}
