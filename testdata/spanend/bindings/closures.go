package bindings

import (
	"context"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

// A closure that only annotates the span leaves ending it to the function.
func closureAnnotates(ctx context.Context, done chan struct{}) {
	_, span := tracer.Start(ctx, "annotated") /* fix */ // want `span "span" is not ended on every path: it leaks at the end of the function on line 17.*\(TL201\)`
	go func() {
		span.SetAttributes(attribute.Bool("done", true))
	}()
	<-done
}

// A goroutine, or a function a defer runs, that ends the span when a
// condition holds has taken charge of it.
func goroutineEndsSometimes(ctx context.Context, fail bool) {
	_, span := tracer.Start(ctx, "goroutine") // ok: the goroutine takes charge
	go func() {
		if fail {
			span.End()
		}
	}()
}

func run(f func()) { f() }

func deferredArgument(ctx context.Context, fail bool) {
	_, span := tracer.Start(ctx, "argument") // ok: run takes charge
	defer run(func() {
		if fail {
			span.End()
		}
	})
}

// A named result overwritten by an explicit return loses the span.
func namedOverwritten(ctx context.Context) (span trace.Span, err error) {
	_, span = tracer.Start(ctx, "named") // want `span "span" is not ended on every path: it leaks at the return on line 44.*\(TL201\)`
	return nil, err
}

// A bare return hands the named result over.
func namedBare(ctx context.Context) (span trace.Span, err error) {
	_, span = tracer.Start(ctx, "bare") // ok
	return
}

// A deferred closure that ends the span in one case of a switch leaves the
// other cases leaking.
func deferredSwitch(ctx context.Context, kind int) {
	_, span := tracer.Start(ctx, "switch") // want `span "span" is not ended on every path.*\(TL201\)`
	defer func() {
		switch kind {
		case 1:
			span.End()
		}
	}()
}

// A check after the end does not make the end conditional.
func deferredEndThenCheck(ctx context.Context, err error) {
	_, span := tracer.Start(ctx, "then") // ok
	defer func() {
		span.End()
		if err != nil {
			use(ctx)
		}
	}()
}

// Switches before or after the end do not make it conditional.
func deferredSwitchesAround(ctx context.Context, kind int) {
	_, span := tracer.Start(ctx, "around") // ok
	defer func() {
		switch kind {
		case 1:
			use(ctx)
		}
		span.End()
		switch kind {
		case 2:
			use(ctx)
		}
	}()
}
