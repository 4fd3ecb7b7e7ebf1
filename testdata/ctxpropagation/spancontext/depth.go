package spancontext

import "context"

// Read-only helpers are followed three calls deep from the callee.
// checkDepth1's chain ends at that bound, so the span before it is a leaf
// in effect; checkDepth0's chain is one call longer, so checkDepth0 may
// start a span for all the analyzer reads.
func checkDepth0(ctx context.Context) bool { return checkDepth1(ctx) }
func checkDepth1(ctx context.Context) bool { return checkDepth2(ctx) }
func checkDepth2(ctx context.Context) bool { return checkDepth3(ctx) }
func checkDepth3(ctx context.Context) bool { return checkDepth4(ctx) }
func checkDepth4(ctx context.Context) bool { return ctx.Err() == nil }

func shallowReader(ctx context.Context) {
	_, span := tracer.Start(ctx, "shallow") // ok
	defer span.End()
	_ = checkDepth1(ctx)
}

func deepReader(ctx context.Context) {
	_, span := tracer.Start(ctx, "deep") /* fix */ // want `the context of span "span" is discarded and ctx is passed on instead.*\(TL103\)`
	defer span.End()
	_ = checkDepth0(ctx)
}

// A read-only helper that calls itself reads the context however deep it
// recurses: the recursion adds no other use.
func waitAll(ctx context.Context, n int) bool {
	if n == 0 {
		return ctx.Err() == nil
	}
	return waitAll(ctx, n-1)
}

func recursiveReader(ctx context.Context) {
	_, span := tracer.Start(ctx, "recursive") // ok: waitAll only reads ctx
	defer span.End()
	_ = waitAll(ctx, 3)
}
