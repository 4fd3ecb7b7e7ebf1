//! Bad and good examples for tracelint's Rust lint specification. The test
//! in contrib/clippy runs `cargo clippy` with contrib/clippy/clippy.toml and
//! expects exactly the lints marked `//~ lint_name` on their lines.
pub mod spec;
