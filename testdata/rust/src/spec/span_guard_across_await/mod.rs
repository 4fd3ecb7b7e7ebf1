//! Examples of docs/rust/span_guard_across_await.md.
pub mod bad;
pub mod good;
