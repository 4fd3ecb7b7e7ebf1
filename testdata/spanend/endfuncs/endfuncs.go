// Package endfuncs covers a team's own start helpers that return the
// function ending the span (declared in wrapperlib and here).
package endfuncs

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel"

	"example.com/tracelinttest/spanend/wrapperlib"
)

var tracer = otel.Tracer("endfuncs")

// span starts a span and returns the closure that ends it.
func span(ctx context.Context, name string) (context.Context, func()) {
	ctx, sp := tracer.Start(ctx, name)
	end := func() { sp.End() }
	return ctx, end
}

func work(ctx context.Context) error { return errors.New("failed") }

func deferred(ctx context.Context) (err error) {
	ctx, finish := wrapperlib.Trace(ctx, "deferred") // ok
	defer finish(&err)
	return work(ctx)
}

func leaksOnError(ctx context.Context) error {
	ctx, finish := wrapperlib.Trace(ctx, "early") // want `the span that "finish" ends is not ended on every path: it leaks at the return on line 34; call finish\(...\) on every path.*TL201`
	if err := work(ctx); err != nil {
		return err
	}
	var err error
	finish(&err)
	return nil
}

func neverCalled(ctx context.Context) error {
	ctx, end := span(ctx, "local") /* fix */ // want `the span that "end" ends is not ended on every path.*call end\(\) on every path, e.g. defer end\(\) after the start \(TL201\)`
	_ = end
	return work(ctx)
}

func methodValue(ctx context.Context) error {
	ctx, end := wrapperlib.Begin(ctx, "begin") // want `the span that "end" ends is not ended on every path: it leaks at the return on line 53.*TL201`
	if err := ctx.Err(); err != nil {
		end()
		return err
	}
	return work(ctx)
}

func dropped(ctx context.Context) error {
	ctx, _ = wrapperlib.Trace(ctx, "dropped") // want `the function that ends the span started by wrapperlib.Trace is discarded.*TL202`
	return work(ctx)
}

func handedOver(ctx context.Context) func() {
	_, end := span(ctx, "handed") // ok: the caller gets the end function
	return end
}

func notASpan(ctx context.Context) error {
	ctx, stop := wrapperlib.Timer(ctx, "timer") // ok: Timer starts no span
	_ = stop
	return work(ctx)
}

func scoped(ctx context.Context) error {
	sc := wrapperlib.Open(ctx, "scoped") // ok
	defer sc.Close()
	return work(ctx)
}

func scopeLeaks(ctx context.Context) error {
	sc := wrapperlib.Open(ctx, "leaks") // want `the span that "sc" ends is not ended on every path: it leaks at the return on line 82; call sc.Close\(\) on every path, e.g. defer sc.Close\(\) after the start \(TL201\)`
	if err := work(ctx); err != nil {
		_ = sc.Name()
		return err
	}
	sc.Close()
	return nil
}

func scopeDropped(ctx context.Context) {
	wrapperlib.Open(ctx, "dropped") // want `the value whose Close method ends the span started by wrapperlib.Open is discarded.*TL202`
}

func finishReturnsError(ctx context.Context) error {
	ctx, done := wrapperlib.Finish(ctx, "finish") /* fix */ // want `the span that "done" ends is not ended on every path: it leaks at the return on line 95.*\(TL201\)`
	_ = done
	return work(ctx)
}

func timed(ctx context.Context) error {
	ctx, stop := wrapperlib.Timed(ctx, "timed") // ok: Timed ends its own span
	_ = stop
	return work(ctx)
}

func step(ctx context.Context) error {
	ctx, end := wrapperlib.Step(ctx, "step") // want `the span that "end" ends is not ended on every path: it leaks at the return on line 107.*\(TL201\)`
	if err := work(ctx); err != nil {
		return err
	}
	end()
	return nil
}

func region(ctx context.Context) error {
	rg := wrapperlib.Enter(ctx, "region") // want `the span that "rg" ends is not ended on every path: it leaks at the return on line 117; call rg.Leave\(\) on every path.*\(TL201\)`
	if err := work(ctx); err != nil {
		_ = rg.Recording()
		return err
	}
	rg.Leave()
	return nil
}

func notStarted(ctx context.Context) error {
	sc := wrapperlib.Lookup(ctx) // ok: Lookup starts nothing
	_ = sc.Name()
	ctx = wrapperlib.Annotated(ctx, "annotated") // ok: Annotated ends its own span
	_ = wrapperlib.Count(ctx, "count")           // ok
	return work(ctx)
}

func opLeaks(ctx context.Context) error {
	op := wrapperlib.StartOp(ctx, "op") // want `the span that "op" ends is not ended on every path: it leaks at the return on line 134; call op.Done\(\.\.\.\) on every path.*\(TL201\)`
	if err := work(ctx); err != nil {
		return err
	}
	var err error
	op.Done(&err)
	return nil
}

func remoteShapes(ctx context.Context) error {
	cur := wrapperlib.CurrentVar(ctx) // ok: CurrentVar starts nothing
	cur.AddEvent("x")
	passed := wrapperlib.Pass(wrapperlib.Current(ctx)) // ok: Pass starts nothing
	passed.AddEvent("x")
	ctx, span := wrapperlib.StartGeneric(ctx, "generic") /* fix */ // want `span "span" is not ended on every path: it leaks at the return on line 148.*\(TL201\)`
	span.AddEvent("x")
	return work(ctx)
}

func ownSpans(ctx context.Context, next func()) error {
	ctx, after := wrapperlib.Chain(ctx, next) // ok: Chain ends its own span
	_ = after
	_ = wrapperlib.Elapsed(ctx, "elapsed") // ok
	return work(ctx)
}
