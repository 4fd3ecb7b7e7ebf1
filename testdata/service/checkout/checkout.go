// Package checkout records the attributes of a checkout against the
// service's registry.
package checkout

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("checkout")

// Checkout records one checkout.
func Checkout(ctx context.Context, id string, total float64, items int) {
	_, span := tracer.Start(ctx, "checkout", trace.WithAttributes(
		attribute.String("shop.order.id", id),
		attribute.String("shop.payment.method", "Card"),
		attribute.Float64("shop.order.amount", total),
	))
	defer span.End()
	span.SetAttributes(
		attribute.Int("shop.order.items", items),
		attribute.String("shop.order.total", "0"),
		attribute.String("http.request.method", "POST"),
	)
}
