// Package naming is checked with TL304 enabled and no registries: without a
// contract the naming rule is opt-in.
package naming

import (
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

func keys(span trace.Span) {
	span.SetAttributes(
		attribute.String("OrderID", ""),                  // want `attribute key "OrderID" does not follow the naming convention: lowercase, dot-separated namespaces, snake_case words, at least one namespace; write "<namespace>.order_id", with your team's namespace \(TL304\)`
		attribute.String("shop.orderId", ""),             // want `write "shop.order_id" \(TL304\)`
		attribute.String("example.com/x/caveatName", ""), // want `write "example.com_x_caveat_name" \(TL304\)`
		attribute.String("shop.order.id", ""),            // ok
	)
}

// A key whose last word is a semantic conventions key's last segment gets
// those keys named.
func hints(span trace.Span) {
	span.SetAttributes(
		attribute.String("apiMethod", ""), // want `write "<namespace>.api_method", with your team's namespace \(TL304\)`
		attribute.String("Method", ""),    // want `write "<namespace>.method", with your team's namespace, or a semantic conventions key if it records the same thing \(http.request.method, rpc.method.*\?\) \(TL304\)`
	)
}

// A key is one defect however often it is used: one finding per package, at
// its first site, the others as related places.
func repeated(span trace.Span, tenant string) {
	span.SetAttributes(attribute.String("tenantID", tenant)) // want `attribute key "tenantID" does not follow the naming convention.* \(2 more uses in this package\) \(TL304\)`
	span.SetAttributes(attribute.String("tenantID", tenant)) // ok: reported at the first use
	span.AddEvent("retry", trace.WithAttributes(attribute.String("tenantID", tenant)))
}
