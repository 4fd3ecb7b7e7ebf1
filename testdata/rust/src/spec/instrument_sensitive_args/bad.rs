use tracing::instrument;

// Records `password` (and `email`) on the span with their Debug output.
#[instrument]
pub fn login(email: &str, password: &str) -> bool { //~ tracelint::instrument_sensitive_args tracelint::instrument_sensitive_args
    !email.is_empty() && !password.is_empty()
}
