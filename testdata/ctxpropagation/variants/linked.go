package variants

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("variants")

// A function that links its own trace to the caller's detached its work on
// purpose: the parent is not offered to its calls.
func invalidate(parentCtx context.Context, c *Client) {
	ctx, span := tracer.Start(context.Background(), "invalidate")
	defer span.End()
	trace.SpanFromContext(parentCtx).AddLink(trace.LinkFromContext(ctx))
	c.Fetch("id") // ok: the function chose a trace of its own
}

// Without the link, the parent is the work's context.
func unlinked(parentCtx context.Context, c *Client) {
	c.Fetch("id") /* fix */ // want `c.Fetch is called without a context although "parentCtx" is in scope; use c.FetchContext\(parentCtx, ...\).*TL102`
}
