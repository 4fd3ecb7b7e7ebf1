// A misspelt key is reported once per file, at its first use.
use tracing::info_span;

pub fn twice() {
    let _a = info_span!("a", http.request.methd = "GET"); // want: TL301
    let _b = info_span!("b", http.request.methd = "PUT");
}
