// #[macro_use] of another crate, or an extern crate line without it (or
// with another attribute), does not make a bare info! tracing's.
extern crate tracing;
#[macro_use]
extern crate log;
mod macro_use_helpers {}
extern crate tracing as tr;
#[allow(unused_extern_crates)]
extern crate tracing;

pub fn other(email: String) {
    info!("sent to {}", email);
}
