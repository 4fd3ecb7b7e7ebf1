//! One module per lint of docs/rust: `bad` holds the page's Example,
//! `good` its "Use instead", verbatim but for the `//~` markers.
pub mod fresh_root_context;
pub mod instrument_sensitive_args;
pub mod instrument_unrecorded_error;
pub mod manual_trace_propagation;
pub mod pii_in_telemetry;
pub mod span_guard_across_await;
pub mod span_guard_dropped_at_once;
pub mod spawn_without_span;
pub mod telemetry_key_not_in_contract;
