//! The Rust counterpart of the testdata Go service's package service/mirror.

pub mod mirror;
pub mod privacy;
