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

// makeTracer returns a real tracer.
func makeTracer() oteltrace.Tracer { return oteltrace.NewNoopTracerProvider().Tracer("x") }

// Tracers from a function, or a function value, are checked.
func tracerFromFunctions(ctx context.Context, mk func() oteltrace.Tracer) {
	fromFunc := makeTracer()
	_, span := fromFunc.Start(ctx, "func") /* fix */ // want `span "span" is not ended on every path.*TL201`
	span.AddEvent("x")
	fromValue := mk()
	_, span2 := fromValue.Start(ctx, "value") /* fix */ // want `span "span2" is not ended on every path.*TL201`
	span2.AddEvent("x")
}

// Tracer variables assigned from each other are followed a few steps only:
// past that the tracer counts as real.
var first, second oteltrace.Tracer = noop.NewTracerProvider().Tracer("a"), noop.NewTracerProvider().Tracer("b")

func swapTracers() { first, second = second, first }

func cycle(ctx context.Context, f func()) {
	_, span := first.Start(ctx, "cycle") /* fix */ // want `span "span" is not ended on every path.*TL201`
	f()
	span.AddEvent("x")
}
