// Package registry is checked with the registry in telemetry/, whose
// privacy annotations override the matcher, and with TL406 on, an allowed
// key, an extra pattern and the postal-address category off.
package registry

import (
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

func record(span trace.Span, s string) {
	span.SetAttributes(
		attribute.String("shop.customer.reference", s),                  // want `attribute "shop.customer.reference" records personal data \(privacy: personal in the registry\).* \(TL402\)`
		attribute.String("shop.signing.material", s),                    // want `records a credential \(privacy: secret in the registry\).* \(TL401\)`
		attribute.String("shop.customer.email_domain", s),               // ok
		attribute.String("shop.customer.shipping_address", s),           // ok: privacy: none
		attribute.String("shop.visitor", s),                             // want `records a pseudonymous identifier \(privacy: pseudonymous in the registry\), which still points at a person;.* \(TL406\)`
		attribute.String("user.id", s),                                  // want `records a pseudonymous identifier \(user.id\).* \(TL406\)`
		attribute.String("url.full", "https://example.com/?user_id="+s), // ok: a pseudonymous query parameter is not reported in a URL
		attribute.String("customer.email", s),                           // ok: allowed
		attribute.String("customer.invite_url", s+"?access_token="+s),   // ok: allowed, URL and all
		attribute.String("bank.transaction_number", s),                  // want `records a credential \(transaction number\).*\(TL401\)`
		attribute.String("order.billing_address", s),                    // ok: postal-address is off
	)
}
