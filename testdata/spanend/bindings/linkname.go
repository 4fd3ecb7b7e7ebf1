package bindings

import (
	"context"

	_ "unsafe" // for go:linkname

	"go.opentelemetry.io/otel/trace"
)

// nanotime has no body here: the runtime provides it.
//
//go:linkname nanotime runtime.nanotime
func nanotime() int64

// spanAt is declared without a body too, and returns a span, so the search
// for the package's wrappers meets it. (The fixtures are type-checked, never
// linked: no symbol has to exist.)
//
//go:linkname spanAt runtime.spanAt
func spanAt(ctx context.Context) trace.Span

func timed(ctx context.Context) {
	_, span := tracer.Start(ctx, "timed") // ok
	defer span.End()
	_ = nanotime()
}
