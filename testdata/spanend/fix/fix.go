// Package fix holds TL201 cases with and without the suggested fix.
package fix

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
	ddtracer "gopkg.in/DataDog/dd-trace-go.v1/ddtrace/tracer"
)

var tracer = otel.Tracer("fix")

func work(context.Context) error { return nil }

func neverEnded(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "op") /* fix */ // want `span "span" is not ended on every path: it leaks at the return on line 19; call span.End\(\) on every path, e.g. defer span.End\(\) after the start \(TL201\)`
	span.AddEvent("op")
	return work(ctx)
}

func neverEndedInCase(ctx context.Context, kind int) {
	switch kind {
	case 1:
		_, s := tracer.Start(ctx, "one") /* fix */ // want `span "s" is not ended on every path.*\(TL201\)`
		s.AddEvent("one")
	}
}

func varDecl(ctx context.Context) {
	var _, span = tracer.Start(ctx, "var") /* fix */ // want `span "span" is not ended on every path.*\(TL201\)`
	span.AddEvent("x")
}

func datadog() {
	span := ddtracer.StartSpan("dd") /* fix */ // want `span "span" is not ended on every path.*\(TL201\)`
	span.SetTag("k", "v")
}

// No fix: the function ends the span on one path already.
func endedSometimes(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "op") // want `span "span" is not ended on every path.*\(TL201\)`
	if err := work(ctx); err != nil {
		return err
	}
	span.End()
	return nil
}

// No fix: the start is in the init of an if statement.
func inIfInit(ctx context.Context) {
	if _, span := tracer.Start(ctx, "op"); span.IsRecording() { // want `span "span" is not ended on every path.*\(TL201\)`
		return
	}
}

// No fix: a defer inside a loop would be TL203.
func inLoop(ctx context.Context, n int) {
	for range n {
		_, span := tracer.Start(ctx, "op") // want `it leaks when the loop starts its next iteration.*\(TL201\)`
		span.AddEvent("x")
	}
}

func recordErr(span trace.Span, err error) {
	if err != nil {
		span.RecordError(err)
	}
}

// A helper that only records into the span leaves ending it here.
func recordedByHelper(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "op") /* fix */ // want `span "span" is not ended on every path.*TL201`
	err := work(ctx)
	recordErr(span, err)
	return err
}

// spanEnd is a start helper that returns the function ending the span.
func spanEnd(ctx context.Context, name string) (context.Context, func()) {
	ctx, sp := tracer.Start(ctx, name)
	return ctx, func() { sp.End() }
}

func endFuncNeverCalled(ctx context.Context) error {
	ctx, end := spanEnd(ctx, "op") /* fix */ // want `the span that "end" ends is not ended on every path.*TL201`
	_ = end
	return work(ctx)
}

// scope is a value whose Close ends the span.
type scope struct{ sp trace.Span }

func (s *scope) Close() { s.sp.End() }

func open(ctx context.Context, name string) *scope {
	_, sp := tracer.Start(ctx, name)
	return &scope{sp: sp}
}

func scopeNeverClosed(ctx context.Context) error {
	sc := open(ctx, "op") /* fix */ // want `the span that "sc" ends is not ended on every path.*TL201`
	_ = sc
	return work(ctx)
}

func blockCommentsOnly(ctx context.Context) {
	_, span := tracer.Start(ctx, "block") /* fix */ /* want `span "span" is not ended on every path.*\(TL201\)` */
	span.AddEvent("block")
}

func startInIfInit(ctx context.Context) {
	if _, span := tracer.Start(ctx, "init"); span.IsRecording() { // want `span "span" is not ended on every path.*\(TL201\)`
		span.AddEvent("recording")
	}
}

// The start begins its line but sits in an if statement's init: no fix.
func startInIfInitOwnLine(ctx context.Context) {
	if
	_, span := tracer.Start(ctx, "init") // want `span "span" is not ended on every path.*\(TL201\)`
	span.IsRecording() {
		span.AddEvent("recording")
	}
}

// Code before the start on its line: no place for the fix.
func codeBeforeStart(ctx context.Context) {
	_ = work(ctx); _, span := tracer.Start(ctx, "after") // want `span "span" is not ended on every path.*\(TL201\)`
	span.AddEvent("after")
}
