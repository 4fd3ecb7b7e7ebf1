use tracing::info_span;

pub fn route(method: &str, status: u16) {
    // A misspelled key, a deprecated key, and a string where the contract says int.
    let span = info_span!("route", http.request.methd = method, http.method = method, http.response.status_code = %status); //~ tracelint::telemetry_key_not_in_contract tracelint::telemetry_key_not_in_contract tracelint::telemetry_key_not_in_contract
    span.in_scope(|| {});
}
