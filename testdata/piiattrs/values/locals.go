package values

import (
	"strings"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

// Locals defined from a call are judged as the call: a string function
// passes its argument on; a function with arguments hides them.
func locals(span trace.Span, u *Customer) {
	trimmed := strings.TrimSpace(u.Email)
	digest := hashOf(u.Email)
	span.SetAttributes(
		attribute.String("order.note", trimmed), // want `the value u.Email of attribute "order.note" is personal data \(contact: email\).*\(TL403\)`
		attribute.String("order.note", digest),  // ok
	)
}

func hashOf(s string) string { return s[:0] }
