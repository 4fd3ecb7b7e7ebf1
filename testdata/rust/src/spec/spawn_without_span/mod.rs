//! Examples of docs/rust/spawn_without_span.md.
pub mod bad;
pub mod good;
