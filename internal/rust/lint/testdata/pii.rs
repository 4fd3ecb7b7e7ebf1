// config: {piiattrs: {redactors: [crate::privacy::redact], allow: [user.email_domain]}, enable: [TL406]}
use tracing::{debug, error, info, info_span, warn};
use crate::privacy::redact;

pub struct Customer {
    pub id: u64,
    pub email: String,
    pub password: String,
}

pub fn pii(customer: &Customer, token: &str, user_id: u64) {
    let _a = info_span!("a", user.email = %customer.email); // want: TL402
    let _b = info_span!("b", user.email = %redact(&customer.email));
    let _c = info_span!("c", order.contact = %customer.email); // want: TL403
    let _d = info_span!("d", order.contact = ?customer.email.clone()); // want: TL403
    let _e = info_span!("e", auth.token = token); // want: TL401
    let _f = info_span!("f", user.email = "nobody@example.com");
    let _g = info_span!("g", user.email_domain = %customer.email); // want: TL301
    let _h = info_span!("h", %customer.password); // want: TL401
    let _i = info_span!("i", user.id = user_id); // want: TL406 TL302
    info!("mail sent to {}", customer.email); // want: TL405
    info!(user = %redact(&customer.email), "mail sent");
    debug!("hashed {}", hash(&customer.email));
    warn!("login with {access_token}"); // want: TL401
    error!(message = %customer.email); // want: TL405
    let email = &customer.email;
    info!("sent to {email:?}"); // want: TL405
    info!(email, "sent"); // want: TL402
    info!(count = customer.email.len(), "sent");
}

fn hash(s: &str) -> u64 {
    s.len() as u64
}

mod privacy {
    pub fn redact(s: &str) -> String {
        s.chars().map(|_| '*').collect()
    }
}
