// Package crosspkg uses wrappers declared in another package of the module.
package crosspkg

import (
	"context"

	"example.com/tracelinttest/spanend/wrapperlib"
)

func work(context.Context) {}

func leaks(ctx context.Context) {
	ctx, span := wrapperlib.Start(ctx, "op") /* fix */ // want `span "span" is not ended on every path.*\(TL201\)`
	work(ctx)
	span.AddEvent("done")
}

func leaksMethod(ctx context.Context, t *wrapperlib.Tracer) {
	_, span := t.StartOp(ctx, "op") /* fix */ // want `span "span" is not ended on every path.*\(TL201\)`
	span.AddEvent("done")
}

func fine(ctx context.Context) {
	ctx, span := wrapperlib.Start(ctx, "op") // ok
	defer span.End()
	work(ctx)
}

func getter(ctx context.Context) {
	span := wrapperlib.Current(ctx) // ok
	span.AddEvent("seen")
}

func endedInside(ctx context.Context) {
	span := wrapperlib.Traced(ctx, work) // ok
	span.AddEvent("after")
}
