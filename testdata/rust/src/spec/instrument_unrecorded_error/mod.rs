//! Examples of docs/rust/instrument_unrecorded_error.md.
pub mod bad;
pub mod good;
