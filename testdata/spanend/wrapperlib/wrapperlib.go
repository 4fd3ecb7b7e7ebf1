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

// Trace starts a span and hands out the function that ends it, recording
// the error it is given.
func Trace(ctx context.Context, name string) (context.Context, func(*error)) {
	ctx, span := tracer.Start(ctx, name)
	return ctx, func(errp *error) {
		if errp != nil && *errp != nil {
			span.RecordError(*errp)
		}
		span.End()
	}
}

// Begin hands out the span's End method.
func Begin(ctx context.Context, name string) (context.Context, func(...trace.SpanEndOption)) {
	ctx, span := tracer.Start(ctx, name)
	return ctx, span.End
}

// Timer returns a function that records a duration: it starts no span.
func Timer(ctx context.Context, name string) (context.Context, func()) {
	return ctx, func() {}
}

// Scope holds a span until Close.
type Scope struct{ span trace.Span }

// Close ends the scope's span.
func (s *Scope) Close() { s.span.End() }

// Name is the scope's name: it ends nothing.
func (s *Scope) Name() string { return "" }

// Open starts a span and hands out the scope that ends it.
func Open(ctx context.Context, name string) *Scope {
	_, span := tracer.Start(ctx, name)
	return &Scope{span: span}
}
