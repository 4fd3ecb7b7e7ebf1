// Package drift is checked with TL308 on: one concept spelled several ways.
package drift

import (
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

const tenantKey = "tenant_id"

func handle(span trace.Span, tenant, store, user string) {
	span.SetAttributes(
		attribute.String("tenantID", tenant), // want `one concept is spelled 4 ways in this package: "orgID", "tenant", "tenantID" \(×2\), "tenant_id"; pick one spelling and use it everywhere \(TL308\)`
		attribute.String(tenantKey, tenant),  // ok: reported with its group, at the group's first site
		attribute.String("orgID", tenant),
		attribute.String("storeID", store), // want `one concept is spelled 2 ways in this package: "storeID", "store_id"; pick one spelling.*\(TL308\)`
		attribute.String("userId", user),   // want `one concept is spelled 2 ways in this package: "user.id" \(×2\), "userId"; use "user.id", the contract's key, everywhere \(TL308\)`
		attribute.String("user.id", user),
		attribute.String("order.total", ""), // ok: a total is not a count
		attribute.Int("order.count", 1),
	)
	span.AddEvent("retry", trace.WithAttributes(
		attribute.String("tenantID", tenant),
		attribute.String("tenant", tenant),
		attribute.String("store_id", store),
		attribute.String("user.id", user),
	))
}
