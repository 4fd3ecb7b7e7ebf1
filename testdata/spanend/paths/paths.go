// Package paths holds TL201 cases: spans that leak on some path.
package paths

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("paths")

func work(context.Context) error { return nil }

func earlyReturn(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "early") // want `span "span" is not ended on every path: it leaks at the return on line 19; call span.End\(\) on every path, e.g. defer span.End\(\) after the start \(TL201\)`
	if err := work(ctx); err != nil {
		return err
	}
	span.End()
	return nil
}

func neverEnded(ctx context.Context) {
	_, span := tracer.Start(ctx, "never") /* fix */ // want `span "span" is not ended on every path: it leaks at the end of the function on line 28.*\(TL201\)`
	span.SetAttributes()
}

func severalExits(ctx context.Context, n int) int {
	ctx, span := tracer.Start(ctx, "several") // want `leaks at the return on line 33 and at 1 other place;.*\(TL201\)`
	if n > 1 {
		return 1
	}
	if n > 2 {
		span.End()
		return 2
	}
	_ = work(ctx)
	return 3
}

func inLoop(ctx context.Context, items []int) {
	for _, it := range items {
		_, span := tracer.Start(ctx, "item") // want `span "span" is not ended on every path: it leaks when the loop starts its next iteration and at 1 other place; call span.End\(\) on every path through the loop body, including before continue and break \(TL201\)`
		if it > 0 {
			continue
		}
		span.End()
	}
}

func breakOut(ctx context.Context, items []int) {
	for range items {
		_, span := tracer.Start(ctx, "break") // want `span "span" is not ended on every path: it leaks at the end of the function on line 61.*\(TL201\)`
		if len(items) > 3 {
			break
		}
		span.End()
	}
}

func selectArm(ctx context.Context, ch chan int) int {
	_, span := tracer.Start(ctx, "select") // want `leaks at the return on line 67.*\(TL201\)`
	select {
	case v := <-ch:
		return v
	case <-ctx.Done():
		span.End()
		return 0
	}
}

func switchArm(ctx context.Context, kind string) {
	_, span := tracer.Start(ctx, "switch") // want `leaks at the end of the function on line 84.*\(TL201\)`
	switch kind {
	case "a":
		span.End()
	case "b":
		// forgotten
	default:
		span.End()
	}
}

func elseBranch(ctx context.Context, ok bool) {
	_, span := tracer.Start(ctx, "else") // want `leaks at the end of the function.*\(TL201\)`
	if ok {
		span.End()
	} else {
		_ = errors.New("no end")
	}
}

func gotoExit(ctx context.Context, n int) {
	_, span := tracer.Start(ctx, "goto") // want `leaks at the end of the function on line 102.*\(TL201\)`
	if n == 0 {
		goto out
	}
	span.End()
out:
}

func namedResults(ctx context.Context) (err error) {
	_, span := tracer.Start(ctx, "named") // want `leaks at the return on line 107.*\(TL201\)`
	if err = work(ctx); err != nil {
		return
	}
	span.End()
	return nil
}

func overwrittenByOther(ctx context.Context, other trace.Span) {
	_, span := tracer.Start(ctx, "overwritten") // want `span "span" is not ended on every path: it leaks when the variable is assigned on line 115.*\(TL201\)`
	span = other
	span.End()
}

func closures(ctx context.Context) func() {
	return func() {
		_, span := tracer.Start(ctx, "in closure") /* fix */ // want `span "span" is not ended on every path.*\(TL201\)`
		_ = span.IsRecording()
	}
}

func goroutine(ctx context.Context) {
	go func() {
		_, span := tracer.Start(ctx, "in goroutine") // want `span "span" is not ended on every path.*\(TL201\)`
		if span.IsRecording() {
			return
		}
		span.End()
	}()
}

// A deferred closure that ends the span only on some paths leaks on the
// others.
func deferredOnError(ctx context.Context) (err error) {
	ctx, span := tracer.Start(ctx, "op") // want `span "span" is not ended on every path: it leaks at the return on line 145;.*TL201`
	defer func() {
		if err != nil {
			span.End()
		}
	}()
	return work(ctx)
}

// Guards on the span itself, and a recover before the End, are fine.
func deferredGuarded(ctx context.Context) (err error) {
	ctx, span := tracer.Start(ctx, "op") // ok
	defer func() {
		if r := recover(); r != nil {
			err = errors.New("panic")
		}
		if span != nil && span.IsRecording() {
			span.End()
		}
	}()
	return work(ctx)
}

func deferredEarlyReturn(ctx context.Context) (err error) {
	ctx, span := tracer.Start(ctx, "op") // want `span "span" is not ended on every path.*TL201`
	defer func() {
		if err == nil {
			return
		}
		span.End()
	}()
	return work(ctx)
}

// A callback that defers End on the outer span while its own span leaks.
func outerEndedInCallback(ctx context.Context, items []string, each func(func(string))) {
	ctx, outer := tracer.Start(ctx, "outer")
	each(func(it string) {
		_, inner := tracer.Start(ctx, it) /* fix */ // want `span "inner" is not ended on every path.*TL201`
		defer outer.End()
		inner.AddEvent(it)
	})
}

// A pipeline stage returns the span's context to the next stage but still
// owns the span: nothing in the package ends spans from a context.
func stage(ctx context.Context) (context.Context, error) {
	ctx, span := tracer.Start(ctx, "stage") /* fix */ // want `span "span" is not ended on every path.*TL201`
	span.AddEvent("x")
	return ctx, nil
}
