// Package stability is checked with TL307 on and attrkeys.min-stability at
// its default, stable.
package stability

import (
	"go.opentelemetry.io/otel/attribute"
	semconv "go.opentelemetry.io/otel/semconv/v1.37.0"
	"go.opentelemetry.io/otel/trace"
)

func keys(span trace.Span, model, method string) {
	span.SetAttributes(
		attribute.String("messaging.destination.name", model),     // want `attribute key "messaging.destination.name" is development, below attrkeys.min-stability \(stable\).*\(TL307\)`
		semconv.MessagingSystemKey.String("kafka"),                // want `attribute key "messaging.system" is development.*\(TL307\)`
		attribute.String("http.request.method", method),           // ok: stable
		attribute.String("http.method", method),                   /* fix */ // want `\(TL303\)`
		attribute.String("shop.order.id", model),                  // ok: not in the contract
		attribute.String("message.type", "SENT"),                  // want `attribute key "message.type" is deprecated: it is obsolete \(Deprecated, no replacement at this time\), below attrkeys.min-stability \(stable\): stop recording it.*\(TL307\)`
		attribute.String("peer.service", model),                   // ok: a key of the imported semconv v1.37, where it is current
		attribute.String("messaging.kafka.consumer.group", model), // want `attribute key "messaging.kafka.consumer.group" is deprecated: renamed to "messaging.consumer.group.name", below attrkeys.min-stability \(stable\).*\(TL307\)`
	)
}
