// Package wrapperlib declares span-starting wrappers used from another
// package of the module (crosspkg).
package wrapperlib

import (
	"context"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("wrapperlib")

// Start starts a span named after the operation.
func Start(ctx context.Context, op string) (context.Context, trace.Span) {
	return tracer.Start(ctx, "lib."+op)
}

// Tracer wraps an OpenTelemetry tracer.
type Tracer struct{ tr trace.Tracer }

// StartOp starts a span through a method.
func (t *Tracer) StartOp(ctx context.Context, op string) (context.Context, trace.Span) {
	ctx, span := t.tr.Start(ctx, op)
	span.SetAttributes()
	return ctx, span
}

// Current returns the span in ctx; it starts nothing.
func Current(ctx context.Context) trace.Span { return trace.SpanFromContext(ctx) }

// Traced runs f in a span that it ends itself.
func Traced(ctx context.Context, f func(context.Context)) trace.Span {
	ctx, span := tracer.Start(ctx, "traced")
	defer span.End()
	f(ctx)
	return span
}

// Trace starts a span and hands out the function that ends it, recording
// the error it is given.
func Trace(ctx context.Context, name string) (context.Context, func(*error)) {
	ctx, span := tracer.Start(ctx, name)
	return ctx, func(errp *error) {
		if errp != nil && *errp != nil {
			span.RecordError(*errp)
		}
		span.End()
	}
}

// Begin hands out the span's End method.
func Begin(ctx context.Context, name string) (context.Context, func(...trace.SpanEndOption)) {
	ctx, span := tracer.Start(ctx, name)
	return ctx, span.End
}

// Timer returns a function that records a duration: it starts no span.
func Timer(ctx context.Context, name string) (context.Context, func()) {
	return ctx, func() {}
}

// Scope holds a span until Close.
type Scope struct{ span trace.Span }

// Close ends the scope's span.
func (s *Scope) Close() { s.span.End() }

// Name is the scope's name: it ends nothing.
func (s *Scope) Name() string { return "" }

// Open starts a span and hands out the scope that ends it.
func Open(ctx context.Context, name string) *Scope {
	_, span := tracer.Start(ctx, name)
	return &Scope{span: span}
}

// Finish hands out a function that ends the span and reports the flush's
// error.
func Finish(ctx context.Context, name string) (context.Context, func() error) {
	ctx, span := tracer.Start(ctx, name)
	return ctx, func() error {
		span.End()
		return nil
	}
}

// Timed ends its span itself: the function it hands out stops a timer and
// cancels the context, and ends no span.
func Timed(ctx context.Context, name string) (context.Context, func()) {
	ctx, cancel := context.WithCancel(ctx)
	ctx, span := tracer.Start(ctx, name)
	defer span.End()
	t := time.NewTimer(time.Minute)
	stop := func() {
		cancel()
		t.Stop()
	}
	return ctx, stop
}

var debug = false

// Step hands out the function that ends the span, wrapped when debugging.
func Step(ctx context.Context, name string) (context.Context, func()) {
	ctx, span := tracer.Start(ctx, name)
	end := func() { span.End() }
	if debug {
		end = logged(end)
	}
	return ctx, end
}

func logged(f func()) func() { return func() { f() } }

// Region holds a span until Leave; its other methods end no span of its
// own.
type Region struct {
	span  trace.Span
	inner *Scope
}

// Recording reports whether the region's span records.
func (r *Region) Recording() bool { return r.span.IsRecording() }

// Kind names the region's kind.
func (*Region) Kind() string { return kindName() }

func kindName() string { return "region" }

// Abandon ends another region's span.
func (r *Region) Abandon(other *Region) { other.span.End() }

// CloseInner closes the inner scope's span, not the region's.
func (r *Region) CloseInner() { r.inner.span.End() }

// Describe names the region.
func (r *Region) Describe() string { return describe(r) }

func describe(*Region) string { return "region" }

// Leave ends the region's span.
func (r *Region) Leave() { r.span.End() }

// Enter starts a span and hands out the region that ends it.
func Enter(ctx context.Context, name string) *Region {
	_, span := tracer.Start(ctx, name)
	return &Region{span: span}
}

// Lookup returns the scope kept in ctx: it starts nothing.
func Lookup(ctx context.Context) *Scope {
	s, _ := ctx.Value(scopeKey{}).(*Scope)
	return s
}

type scopeKey struct{}

// Annotated runs a span of its own and returns the context it was given.
func Annotated(ctx context.Context, name string) context.Context {
	_, span := tracer.Start(ctx, name)
	defer span.End()
	return ctx
}

// Count runs a span of its own and returns a number.
func Count(ctx context.Context, name string) int {
	_, span := tracer.Start(ctx, name)
	defer span.End()
	return len(name)
}

// Op holds a span until Done.
type Op struct{ span trace.Span }

// Done ends the operation's span, recording *errp.
func (o *Op) Done(errp *error) {
	if errp != nil && *errp != nil {
		o.span.RecordError(*errp)
	}
	o.span.End()
}

// StartOp starts a span and hands out the operation that ends it.
func StartOp(ctx context.Context, name string) *Op {
	_, span := tracer.Start(ctx, name)
	return &Op{span: span}
}

// CurrentVar returns the span in ctx through a variable: it starts nothing.
func CurrentVar(ctx context.Context) trace.Span {
	span := trace.SpanFromContext(ctx)
	return span
}

// Pass returns the span it is given.
func Pass(span trace.Span) trace.Span { return span }

func startTyped[T any](ctx context.Context, name string) (context.Context, trace.Span) {
	return tracer.Start(ctx, name)
}

// StartGeneric starts a span through a generic helper.
func StartGeneric(ctx context.Context, name string) (context.Context, trace.Span) {
	return startTyped[int](ctx, name)
}

// Chain runs a span of its own and hands back the caller's next function.
func Chain(ctx context.Context, next func()) (context.Context, func()) {
	ctx, span := tracer.Start(ctx, "chain")
	defer span.End()
	return ctx, next
}

// Elapsed runs a span of its own and returns a duration.
func Elapsed(ctx context.Context, name string) time.Duration {
	_, span := tracer.Start(ctx, name)
	defer span.End()
	return time.Second
}

// Task holds a span until End.
type Task struct{ span trace.Span }

// End ends the task's span.
func (t *Task) End() { t.span.End() }

// StartTask starts a span and hands out the task that ends it.
func StartTask(ctx context.Context, name string) *Task { return startTask(ctx, name) }

func startTask(ctx context.Context, name string) *Task {
	_, span := tracer.Start(ctx, name)
	return &Task{span: span}
}
