package keys

import (
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

// A package-level key variable that is never assigned again is checked
// like a constant.
var (
	passwordKey = attribute.Key("db.password")
	tokenKey    = "oauth.refresh_token"
	dynamicKey  = "db.password"
)

func setDynamic(k string) { dynamicKey = k }

func fixedVars(span trace.Span, pw, token string) {
	span.SetAttributes(
		passwordKey.String(pw),              // want `attribute "db.password" records a credential \(password\).*TL401`
		attribute.String(tokenKey, token),   // want `attribute "oauth.refresh_token" records a credential \(refresh token\).*TL401`
		attribute.String(dynamicKey, token), // ok: assigned elsewhere, not a constant
	)
}
