// Package othertracers holds OpenCensus and Datadog (v1 and v2) cases.
package othertracers

import (
	"context"
	"errors"

	"github.com/DataDog/dd-trace-go/v2/ddtrace/tracer"
	octrace "go.opencensus.io/trace"
	ddtracer "gopkg.in/DataDog/dd-trace-go.v1/ddtrace/tracer"
)

func work(context.Context) error { return nil }

func openCensusLeak(ctx context.Context) error {
	ctx, span := octrace.StartSpan(ctx, "oc") // want `span "span" is not ended on every path: it leaks at the return on line 18.*\(TL201\)`
	if err := work(ctx); err != nil {
		return err
	}
	span.End()
	return nil
}

func openCensusFine(ctx context.Context) {
	ctx, span := octrace.StartSpan(ctx, "oc") // ok
	defer span.End()
	_ = work(ctx)
}

func openCensusRemote(ctx context.Context, parent octrace.SpanContext) {
	_, span := octrace.StartSpanWithRemoteParent(ctx, "oc", parent) /* fix */ // want `is not ended on every path.*\(TL201\)`
	_ = span
}

func datadogV1Leak(ctx context.Context) {
	span, ctx := ddtracer.StartSpanFromContext(ctx, "dd1") /* fix */ // want `span "span" is not ended on every path: it leaks at the end of the function on line 39; call span.Finish\(\) on every path, e.g. defer span.Finish\(\) after the start \(TL201\)`
	span.SetTag("k", 1)
	_ = work(ctx)
}

func datadogV1Fine() {
	span := ddtracer.StartSpan("dd1") // ok
	defer span.Finish()
}

func datadogV2Leak(ctx context.Context) error {
	span, ctx := tracer.StartSpanFromContext(ctx, "dd2") // want `leaks at the return on line 49.*\(TL201\)`
	if err := work(ctx); err != nil {
		return err
	}
	span.Finish()
	return nil
}

func datadogV2Child(parent *tracer.Span) {
	child := parent.StartChild("child") /* fix */ // want `span "child" is not ended on every path.*\(TL201\)`
	child.SetTag("k", 1)
}

func datadogV2Fine(ctx context.Context) (err error) {
	span, ctx := tracer.StartSpanFromContext(ctx, "dd2") // ok
	defer func() { span.Finish(tracer.WithError(err)) }()
	return work(ctx)
}

func datadogDiscarded() {
	tracer.StartSpan("dropped") // want `the span started by tracer.StartSpan is discarded.*\(TL202\)`
}

func datadogForeign(ctx context.Context) {
	if span, ok := tracer.SpanFromContext(ctx); ok {
		span.Finish() // want `span "span" comes from tracer.SpanFromContext.*\(TL206\)`
	}
}

var errBoom = errors.New("boom")
