// Package wrappers holds span-starting wrappers declared in the package
// that uses them: spanend infers them without configuration.
package wrappers

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("wrappers")

// startSpan returns the tracer's result directly.
func startSpan(ctx context.Context, name string) (context.Context, trace.Span) {
	return tracer.Start(ctx, name) // ok: handed to the caller
}

// startNamed keeps the span in a variable before returning it.
func startNamed(ctx context.Context, op string) (context.Context, trace.Span) {
	ctx, span := tracer.Start(ctx, "svc."+op) // ok
	span.SetAttributes()
	return ctx, span
}

// startOuter wraps a wrapper.
func startOuter(ctx context.Context) (trace.Span, context.Context) {
	ctx, span := startNamed(ctx, "outer") // ok
	return span, ctx
}

type service struct{}

// begin is a method wrapper.
func (service) begin(ctx context.Context) (context.Context, trace.Span) {
	return startSpan(ctx, "begin")
}

// current is a getter, not a starter: it starts nothing.
func current(ctx context.Context) trace.Span { return trace.SpanFromContext(ctx) }

// startAndEnd ends the span it returns, so it is not a starter.
func startAndEnd(ctx context.Context) trace.Span {
	_, span := tracer.Start(ctx, "done")
	span.End()
	return span
}

func work(context.Context) error { return nil }

func useWrapper(ctx context.Context) error {
	ctx, span := startSpan(ctx, "use") // want `span "span" is not ended on every path: it leaks at the return on line 55.*\(TL201\)`
	if err := work(ctx); err != nil {
		return err
	}
	span.End()
	return nil
}

func useNested(ctx context.Context) {
	span, ctx := startOuter(ctx) /* fix */ // want `span "span" is not ended on every path.*\(TL201\)`
	_ = work(ctx)
	_ = span
}

func useMethod(ctx context.Context, s service) {
	_, span := s.begin(ctx) /* fix */ // want `span "span" is not ended on every path.*\(TL201\)`
	span.AddEvent("x")
}

func useGetter(ctx context.Context) {
	span := current(ctx) // ok
	span.AddEvent("x")
}

func useEnded(ctx context.Context) {
	span := startAndEnd(ctx) // ok
	span.AddEvent("x")
}

func useWrapperWell(ctx context.Context) {
	_, span := startNamed(ctx, "good") // ok
	defer span.End()
}

// startChecked returns a nil span with its error, as real wrappers that
// validate their input do.
func startChecked(ctx context.Context, tenant string) (context.Context, trace.Span, error) {
	if tenant == "" {
		return ctx, nil, errNoTenant
	}
	ctx, span := tracer.Start(ctx, "tenant "+tenant)
	return ctx, span, nil
}

var errNoTenant = errors.New("no tenant")

func useChecked(ctx context.Context) error {
	ctx, span, err := startChecked(ctx, "t") // ok: no span when err != nil
	if err != nil {
		return err
	}
	defer span.End()
	return work(ctx)
}

func useCheckedEqual(ctx context.Context) error {
	_, span, err := startChecked(ctx, "t") // ok
	if err == nil {
		span.End()
	}
	return err
}

func useCheckedLeak(ctx context.Context) error {
	ctx, span, err := startChecked(ctx, "t") // want `span "span" is not ended on every path: it leaks at the return on line 122.*\(TL201\)`
	if err != nil {
		return err
	}
	if work(ctx) != nil {
		return nil
	}
	span.End()
	return nil
}
