package handoff_test

import (
	"context"
	"testing"

	"go.opentelemetry.io/otel/trace"

	"example.com/tracelinttest/spanend/handoff"
)

// The span TagRPC started is ended where the test plays HandleRPC's part.
func TestTagThenEnd(t *testing.T) {
	h := handoff.NewHandler()
	ctx := h.TagRPC(context.Background(), "m")
	trace.SpanFromContext(ctx).End() // ok: TagRPC started the span for this test
}

func TestForeign(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	trace.SpanFromContext(ctx).End() // want `trace.SpanFromContext\(...\) is the caller.s span.*TL206`
}
