// Package fix holds the shapes whose attrkeys fixes are checked against
// fix.go.golden.
package fix

import (
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

const methodKey = "http.method"

func record(span trace.Span, method string) {
	span.SetAttributes(
		attribute.String("http.request.methd", method),    // want `\(TL301\)`
		attribute.String("http.method", method),           /* fix */        // want `\(TL303\)`
		attribute.Key("http.status_code").Int(200),        /* fix */        // want `\(TL303\)`
		attribute.String(methodKey, method),               /* fix */        // want `\(TL303\)`
		attribute.String("http.request.method", "delete"), /* fix */        // want `\(TL306\)`
		attribute.String("http.request.method", "Put"),    /* fix */        // want `\(TL306\)`
		attribute.Bool(methodKey, true),                   /* fix: TL303 */ // want `\(TL303\)` `\(TL302\)`
		attribute.Int(statusKey, 200),                     /* fix */        // want `\(TL303\)`
		attribute.String(hostKey, "db"),                   // want `\(TL303\)`
	)
}
