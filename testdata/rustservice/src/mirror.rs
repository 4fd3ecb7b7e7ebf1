//! Records, through tracing and opentelemetry, the attributes that the Go
//! testdata module's package mirror records through the OpenTelemetry Go
//! API: the same keys with values of the same types, so that one registry
//! and one configuration give the same findings on both sides
//! (internal/rust/mirror checks it). Each key is on its own line, the
//! finding it should give at the end.

use opentelemetry::trace::{Span, Tracer};
use opentelemetry::{global, KeyValue};
use tracing::{field, info_span};

use crate::privacy::redact;

/// The customer an order belongs to.
pub struct Customer {
    pub email: String,
    pub password: String,
}

/// Records one checkout: span fields through tracing, attributes through
/// opentelemetry.
pub fn checkout(id: &str, method: &str, total: f64, customer: &Customer) {
    let span = info_span!(
        "checkout",
        shop.order.id = %id, // ok
        shop.order.totl = total, // TL301
        shop.order.amount = total, // TL303
        shop.payment.method = "cards", // TL306
        user.email = field::Empty,
    );
    span.record("user.email", customer.email.as_str()); // TL402

    let mut otel = global::tracer("mirror").start("checkout");
    otel.set_attributes(vec![
        KeyValue::new("shop.order.total", "12.5"), // TL302
        KeyValue::new("http.request.methd", method.to_string()), // TL301
        KeyValue::new("order.contact", customer.email.clone()), // TL403
        KeyValue::new("auth.password", customer.password.clone()), // TL401
        KeyValue::new("user.email", redact(&customer.email)), // ok
        KeyValue::new("customer.tier", "gold"), // ok
    ]);
    otel.end();
}
