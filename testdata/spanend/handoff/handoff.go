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

// A bound span whose derived context is returned is handed over with it:
// go-kit's client "before" hook starts the span and its finalizer ends it
// through SpanFromContext.
func clientBefore(ctx context.Context, md map[string]string) context.Context {
	ctx, span := tracer.Start(ctx, "client") // ok: ctx carries the span out
	md["traceparent"] = span.SpanContext().TraceID().String()
	return ctx
}

func clientFinalizer(ctx context.Context, err error) {
	if span := trace.SpanFromContext(ctx); span != nil {
		span.End() // ok
	}
}

type call struct{ ctx context.Context }

// Stored in a struct, the derived context carries the span too.
func startCall(ctx context.Context) *call {
	ctx, span := tracer.Start(ctx, "call") // ok: ctx is stored with the span in it
	span.AddEvent("start")
	return &call{ctx: ctx}
}

// A path that returns early without handing the context over still leaks.
// No fix: a deferred End would also end the span the other path hands over.
func beforeWithEarlyExit(ctx context.Context, skip bool) context.Context {
	ctx, span := tracer.Start(ctx, "client") // want `span "span" is not ended on every path: it leaks at the return on line 58;.*TL201`
	if skip {
		return nil
	}
	span.AddEvent("sent")
	return ctx
}

// Passing the derived context to a call uses it; it does not hand the span
// over.
func passedOn(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "op") /* fix */ // want `span "span" is not ended on every path.*TL201`
	span.AddEvent("op")
	return send(ctx)
}

func send(ctx context.Context) error { return ctx.Err() }

// NewHandler returns the stats handler, for the external test package.
func NewHandler() handler { return handler{} }
