package paths

import (
	"context"

	"go.opentelemetry.io/otel/trace"
)

// A span overwritten by a later start on one path and left at a return on
// another, and never ended: the overwrite is the defect.
func overwrittenOrReturned(ctx context.Context, fail bool) {
	ctx, span := tracer.Start(ctx, "first") // want `span "span" is overwritten by the start on line 16 before it is ended.*\(TL205\)`
	if fail {
		return
	}
	ctx, span = tracer.Start(ctx, "second")
	span.End()
}

// A span kept in a variable declared before the start, never ended.
func declaredBefore(ctx context.Context) {
	var span trace.Span
	_, span = tracer.Start(ctx, "declared") /* fix */ // want `span "span" is not ended on every path: it leaks at the end of the function on line 25.*\(TL201\)`
	span.AddEvent("x")
}

// Lease is not a span, though its method is called End.
type Lease struct{}

// End returns the lease.
func (Lease) End() {}

func cleanup() {}

// Deferred calls in a callback that end nothing of the enclosing function:
// only the span's own leak is reported, with no related "ends outer".
func callbackDefers(ctx context.Context, outer trace.Span, lease Lease, h *holder, each func(func(string))) {
	each(func(it string) {
		_, inner := tracer.Start(ctx, it) /* fix */ // want `span "inner" is not ended on every path.*TL201`
		defer cleanup()
		defer outer.AddEvent("done")
		defer lease.End()
		defer h.span.End()
		other := outer
		defer other.End()
		inner.AddEvent(it)
	})
}

type holder struct{ span trace.Span }
