// Package registry is checked against the registry in telemetry/, with
// allow, deny and ignore-namespaces set and TL305 on.
package registry

import (
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

func record(span trace.Span, id, name string, total float64) {
	span.SetAttributes(
		attribute.String("shop.order.id", id),            // ok
		attribute.Float64("shop.order.total", total),     // ok
		attribute.String("http.request.method", "GET"),   // ok: semconv is part of the contract
		attribute.String("shop.order.idd", id),           // want `attribute key "shop.order.idd" is not in the telemetry contract; did you mean "shop.order.id"\? \(TL301\)`
		attribute.String("warehouse.bin", ""),            // want `attribute key "warehouse.bin" is not in the telemetry contract; add it to the registry or use a key that is \(TL301\)`
		attribute.String("Warehouse", ""),                // want `attribute key "Warehouse" is not in the telemetry contract; add it .* \(TL301\)`
		attribute.Int("shop.order.total", 3),             // want `attribute "shop.order.total" is double in the telemetry contract, but the value is int; use attribute.Float64 \(TL302\)`
		attribute.String("shop.order.status", "payed"),   // want `value "payed" is not a member of the enum "shop.order.status" \(open, paid\); did you mean "paid"\? The enum is open: keep the value only if it is a deliberate extension \(TL306\)`
		attribute.Float64("shop.order.amount", total),    /* fix */ // want `attribute key "shop.order.amount" is deprecated: renamed to "shop.order.total" \(TL303\)`
		attribute.Int("shop.order.code", 1),              // want `attribute key "shop.order.code" is deprecated: renamed to "shop.order.id", whose type differs; change the value too \(TL303\)`
		attribute.String("shop.experiment.color", "red"), // ok: allowed
		attribute.String("http.url", ""),                 // want `attribute key "http.url" is denied by attrkeys.deny: use url.full \(TL301\)`
		attribute.String("debug.dump", ""),               // want `attribute key "debug.dump" is denied by attrkeys.deny \(TL301\)`
		attribute.String("vendor.legacy.Thing", ""),      // ok: ignored namespace
		attribute.String("vendor.legacyish.code", ""),    // want `attribute key "vendor.legacyish.code" is not in the telemetry contract.*\(TL301\)`
		attribute.String("shop."+name, ""),               // want `attribute key "shop." \+ name is built at run time from "shop." and is not a template of the contract: a key built from data makes a new attribute per value; use a constant key and put the variable part in the value \(TL305\)`
		attribute.String(name, ""),                       // want `attribute key name is not a constant, so it cannot be checked against the telemetry contract; declare the key as a constant \(TL305\)`
		attribute.String("vendor.legacy."+name, ""),      // ok: ignored namespace
		attribute.String("shop.order.ref", id),           // want `attribute key "shop.order.ref" is deprecated: renamed to "shop.order.reference", which the telemetry contract does not define yet \(TL303\)`
		attribute.Float64("shop.shelf."+name, total),     // want `attribute key "shop.shelf." \+ name is built at run time from "shop.shelf." and is not a template.*\(TL305\)`
	)
}
