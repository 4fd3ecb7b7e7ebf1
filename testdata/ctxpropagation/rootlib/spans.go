package rootlib

import (
	"context"

	"go.opentelemetry.io/otel/trace"
)

// Current has the shape of a start helper but starts nothing: it returns
// the span already in ctx.
func Current(ctx context.Context) (context.Context, trace.Span) {
	return ctx, trace.SpanFromContext(ctx)
}
