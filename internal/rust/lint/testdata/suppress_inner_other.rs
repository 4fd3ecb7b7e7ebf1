#![allow(dead_code)]
use tracing::info_span;

pub fn other_inner_attribute(email: &str) {
    let _a = info_span!("a", user.email = %email); // want: TL402
}
