// Package semconvonly is checked with the default configuration: the bundled
// semantic conventions and no registries.
package semconvonly

import (
	"context"
	"strconv"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	semconv "go.opentelemetry.io/otel/semconv/v1.37.0"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("semconvonly")

func handle(ctx context.Context, method string, code int) {
	_, span := tracer.Start(ctx, "handle", trace.WithAttributes(
		attribute.String("http.request.methd", method),  // want `attribute key "http.request.methd" is in the namespace "http.request" of the OpenTelemetry semantic conventions but is not one of its keys; did you mean "http.request.method"\? \(1 more use in this package\) \(TL301\)`
		attribute.String("http.request.method", method), // ok
	))
	defer span.End()

	span.SetAttributes(
		attribute.String("http.response.status_code", strconv.Itoa(code)), // want `attribute "http.response.status_code" is int in the telemetry contract, but the value is string; use attribute.Int or attribute.Int64 \(TL302\)`
		attribute.Int("http.response.status_code", code),                  // ok
		attribute.Int64("http.response.status_code", int64(code)),         // ok: Int64 stores an int
		attribute.Int("server.address", 1),                                // want `attribute "server.address" is string in the telemetry contract, but the value is int; use attribute.String \(TL302\)`
		attribute.StringSlice("http.request.header.x-forwarded-for", nil), // ok: a template of string[]
		attribute.String("http.request.header.x-forwarded-for", ""),       // want `attribute "http.request.header.x-forwarded-for" is string\[\] in the telemetry contract, but the value is string; use attribute.StringSlice \(TL302\)`
	)

	span.SetAttributes(attribute.String("http.methd", method))              // want `attribute key "http.methd" is in the namespace "http" .*; use a semantic conventions key or a namespace of your own \(TL301\)`
	span.SetAttributes(attribute.String("http.method", method))             /* fix */ // want `attribute key "http.method" is deprecated: renamed to "http.request.method" \(TL303\)`
	span.SetAttributes(attribute.String("enduser.scope", ""))               // ok: obsolete with no replacement, left to the opt-in TL307
	span.SetAttributes(attribute.String("message.type", "SENT"))            // ok: the same (go-zero's per-message event)
	span.SetAttributes(attribute.String("peer.service", "billing"))         // ok: renamed to service.peer.name, still in development
	span.SetAttributes(attribute.String("gen_ai.request.model", ""))        // ok: moved out of the semantic conventions
	span.SetAttributes(attribute.String("db.system", "postgresql"))         /* fix */ // want `attribute key "db.system" is deprecated: renamed to "db.system.name" .*\(TL303\)`
	span.SetAttributes(attribute.String("net.peer.name", ""))               // want `attribute key "net.peer.name" is deprecated \(Replaced by .server.address. on client spans and .client.address. on server spans\); stop recording it or use its replacement \(TL303\)`
	span.SetAttributes(attribute.String("http.request.method", "get"))      /* fix */ // want `value "get" is not a member of the enum "http.request.method" \(CONNECT, DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT, \.\.\.\); did you mean "GET"\? \(TL306\)`
	span.SetAttributes(attribute.String("http.request.method", "GET"))      // ok
	span.SetAttributes(attribute.String("http.request.method", "PURGE"))    // ok: far from every member, an extension of the open enum
	span.SetAttributes(attribute.String("db.system.name", "prometheus"))    // ok: the same (jaeger's metrics reader)
	span.SetAttributes(attribute.String("db.system.name", "elastic"))       // want `did you mean "elasticsearch"\? .*\(TL306\)`
	span.SetAttributes(attribute.String("db.system.name", "redis-cluster")) // want `did you mean "redis"\? .*\(TL306\)`
	span.SetAttributes(attribute.String("db.system.name", "sql"))           // ok: too short to be taken for the start of "sqlite"
	span.SetAttributes(attribute.String("db.system.name", "postgres"))      // want `value "postgres" is not a member of the enum "db.system.name" .*; did you mean "postgresql"\? The enum is open: keep the value only if it is a deliberate extension \(TL306\)`
	span.SetAttributes(attribute.String("http.request.method", "PUTT"))     // want `did you mean "PUT"\? .*\(TL306\)`
	span.SetAttributes(attribute.String("http.request.method", method))     // ok: not a constant

	span.SetAttributes(
		attribute.String("OrderID", ""),                          // ok: without a contract, TL304 is opt-in (see the naming package)
		attribute.String("shop.orderId", ""),                     // ok: the same
		attribute.String("shop.order.id", ""),                    // ok: outside the semantic conventions' namespaces
		attribute.String("app.order_id", ""),                     // want `in the namespace "app" of the OpenTelemetry semantic conventions but is not one of its keys; use a semantic conventions key or a namespace of your own \(TL301\)`
		attribute.String("app.product.id", ""),                   // ok: "app.product" holds no key, and "app" is only a top-level namespace
		attribute.Bool("messaging.kafka.producer.success", true), // want `attribute key "messaging.kafka.producer.success" is in the namespace "messaging.kafka" of the OpenTelemetry semantic conventions but is not one of its keys.*\(TL301\)`
		attribute.Int("shop.order.items", 3),                     // ok
		attribute.Bool("feature.enabled", true),                  // ok
	)
}

// The semconv packages' constants and helpers are correct by construction;
// their value types and enum members are still checked.
func generated(span trace.Span, code int) {
	span.SetAttributes(
		semconv.HTTPRequestMethodKey.String("GET"),          // ok
		semconv.HTTPRequestMethodGet,                        // ok
		semconv.HTTPResponseStatusCode(code),                // ok
		semconv.HTTPResponseStatusCodeKey.String("200"),     // want `attribute "http.response.status_code" is int in the telemetry contract, but the value is string; use attribute.Int or attribute.Int64 \(TL302\)`
		semconv.HTTPRequestMethodKey.String("POST "),        // want `value "POST " is not a member of the enum "http.request.method" .* \(TL306\)`
		attribute.Key("http.request.method").String("HEAD"), // ok
		attribute.Key("http.request.metod").String("HEAD"),  // want `"http.request.metod" .*did you mean "http.request.method"\? \(TL301\)`
		attribute.String("http.request.methd", "GET"),       // ok: the key is reported once in the package, at its first use
	)
}
