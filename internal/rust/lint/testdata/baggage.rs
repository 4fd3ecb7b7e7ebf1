use opentelemetry::{Context, KeyValue};
use opentelemetry::baggage::BaggageExt;

pub fn baggage(cx: &Context, email: String, tier: String) -> Context {
    cx.with_baggage(vec![
        KeyValue::new("user.email", email.clone()), // want: TL404
        KeyValue::new("tenant.tier", tier),
        KeyValue::new("note", email), // want: TL404
    ])
}
