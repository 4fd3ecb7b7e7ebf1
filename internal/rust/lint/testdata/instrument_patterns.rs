// config: {enable: [TL204], piiattrs: {redactors: [crate::redact]}}
// #[instrument] records each name a parameter binds, destructured or not,
// with its Debug output.
use tracing::instrument;

#[instrument]
pub fn names(email_2: &str, userEmail: &str, user_email: &str, mut phone: String, r#password: &str) {} // want: TL403 TL403 TL403 TL403 TL401

#[instrument]
pub fn tuple((email, attempts): (String, u32), _: u8) {} // want: TL403

#[instrument]
pub fn structs(Login { password, user: email, .. }: Login, Login { name, .. }: Login) {} // want: TL401 TL403

#[instrument]
pub fn wrapped(Email(inner): Email, Phone(phone_number): Phone, &api_key: &Key) {} // want: TL403 TL401

#[instrument]
pub fn bound(ref mut email: String, (mut phone, _): (String, u8), email_copy @ _: String, [mobile_phone, _]: [String; 2]) {} // want: TL403 TL403 TL403

#[instrument(skip(email), fields(phone = %redact(&phone)))]
pub fn skipped((email, phone): (String, String)) {}

#[instrument]
pub fn secret((password, attempts): (Secret<String>, u32)) {}

#[instrument] // want: TL204
pub fn io() -> std::io::Result<()> {
    Ok(())
}

// tracing records no C variadic.
#[instrument]
pub unsafe extern "C" fn variadic(n: i32, password: ...) {}
