// config: {disable: [TL301], enable: [TL304]}
// With TL301 off, a key squatting a namespace of the conventions still
// follows the naming convention.
use tracing::info_span;

pub fn keys(method: String) {
    let _a = info_span!("a", http.requestMethod = %method); // want: TL304
}
