package notflagged

import (
	"context"

	oteltrace "go.opentelemetry.io/otel/trace"
	"go.opentelemetry.io/otel/trace/noop"
)

// Spans of a no-op tracer are never exported: nothing leaks.
var noopTracer = noop.NewTracerProvider().Tracer("noop")

func noopPackageVar(ctx context.Context) {
	_, span := noopTracer.Start(ctx, "noop") // ok: a no-op tracer
	span.AddEvent("x")
}

func noopLocal(ctx context.Context) {
	tp := noop.NewTracerProvider()
	tr := tp.Tracer("local")
	_, span := tr.Start(ctx, "noop") // ok: a no-op tracer
	span.AddEvent("x")
}

func noopStruct(ctx context.Context) {
	_, span := noop.Tracer{}.Start(ctx, "noop") // ok: a no-op tracer
	span.AddEvent("x")
}

func deprecatedNoop(ctx context.Context) {
	_, span := oteltrace.NewNoopTracerProvider().Tracer("old").Start(ctx, "noop") // ok: a no-op tracer
	span.AddEvent("x")
}

// A tracer variable that may hold a real tracer is checked.
var maybeNoop = noop.NewTracerProvider().Tracer("maybe")

func setTracer(tp oteltrace.TracerProvider) { maybeNoop = tp.Tracer("real") }

func mayBeReal(ctx context.Context) {
	_, span := maybeNoop.Start(ctx, "real") /* fix */ // want `span "span" is not ended on every path.*TL201`
	span.AddEvent("x")
}
