//! Examples of docs/rust/pii_in_telemetry.md.
pub mod bad;
pub mod good;
