use tracing::info_span;

fn login(password: &str) {
    let span = info_span!("login", user.password = %password);
    let _ = span.enter();
}
