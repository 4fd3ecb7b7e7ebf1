// Only tracing's macros are read: log's and the crate's own are not.
use log::info;
use tracing::{info_span as span_of, warn as tracing_warn};

macro_rules! debug {
    ($($t:tt)*) => {};
}

pub fn imports(email: &str) {
    info!("sent to {}", email);
    debug!("sent to {}", email);
    let _a = span_of!("a", user.email = %email); // want: TL402
    tracing_warn!("sent to {}", email); // want: TL405
    tracing::error!("sent to {}", email); // want: TL405
    ::tracing::error!("sent to {}", email); // want: TL405
    vec![tracing::info!("in a token tree {}", email)]; // want: TL405
}
