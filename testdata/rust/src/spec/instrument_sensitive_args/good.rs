use tracing::instrument;

#[instrument(skip(email, password))]
pub fn login(email: &str, password: &str) -> bool {
    !email.is_empty() && !password.is_empty()
}
