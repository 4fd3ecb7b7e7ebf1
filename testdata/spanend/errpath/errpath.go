// Package errpath holds TL204 cases (an opt-in rule).
package errpath

import (
	"context"
	"errors"
	"fmt"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/codes"
)

var tracer = otel.Tracer("errpath")

func put(context.Context) error { return nil }

func notRecorded(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "save") // want `span "span" ends without recording the error returned on line 21; call span.RecordError\(err\) and span.SetStatus\(codes.Error, ...\) on that path \(TL204\)`
	defer span.End()
	if err := put(ctx); err != nil {
		return fmt.Errorf("save: %w", err)
	}
	return nil
}

func ifErrNotNil(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "save") // want `returned on line 30.*\(TL204\)`
	defer span.End()
	if err := put(ctx); err != nil {
		return err
	}
	return nil
}

func recorded(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "save") // ok
	defer span.End()
	if err := put(ctx); err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, "put failed")
		return err
	}
	return nil
}

func statusOnly(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "save") // ok
	defer span.End()
	if err := put(ctx); err != nil {
		span.SetStatus(codes.Error, err.Error())
		return err
	}
	return nil
}

func okStatusIsNotRecording(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "save") // want `ends without recording the error.*\(TL204\)`
	defer span.End()
	span.SetStatus(codes.Ok, "")
	return errors.New("late failure")
}

func maybeNil(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "save") // ok: err may be nil here
	defer span.End()
	err := put(ctx)
	return err
}

func deferredRecorder(ctx context.Context) (err error) {
	ctx, span := tracer.Start(ctx, "save") // ok
	defer func() {
		if err != nil {
			span.RecordError(err)
		}
		span.End()
	}()
	if err := put(ctx); err != nil {
		return err
	}
	return nil
}

func noErrorResult(ctx context.Context) {
	_, span := tracer.Start(ctx, "void") // ok
	defer span.End()
}

func wrapped(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "save") // want `returned on line 93.*\(TL204\)`
	defer span.End()
	if err := put(ctx); err != nil {
		return fmt.Errorf("save: %w", errors.Unwrap(err))
	}
	return nil
}

func mayBeNilCall(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "save") // ok: put may return nil
	defer span.End()
	return put(ctx)
}

func notEndedOnErrorPath(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "save") // want `is not ended on every path.*\(TL201\)`
	if err := put(ctx); err != nil {
		return err // TL201's business, not TL204's
	}
	span.End()
	return nil
}
