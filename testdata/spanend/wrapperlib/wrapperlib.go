// Package wrapperlib declares span-starting wrappers used from another
// package of the module (crosspkg).
package wrapperlib

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("wrapperlib")

// Start starts a span named after the operation.
func Start(ctx context.Context, op string) (context.Context, trace.Span) {
	return tracer.Start(ctx, "lib."+op)
}

// Tracer wraps an OpenTelemetry tracer.
type Tracer struct{ tr trace.Tracer }

// StartOp starts a span through a method.
func (t *Tracer) StartOp(ctx context.Context, op string) (context.Context, trace.Span) {
	ctx, span := t.tr.Start(ctx, op)
	span.SetAttributes()
	return ctx, span
}

// Current returns the span in ctx; it starts nothing.
func Current(ctx context.Context) trace.Span { return trace.SpanFromContext(ctx) }

// Traced runs f in a span that it ends itself.
func Traced(ctx context.Context, f func(context.Context)) trace.Span {
	ctx, span := tracer.Start(ctx, "traced")
	defer span.End()
	f(ctx)
	return span
}
