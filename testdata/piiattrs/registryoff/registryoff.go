// Package registryoff is checked with the registry of the registry package
// and the credentials category turned off: a privacy: secret annotation
// then reports nothing, while privacy: personal still does.
package registryoff

import (
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

func annotated(span trace.Span, s string) {
	span.SetAttributes(
		attribute.String("shop.signing.material", s),   // ok: credentials are turned off
		attribute.String("shop.customer.reference", s), // want `attribute "shop.customer.reference" records personal data \(privacy: personal in the registry\).* \(TL402\)`
	)
}
