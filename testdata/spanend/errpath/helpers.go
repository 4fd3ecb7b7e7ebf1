package errpath

import (
	"context"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
	ddtracer "gopkg.in/DataDog/dd-trace-go.v1/ddtrace/tracer"
)

// recordAndTag records the error, then tags the span.
func recordAndTag(span trace.Span, err error) {
	span.RecordError(err)
	span.SetAttributes(attribute.Bool("failed", true))
}

// tag only annotates the span.
func tag(span trace.Span) { span.SetAttributes(attribute.Bool("failed", true)) }

func recordedByHelper(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "save") // ok: recordAndTag records it
	defer span.End()
	if err := put(ctx); err != nil {
		recordAndTag(span, err)
		return err
	}
	return nil
}

func taggedOnly(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "save") // want `span "span" ends without recording the error returned on line 38.*\(TL204\)`
	defer span.End()
	if err := put(ctx); err != nil {
		tag(span)
		span.AddEvent("failed")
		return err
	}
	return nil
}

func statusFromVariable(ctx context.Context, code codes.Code) error {
	ctx, span := tracer.Start(ctx, "save") // ok: the code may be an error
	defer span.End()
	if err := put(ctx); err != nil {
		span.SetStatus(code, err.Error())
		return err
	}
	return nil
}

func unsetStatus(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "save") // want `span "span" ends without recording the error returned on line 58.*\(TL204\)`
	defer span.End()
	if err := put(ctx); err != nil {
		span.SetStatus(codes.Unset, "")
		return err
	}
	return nil
}

func endOptions(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "save") // want `span "span" ends without recording the error returned on line 67.*\(TL204\)`
	defer span.End(trace.WithTimestamp(time.Now()))
	if err := put(ctx); err != nil {
		return err
	}
	return nil
}

func datadogFinish(ctx context.Context) error {
	span := ddtracer.StartSpan("save") // want `span "span" ends without recording the error returned on line 76.*\(TL204\)`
	defer span.Finish()
	if err := put(ctx); err != nil {
		return err
	}
	return nil
}

func datadogFinishWithError(ctx context.Context) (err error) {
	span := ddtracer.StartSpan("save") // ok: Finish records it
	if err = put(ctx); err != nil {
		span.Finish(ddtracer.WithError(err))
		return err
	}
	span.Finish()
	return nil
}

// traced hands out the function that ends the span and records the error
// it is given.
func traced(ctx context.Context, name string) (context.Context, func(*error)) {
	ctx, span := tracer.Start(ctx, name)
	return ctx, func(errp *error) {
		if *errp != nil {
			span.RecordError(*errp)
		}
		span.End()
	}
}

func throughEndFunc(ctx context.Context) (err error) {
	ctx, finish := traced(ctx, "save") // ok: finish records the error
	defer finish(&err)
	if err := put(ctx); err != nil {
		return err
	}
	return nil
}
