package paths

import (
	"context"

	"go.opentelemetry.io/otel/codes"
)

// Recording the error on the span does not end it: the error path leaks.
func recordsThenReturns(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "records") // want `span "span" is not ended on every path: it leaks at the return on line 15.*\(TL201\)`
	if err := work(ctx); err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
		return err
	}
	span.End()
	return nil
}
