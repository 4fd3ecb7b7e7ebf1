use std::collections::HashMap;

/// The service's propagator: in production, opentelemetry's
/// TextMapPropagator (global::get_text_map_propagator), which handles every
/// configured format, tracestate and baggage.
pub trait Propagator {
    fn inject(&self, carrier: &mut HashMap<String, String>);
}

pub fn forward(propagator: &dyn Propagator, outgoing: &mut HashMap<String, String>) {
    propagator.inject(outgoing);
}
