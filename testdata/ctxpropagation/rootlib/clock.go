package rootlib

import (
	"context"
	_ "unsafe" // for go:linkname

	"go.opentelemetry.io/otel/trace"
)

// Ticks reads the clock through a function declared without a body.
func Ticks(ctx context.Context) int64 {
	use(ctx)
	return nanotime()
}

// nanotime has no body here: the runtime provides it.
//
//go:linkname nanotime runtime.nanotime
func nanotime() int64

// Timed starts its span through a function declared without a body.
func Timed(ctx context.Context) {
	ctx, span := startTimed(ctx, "timed")
	defer span.End()
	use(ctx)
}

// startTimed is provided elsewhere; its shape says it starts a span.
//
//go:linkname startTimed
func startTimed(ctx context.Context, name string) (context.Context, trace.Span)
