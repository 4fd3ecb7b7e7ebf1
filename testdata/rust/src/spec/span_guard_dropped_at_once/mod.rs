//! Examples of docs/rust/span_guard_dropped_at_once.md.
pub mod bad;
pub mod good;
