use tracing::info_span;

pub fn route(method: &str, status: u16) {
    // A misspelled key, a deprecated key, and a string where the contract says int.
    let span = info_span!("route", http.request.methd = method, http.method = method, http.response.status_code = %status);
    span.in_scope(|| {});
}
