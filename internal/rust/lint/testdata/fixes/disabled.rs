// config: {disable: [TL303, TL202]}
// Rules turned off offer no fixes.
use tracing::{info_span, Span};

pub fn off(method: &str, span: Span) {
    let _a = info_span!("a", http.method = method);
    let _ = span.enter();
}
