package spancontext

import (
	"context"

	"go.opentelemetry.io/otel/trace"

	"example.com/tracelinttest/ctxpropagation/rootlib"
)

// startFor has a start helper's results but takes no context first: it
// is no start helper.
func startFor(owner any, name string) (context.Context, trace.Span) {
	return tracer.Start(base, name)
}

var base = context.Background()

func usesStartFor(ctx context.Context) {
	_, span := startFor(ctx, "x") // ok
	defer span.End()
	call(ctx)
}

func hook() func() { return func() {} }

// startHooked runs a hook through a function value before it starts.
func startHooked(ctx context.Context, name string) (context.Context, trace.Span) {
	hook()()
	return tracer.Start(ctx, name)
}

func usesStartHooked(ctx context.Context) {
	_, span := startHooked(ctx, "x") /* fix */ // want `the context of span "span" is discarded and ctx is passed on instead.*\(TL103\)`
	defer span.End()
	call(ctx)
}

// A helper of another package of the module is read from source: this one
// starts nothing.
func usesCurrentElsewhere(ctx context.Context) {
	_, span := rootlib.Current(ctx) // ok
	span.AddEvent("seen")
	call(ctx)
}
