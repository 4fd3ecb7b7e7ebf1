package helpers

import (
	"context"

	"gopkg.in/DataDog/dd-trace-go.v1/ddtrace"
	ddtracer "gopkg.in/DataDog/dd-trace-go.v1/ddtrace/tracer"
)

// tagErr only tags the Datadog span.
func tagErr(span ddtrace.Span, err error) {
	if err != nil {
		span.SetTag("error", err)
	}
}

func ddTaggedOnly(ctx context.Context) error {
	span, ctx := ddtracer.StartSpanFromContext(ctx, "op") /* fix */ // want `span "span" is not ended on every path.*TL201`
	err := work(ctx)
	tagErr(span, err)
	return err
}

func ddFinishedOnErrorOnly(ctx context.Context) (err error) {
	span, ctx := ddtracer.StartSpanFromContext(ctx, "op") // want `span "span" is not ended on every path.*TL201`
	defer func() {
		if err != nil {
			span.Finish()
		}
	}()
	return work(ctx)
}

func ddFinishedAlways(ctx context.Context) (err error) {
	span, ctx := ddtracer.StartSpanFromContext(ctx, "op") // ok
	defer func() {
		tagErr(span, err)
		span.Finish()
	}()
	return work(ctx)
}
