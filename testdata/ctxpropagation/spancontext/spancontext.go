// Package spancontext covers TL103: the context of a span start discarded.
package spancontext

import (
	"context"
	"net/http"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("spancontext")

func call(context.Context) {}
func leafWork()            {}

func discarded(ctx context.Context) {
	_, span := tracer.Start(ctx, "discarded") // want `the context of span "span" is discarded and ctx is passed on instead, so later spans become its siblings, not its children; bind the returned context and pass it \(TL103\)`
	defer span.End()
	call(ctx)
}

// A leaf span: nothing after it takes the context.
func leaf(ctx context.Context) {
	_, span := tracer.Start(ctx, "leaf") // ok
	leafWork()
	span.End()
}

// The parent passed on after the span ended is right.
func afterEnd(ctx context.Context) {
	_, span := tracer.Start(ctx, "step") // ok
	leafWork()
	span.End()
	call(ctx)
}

// A carrier's context.
func handler(w http.ResponseWriter, r *http.Request) {
	_, span := tracer.Start(r.Context(), "handler") // want `and r.Context\(\) is passed on instead`
	defer span.End()
	call(r.Context())
}

// Both results discarded is spanend's TL202, not this rule.
func both(ctx context.Context) {
	_, _ = tracer.Start(ctx, "both") // ok
	call(ctx)
}

// Bound and passed on: correct.
func bound(ctx context.Context) {
	ctx, span := tracer.Start(ctx, "bound") // ok
	defer span.End()
	call(ctx)
}
