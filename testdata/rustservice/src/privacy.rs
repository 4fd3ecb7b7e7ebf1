//! Redacts personal data before it is recorded, as the Go service's
//! privacy.Redact does.

/// Returns a value safe to record: the first character and a mask.
pub fn redact(s: &str) -> String {
    match s.chars().next() {
        Some(c) => format!("{c}***"),
        None => String::new(),
    }
}
