package keyforms

import (
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

// Package-level variables that are never assigned again are constants in
// all but name: their keys are checked like constants.
var (
	methodKeyVar = "http.method"
	urlKey       = attribute.Key("http.url")
	changingKey  = "http.method"
)

func setChanging(k string) { changingKey = k }

func vars(span trace.Span, v string) {
	span.SetAttributes(
		attribute.String(methodKeyVar, v), /* fix */ // want `attribute key "http.method" is deprecated: renamed to "http.request.method".*TL303`
		urlKey.String(v),                  /* fix */ // want `attribute key "http.url" is deprecated.*TL303`
		attribute.String(changingKey, v),  // ok: assigned elsewhere, not a constant
	)
}
