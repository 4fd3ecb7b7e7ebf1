// #[macro_use] extern crate tracing brings tracing's macros in as bare
// names; the attribute must be the item's own, comments aside.
#[macro_use] /* tracing's macros */
// the crate
extern crate tracing;

pub fn macro_use(email: String) {
    warn!("sent to {}", email); // want: TL405
}
