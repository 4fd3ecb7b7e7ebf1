// Package loops holds TL203 and TL205 cases.
package loops

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("loops")

func process(context.Context, string) {}

func deferInLoop(ctx context.Context, items []string) {
	for _, it := range items {
		ctx, span := tracer.Start(ctx, it) // want `span "span" is ended by a defer inside a loop, so every iteration's span stays open until the function returns; call span.End\(\) at the end of each iteration, or move the body into a function \(TL203\)`
		defer span.End()
		process(ctx, it)
	}
}

func deferClosureInLoop(ctx context.Context, n int) {
	for i := 0; i < n; i++ {
		_, span := tracer.Start(ctx, "i") // want `ended by a defer inside a loop.*\(TL203\)`
		defer func() { span.End() }()
	}
}

func deferPerIteration(ctx context.Context, items []string) {
	for _, it := range items {
		func() {
			ctx, span := tracer.Start(ctx, it) // ok
			defer span.End()
			process(ctx, it)
		}()
	}
}

func deferParamInLoop(span trace.Span, n int) {
	for range n {
		defer span.End() // want `span "span" is ended by a defer inside a loop.*\(TL203\)`
	}
}

func overwritten(ctx context.Context) {
	ctx, span := tracer.Start(ctx, "fetch") // want `span "span" is overwritten by the start on line 49 before it is ended, so it is never exported; call span.End\(\) before starting the next span \(TL205\)`
	process(ctx, "fetch")
	ctx, span = tracer.Start(ctx, "parse")
	defer span.End()
	process(ctx, "parse")
}

func overwrittenOnOnePath(ctx context.Context, retry bool) {
	_, span := tracer.Start(ctx, "try") // want `overwritten by the start on line 57.*\(TL205\)`
	if retry {
		_, span = tracer.Start(ctx, "retry")
	}
	span.End()
}

func overwrittenEachIteration(ctx context.Context, items []string) {
	var span trace.Span
	for _, it := range items {
		ctx, span = tracer.Start(ctx, it) // want `span "span" is overwritten by the next iteration's start before it is ended.*\(TL205\)`
		process(ctx, it)
	}
	if span != nil {
		span.End()
	}
}

func endedBeforeNext(ctx context.Context) {
	ctx, span := tracer.Start(ctx, "fetch") // ok
	process(ctx, "fetch")
	span.End()
	ctx, span = tracer.Start(ctx, "parse") // ok
	defer span.End()
	process(ctx, "parse")
}

// controller has a Finish method but is not a span.
type controller struct{}

func (*controller) Finish() {}

func newController() *controller { return &controller{} }

func notASpan(n int) {
	for range n {
		c := newController()
		defer c.Finish() // ok: not a span
	}
}

// The guard keeps the overwrite from happening; the early return is what
// leaks: TL201, not TL205.
func guardedRestart(ctx context.Context, items []string) error {
	started := false
	var span trace.Span
	for _, it := range items {
		if !started {
			ctx, span = tracer.Start(ctx, "batch") // want `span "span" is not ended on every path: it leaks at the return on line 107 and at 2 other places;.*TL201`
			started = true
		}
		if it == "" {
			return ctx.Err()
		}
	}
	if started {
		span.End()
	}
	return nil
}

// A deferred End of a span started before the loop is reported at the
// defer.
func deferOuterInLoop(ctx context.Context, items []string) {
	ctx, outer := tracer.Start(ctx, "outer")
	defer outer.End()
	for _, it := range items {
		_, inner := tracer.Start(ctx, it)
		inner.End()
		defer outer.End() // want `span "outer" is ended by a defer inside a loop.*\(TL203\)`
	}
}

// A deferred closure that ends the span and then does more.
func deferClosureThenMore(ctx context.Context, items []string) {
	for _, it := range items {
		_, span := tracer.Start(ctx, it) // want `span "span" is ended by a defer inside a loop.*\(TL203\)`
		defer func() {
			span.End()
			process(ctx, "done")
		}()
	}
}

// Lease is not a span, though its method is called End.
type Lease struct{}

// End returns the lease.
func (Lease) End() {}

type job struct{ lease Lease }

func deferLeaseInLoop(jobs []job) {
	for _, j := range jobs {
		defer j.lease.End() // ok: not a span
	}
}
