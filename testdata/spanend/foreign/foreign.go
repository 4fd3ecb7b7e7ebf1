// Package foreign holds TL206 cases: ending a span taken from the context.
package foreign

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("foreign")

func enrich(ctx context.Context) {
	span := trace.SpanFromContext(ctx)
	defer span.End() // want `span "span" comes from trace.SpanFromContext: it is the caller's span, not one this function started, and ending it here ends the caller's span early; remove the call, or start a child span with tracer.Start and end that \(TL206\)`
	span.SetAttributes(attribute.Int("items", 3))
}

func direct(ctx context.Context) {
	trace.SpanFromContext(ctx).End() // want `trace.SpanFromContext\(...\) is the caller's span.*\(TL206\)`
}

func twice(ctx context.Context, ok bool) {
	span := trace.SpanFromContext(ctx)
	if ok {
		span.End() // want `comes from trace.SpanFromContext.*\(TL206\)`
		return
	}
	span.End()
}

func readOnly(ctx context.Context) {
	span := trace.SpanFromContext(ctx) // ok
	span.AddEvent("seen")
}

func startsWhenMissing(ctx context.Context) {
	span := trace.SpanFromContext(ctx)
	if !span.IsRecording() {
		ctx, span = tracer.Start(ctx, "fallback") // ok: this span is the function's own
		_ = ctx
	}
	span.End()
}

// The span of an empty context is a no-op span: ending it ends nothing.
func emptyContext() {
	trace.SpanFromContext(context.Background()).End() // ok: a no-op span
	bg := context.TODO()
	span := trace.SpanFromContext(bg)
	span.End() // ok: a no-op span
}
