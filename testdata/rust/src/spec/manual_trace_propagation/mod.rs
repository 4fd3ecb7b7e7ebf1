//! Examples of docs/rust/manual_trace_propagation.md.
pub mod bad;
pub mod good;
