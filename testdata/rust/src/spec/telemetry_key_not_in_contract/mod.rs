//! Examples of docs/rust/telemetry_key_not_in_contract.md.
pub mod bad;
pub mod good;
