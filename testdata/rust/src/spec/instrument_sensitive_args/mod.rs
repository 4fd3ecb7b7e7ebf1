//! Examples of docs/rust/instrument_sensitive_args.md.
pub mod bad;
pub mod good;
