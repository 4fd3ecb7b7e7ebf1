use tracing::instrument;

// Records `password` (and `email`) on the span with their Debug output.
#[instrument]
pub fn login(email: &str, password: &str) -> bool {
    !email.is_empty() && !password.is_empty()
}
