// Package handoff starts spans in one callback and ends them in another,
// through the context, as gRPC stats handlers do. Neither TL202 nor TL206
// applies.
package handoff

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("handoff")

type handler struct{}

func (handler) TagRPC(ctx context.Context, method string) context.Context {
	ctx, _ = tracer.Start(ctx, method) // ok
	return ctx
}

func (handler) HandleRPC(ctx context.Context, end bool) {
	span := trace.SpanFromContext(ctx)
	if end {
		span.End() // ok
	}
}
