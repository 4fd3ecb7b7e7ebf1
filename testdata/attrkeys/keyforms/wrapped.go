package keyforms

import (
	"go.opentelemetry.io/otel/trace"

	"example.com/tracelinttest/attrutil"
)

// The team's attribute-constructor wrappers are attribute sites: their key
// argument is checked, and the value against what the wrapper stores.
func wrapped(span trace.Span, method string) {
	span.SetAttributes(
		attrutil.Str("http.request.methhod", method),       // want `attribute key "http.request.methhod" is in the namespace "http.request" .*did you mean "http.request.method"\? \(TL301\)`
		attrutil.Str("http.response.status_code", "200"),   // want `attribute "http.response.status_code" is int in the telemetry contract, but the value is string; use attribute.Int or attribute.Int64 \(TL302\)`
		attrutil.Count("http.response.status_code", 200),   // ok
		attrutil.Object("http.route", struct{ ID int }{1}), // ok: the wrapper stores a string
		attrutil.Fixed(method),                             // ok: the key is the wrapper's own, checked where it is written
	)
}
