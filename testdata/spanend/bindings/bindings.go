// Package bindings covers how a start's results are bound: which variable
// holds the span, the context and the error, and where the context is
// handed beyond the function.
package bindings

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
	ddtracer "gopkg.in/DataDog/dd-trace-go.v1/ddtrace/tracer"
)

var tracer = otel.Tracer("bindings")

func use(context.Context) {}

// Info describes the operation a span was started for.
type Info struct{ Name string }

// startWithInfo returns a span and a description, not an error: the
// description being nil says nothing about the span.
func startWithInfo(ctx context.Context, name string) (context.Context, trace.Span, *Info) {
	ctx, span := tracer.Start(ctx, name)
	return ctx, span, nil
}

func infoIsNotAnError(ctx context.Context) {
	ctx, span, info := startWithInfo(ctx, "info") // want `span "span" is not ended on every path: it leaks at the return on line 32.*\(TL201\)`
	if info != nil {
		return
	}
	use(ctx)
	span.End()
}

// A start whose only result is the span, assigned to the blank identifier.
func blankSpanOnly() {
	_ = ddtracer.StartSpan("blank") // want `the span started by ddtracer.StartSpan is discarded.*\(TL202\)`
}

// Two values on the right: the span is the second.
func twoValues(ctx context.Context) {
	n, span := 1, ddtracer.StartSpan("two") /* fix */ // want `span "span" is not ended on every path: it leaks at the end of the function on line 48.*\(TL201\)`
	_ = n
	span.SetTag("n", n)
}

// A span assigned to a variable of the enclosing function is that
// function's to end.
func enclosingVariable(ctx context.Context) {
	var span trace.Span
	func() {
		ctx, span = tracer.Start(ctx, "inner") // ok: the enclosing function ends it
	}()
	defer span.End()
	use(ctx)
}

// Copying the context into another local hands nothing over.
func copiedContext(ctx context.Context) {
	ctx, _ = tracer.Start(ctx, "copied") // want `the span started by tracer.Start is discarded.*\(TL202\)`
	c := ctx
	use(c)
}

// Holder keeps a span for later.
type Holder struct{ span trace.Span }

// The context on the left of a later assignment is written, not handed over.
func contextOnTheLeft(ctx context.Context, h *Holder) {
	ctx, _ = tracer.Start(ctx, "first")       // want `the span started by tracer.Start is discarded.*\(TL202\)`
	ctx, h.span = tracer.Start(ctx, "second") // ok: the holder ends it
	use(ctx)
}

var errNoSpan = errors.New("no span")

// startChecked returns an error when it starts nothing.
func startChecked(ctx context.Context, name string) (context.Context, trace.Span, error) {
	if name == "" {
		return ctx, nil, errNoSpan
	}
	ctx, span := tracer.Start(ctx, name)
	return ctx, span, nil
}

// var declarations bind the same way as assignments.
func varDeclared(ctx context.Context) {
	var c, span, err = startChecked(ctx, "var") // ok: no span when err != nil
	if err != nil {
		return
	}
	use(c)
	span.End()
}

// A span kept in a package-level variable (declared below) is not a
// function's to end.
func startGlobal(ctx context.Context) {
	_, globalSpan = tracer.Start(ctx, "global") // ok
}

var globalSpan trace.Span

// A package that reads spans from a context without ending them: a
// returned context hands nothing over.
func peek(ctx context.Context) {
	span := trace.SpanFromContext(ctx)
	span.AddEvent("peek")
}

func stage(ctx context.Context) context.Context {
	ctx, span := tracer.Start(ctx, "stage") /* fix */ // want `span "span" is not ended on every path: it leaks at the return on line 117.*\(TL201\)`
	span.AddEvent("stage")
	return ctx
}
