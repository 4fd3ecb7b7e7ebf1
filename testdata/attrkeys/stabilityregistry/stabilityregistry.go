// Package stabilityregistry is checked with TL307 on, against the registry
// of the registry package.
package stabilityregistry

import (
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

func keys(span trace.Span, note string, total float64) {
	span.SetAttributes(
		attribute.Float64("shop.order.total", total), // want `attribute key "shop.order.total" is development, below attrkeys.min-stability \(stable\).*\(TL307\)`
		attribute.String("shop.order.id", note),      // ok: stable
		attribute.String("shop.order.note", note),    // ok: the registry gives it no stability
	)
}
