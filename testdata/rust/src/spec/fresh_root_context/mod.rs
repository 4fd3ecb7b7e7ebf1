//! Examples of docs/rust/fresh_root_context.md.
pub mod bad;
pub mod good;
