// Package registryoff is checked with the registry of the registry package
// and the credentials category turned off: a privacy: secret annotation
// then reports nothing, while privacy: personal still does.
package registryoff

import (
	"encoding/json"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

func annotated(span trace.Span, s string) {
	span.SetAttributes(
		attribute.String("shop.signing.material", s),   // ok: credentials are turned off
		attribute.String("shop.customer.reference", s), // want `attribute "shop.customer.reference" records personal data \(privacy: personal in the registry\).* \(TL402\)`
	)
}

// A URL whose only sensitive parameter is a credential: nothing to report
// with credentials off.
func url(span trace.Span, base, tok string) {
	span.SetAttributes(attribute.String("url.full", base+"?access_token="+tok)) // ok: credentials are turned off
}

// Keys holds a credential, and no personal data.
type Keys struct{ Password, Region string }

func dump(span trace.Span, k Keys) {
	b, _ := json.Marshal(k)
	span.SetAttributes(attribute.String("shop.keys", string(b))) // ok: credentials are turned off
}

// Vault tags its secret.
type Vault struct {
	Material string `sensitive:"true"`
}

func vault(span trace.Span, v Vault) {
	span.SetAttributes(attribute.String("shop.vault", v.Material)) // ok: credentials are turned off
}
