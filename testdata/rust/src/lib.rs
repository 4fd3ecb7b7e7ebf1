//! Bad and good examples for tracelint's Rust lint specification. The test
//! in contrib/clippy runs `cargo clippy` with contrib/clippy/clippy.toml and
//! expects exactly the lints marked `//~ lint_name` on their lines; the test in
//! internal/rust/lint runs tracelint rust's checker and expects exactly those
//! marked `//~ tracelint::lint_name`, one name per finding.
pub mod spec;
