// Package dualemit emits an older version of the semantic conventions on
// purpose, beside the current one: the old keys it imports are not reported
// as deprecated, whether spelled by the old package's constant or a literal.
package dualemit

import (
	"go.opentelemetry.io/otel/attribute"
	semconvold "go.opentelemetry.io/otel/semconv/v1.12.0"
	semconv "go.opentelemetry.io/otel/semconv/v1.37.0"
	"go.opentelemetry.io/otel/trace"
)

func both(span trace.Span, method string) {
	span.SetAttributes(
		semconv.HTTPRequestMethodKey.String(method),
		semconvold.HTTPMethodKey.String(method),            // ok: the old package's constant
		attribute.String("http.method", method),            // ok: a key of the imported v1.12.0
		attribute.String("http.request.method", method),    // ok
		attribute.String("db.system", "postgresql"),        // ok: also a key of v1.12.0
		attribute.String("messaging.destination", "q"),     // ok: also a key of v1.12.0
		attribute.String("net.sock.peer.addr", "10.0.0.1"), /* fix */ // want `attribute key "net.sock.peer.addr" is deprecated.*TL303`
	)
}

// Emit records both versions' keys.
func Emit(span trace.Span, method string) { both(span, method) }
