// config: {piiattrs: {redactors: [crate::privacy::redact]}}
use opentelemetry::trace::{Span, Tracer};
use tracing::Span as TracingSpan;

pub fn redacted(tracer: &dyn Tracer, span: TracingSpan, user: &User, email: String) {
    let _s = tracer.start(user.redact().email);
    let _t = tracer.start(user.profile().email); // want: TL405
    let _u = timer.start();
    span.record("user.email", redact(&email));
    span.record("user.email", &email); // want: TL402
}
