// config: {enable: [TL204], piiattrs: {redactors: [crate::redact]}}
use tracing::instrument;
use secrecy::SecretString;

#[instrument]
pub fn login(email: &str, password: &str, attempts: u32) -> bool { // want: TL403 TL401
    true
}

#[instrument(skip(password), fields(email = %redact(email)))]
pub fn login_skipped(email: &str, password: &str) -> bool {
    true
}

#[instrument(skip_all, fields(user.email = %email))] // want: TL402
pub fn login_fields(email: &str) {}

#[instrument]
pub fn login_secret(password: SecretString) {}

#[tracing::instrument(level = "debug")] // want: TL204
pub fn parse(text: &str) -> Result<u32, std::num::ParseIntError> {
    text.parse()
}

#[instrument(err)]
pub fn parse_recorded(text: &str) -> std::io::Result<u32> {
    Ok(1)
}

#[instrument(ret)]
pub fn parse_returned(text: &str) -> anyhow::Result<u32> {
    Ok(1)
}

#[instrument]
pub fn not_a_result(text: &str) -> Option<u32> {
    None
}

fn redact(s: &str) -> String {
    String::new()
}

pub trait Store {
    #[instrument]
    fn load(&self, id: u64) -> Result<(), String>; // a declaration: no body to record
}

#[log_derive::instrument]
pub fn other_crate(password: &str) -> Result<(), ()> {
    Ok(())
}
