// Package mirror records, through the OpenTelemetry API, the attributes that
// testdata/rustservice/src/mirror.rs records through tracing and
// opentelemetry: the same keys with values of the same types, so that one
// registry and one configuration give the same findings on both sides
// (internal/rust/mirror checks it). It lies outside ./service/..., whose
// findings cmd/tracelint's tests compare with golden files.
package mirror

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"

	"example.com/tracelinttest/service/privacy"
)

var tracer = otel.Tracer("mirror")

// Customer is the customer an order belongs to.
type Customer struct {
	Email    string
	Password string
}

// Checkout records one checkout: each attribute on its own line, the
// finding it should give at the end.
func Checkout(ctx context.Context, id, method string, total float64, customer *Customer) {
	_, span := tracer.Start(ctx, "checkout", trace.WithAttributes(
		attribute.String("shop.order.id", id),                // ok
		attribute.Float64("shop.order.totl", total),          // TL301
		attribute.Float64("shop.order.amount", total),        // TL303
		attribute.String("shop.order.total", "12.5"),         // TL302
		attribute.String("shop.payment.method", "cards"),     // TL306
		attribute.String("http.request.methd", method),       // TL301
		attribute.String("user.email", customer.Email),       // TL402
		attribute.String("order.contact", customer.Email),    // TL403
		attribute.String("auth.password", customer.Password), // TL401
	))
	defer span.End()
	span.SetAttributes(
		attribute.String("user.email", privacy.Redact(customer.Email)), // ok
		attribute.String("customer.tier", "gold"),                      // ok
	)
}
