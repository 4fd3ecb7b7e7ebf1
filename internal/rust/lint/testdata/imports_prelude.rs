// A glob of one of tracing's modules counts as a glob of tracing.
use tracing::prelude::*;

pub fn prelude(email: String) {
    warn!("sent to {}", email); // want: TL405
}
