use std::collections::HashMap;

pub fn forward(incoming: &HashMap<String, String>, outgoing: &mut HashMap<String, String>) {
    // Copies one header of one format, and drops tracestate and baggage.
    if let Some(parent) = incoming.get("traceparent") { //~ tracelint::manual_trace_propagation
        outgoing.insert("traceparent".to_string(), parent.clone());
    }
}
