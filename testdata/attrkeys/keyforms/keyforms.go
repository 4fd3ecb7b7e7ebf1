// Package keyforms covers every way to spell a key and every place an
// attribute.KeyValue is built.
package keyforms

import (
	"context"
	"fmt"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/trace"

	"example.com/tracelinttest/attrkeys/keys"
)

var (
	tracer = otel.Tracer("keyforms")
	meter  = otel.Meter("keyforms")
)

// keyOf is a function value: a call of it has no static callee.
var keyOf = func(name string) string { return "shop." + name }

func forms(ctx context.Context, span trace.Span, method, header string) {
	span.SetAttributes(
		attribute.String(methodKey, method),                                        // want `"http.request.methd" .* \(TL301\)`
		attribute.String(keys.Method, method),                                      // want `"http.request.mthod" .* \(TL301\)`
		keys.Status.String("200"),                                                  // want `"http.response.status_code" is int .* \(TL302\)`
		attribute.String(string(keys.Route), "/orders/{id}"),                       // ok
		attribute.Int(string(keys.Route), 1),                                       // want `"http.route" is string .* \(TL302\)`
		attribute.String(keys.Deprecated, ""),                                      // want `"http.url" is deprecated: renamed to "url.full" \(TL303\)`
		attribute.KeyValue{Key: "server.port", Value: attribute.StringValue("80")}, // want `"server.port" is int .* \(TL302\)`
		attribute.KeyValue{Key: keys.Status, Value: attribute.IntValue(200)},       // ok
		attribute.KeyValue{"http.request.methodd", attribute.StringValue(method)},  // want `"http.request.methodd" .* \(TL301\)`
		attribute.String(("server.address"), "example.com"),                        // ok
		attribute.String(keys.KeyMethod.String(), method),                          // want `"http.request.metho" .* \(TL301\)`
		attribute.Int(keys.KeyRoute.String(), 1),                                   // want `"http.route" is string .* \(TL302\)`
	)

	// Templates: a constant prefix and a name.
	span.SetAttributes(
		attribute.StringSlice("http.request.header."+header, nil),                  // ok
		attribute.String("http.request.header."+header, ""),                        // want `attribute "http.request.header.\*" is string\[\] in the telemetry contract, but the value is string; use attribute.StringSlice \(TL302\)`
		attribute.StringSlice(fmt.Sprintf("http.response.header.%s", header), nil), // ok
		attribute.String(fmt.Sprintf("http.response.header.%s", header), ""),       // want `attribute "http.response.header.\*" is string\[\] in the telemetry contract.*\(TL302\)`
		attribute.String("http.request.header."+header+"-id", ""),                  // want `attribute "http.request.header.\*" is string\[\] in the telemetry contract.*\(TL302\)`
		attribute.String(string(attribute.Key("http.request.header."+header)), ""), // want `attribute "http.request.header.\*" is string\[\] in the telemetry contract.*\(TL302\)`
		attribute.String(fmt.Sprint("http.request.header.%s", header), ""),         // ok: only Sprintf's format leads a template; TL305 is opt-in
		attribute.String(keyOf(header), ""),                                        // ok: a key from a function value; TL305 is opt-in
		attribute.String("shop."+header, ""),                                       // ok: TL305 is opt-in
	)

	// Every place an attribute travels.
	_, child := tracer.Start(ctx, "child",
		trace.WithAttributes(attribute.String("http.request.mehtod", "")), // want `"http.request.mehtod" .*\(TL301\)`
		trace.WithLinks(trace.Link{Attributes: []attribute.KeyValue{
			attribute.Int("server.address", 1), // want `\(TL302\)`
		}}),
	)
	defer child.End()
	child.AddEvent("retry", trace.WithAttributes(attribute.String("http.method", ""))) /* fix */ // want `\(TL303\)`
	counter, _ := meter.Int64Counter("requests")
	counter.Add(ctx, 1, metric.WithAttributes(attribute.String("http.request.method", "got"))) // want `\(TL306\)`
	set := attribute.NewSet(attribute.Bool("http.request.methot", true))                       // want `"http.request.methot" .*\(TL301\)`
	_ = set
}
