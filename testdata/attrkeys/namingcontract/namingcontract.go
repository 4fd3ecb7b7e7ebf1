// Package namingcontract is checked against the registry of the registry
// package with TL301 turned off: TL304, on by default with a contract,
// reports the keys outside it that break the naming convention.
package namingcontract

import (
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

func record(span trace.Span, id string) {
	span.SetAttributes(
		attribute.String("OrderID", id),       // want `attribute key "OrderID" does not follow the naming convention.*\(TL304\)`
		attribute.String("shop.order.id", id), // ok: in the contract
		attribute.String("shop.note", id),     // ok: well named, and TL301 is off
	)
}
