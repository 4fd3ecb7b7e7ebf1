// Tracestate entries and baggage written one by one leave the process
// like those of with_baggage.
use opentelemetry::baggage::{Baggage, BaggageMetadata};
use opentelemetry::trace::TraceState;
use opentelemetry::KeyValue;
use std::collections::HashMap;

pub fn entries(email: String, tier: String, state: TraceState) {
    let _a = TraceState::from_key_value(vec![("vendor", email.as_str())]); // want: TL404
    let _b = TraceState::from_key_value([("user_email", "constant")]);
    let _c = TraceState::from_key_value([("tier", tier.as_str()), ("contact", email.as_str())]); // want: TL404
    let _d = state.insert("contact", email.clone()); // want: TL404
    let mut bag = Baggage::new();
    bag.insert("user.email", email.clone()); // want: TL404
    bag.insert("tenant.tier", tier.clone());
    bag.insert_with_metadata("note", email.clone(), BaggageMetadata::default()); // want: TL404
    let mut seen: HashMap<&str, String> = HashMap::new();
    seen.insert("contact", email.clone());
}

pub fn keyvalue_pairs(email: String) {
    let _e = TraceState::from_key_value(vec![KeyValue::new("contact", email.clone())]); // want: TL404
}

const NOTE: &str = "note";

pub fn not_entries(map: &mut HashMap<&str, String>, email: String, st: TraceState, bag: &mut Baggage) {
    map.insert("contact", email.clone()); // a map, though the last parameter is a TraceState
    bag.insert(NOTE, email.clone()); // a constant key: not read
    bag.insert("note".to_string(), email.clone()); // a key built at run time: not read
    let _ = st.insert("contact"); // one argument: no entry
    let _ = st.compose("contact", email.clone()); // not an insert
    let _f = TraceState::from_key_value(vec![(("nested", email.as_str()))]); // want: TL404
}

pub fn groups_that_are_no_tuples(email: String) {
    let _g = TraceState::from_key_value(vec!("contact", email.as_str()));
    let _h = TraceState::from_key_value(vec![["contact", email.as_str()]]);
    let _i = TraceState::from_key_value(vec![stringify!("contact", email)]);
}
