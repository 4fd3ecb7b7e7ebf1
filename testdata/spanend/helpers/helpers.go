// Package helpers covers spans handed to functions: a helper that only
// records into a span does not take it over, one that ends, stores, returns
// or passes it on does.
package helpers

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("helpers")

// recordErr only records into the span.
func recordErr(span trace.Span, err error) {
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
	}
}

// markFailed records through another helper of the package.
func markFailed(span trace.Span, err error) {
	recordErr(span, err)
	span.SetAttributes()
}

// finish ends the span it gets.
func finish(span trace.Span, err error) {
	recordErr(span, err)
	span.End()
}

var kept []trace.Span

// keep stores the span: someone else ends it.
func keep(span trace.Span) { kept = append(kept, span) }

// annotate ignores the span.
func annotate(_ trace.Span, _ string) {}

func work(ctx context.Context) error { return errors.New("failed") }

func recordsOnly(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "op") /* fix */ // want `span "span" is not ended on every path: it leaks at the return on line 51;.*TL201`
	err := work(ctx)
	recordErr(span, err)
	return err
}

func recordsThroughHelper(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "op") /* fix */ // want `span "span" is not ended on every path.*TL201`
	err := work(ctx)
	markFailed(span, err)
	annotate(span, "x")
	return err
}

func endedByHelper(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "op") // ok: finish ends it
	err := work(ctx)
	finish(span, err)
	return err
}

func deferredHelper(ctx context.Context) (err error) {
	ctx, span := tracer.Start(ctx, "op") // ok: the deferred finish ends it
	defer finish(span, err)
	return work(ctx)
}

func stored(ctx context.Context) {
	_, span := tracer.Start(ctx, "op") // ok: keep takes it over
	keep(span)
}

func recordedThenEnded(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "op") // ok
	defer span.End()
	err := work(ctx)
	recordErr(span, err)
	return err
}
