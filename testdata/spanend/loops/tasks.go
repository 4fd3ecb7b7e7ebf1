package loops

import (
	"context"

	"example.com/tracelinttest/spanend/wrapperlib"
)

// A team's own span type, started by a helper and ended by a defer inside
// the loop.
func deferTaskInLoop(ctx context.Context, items []string) {
	for _, it := range items {
		t := wrapperlib.StartTask(ctx, it) // want `span "t" is ended by a defer inside a loop.*\(TL203\)`
		defer t.End()
	}
}

// A defer before the loop's own start is reported at the defer.
func deferBeforeRestart(ctx context.Context, items []string) {
	_, span := tracer.Start(ctx, "first") // want `span "span" is not ended on every path: it leaks at the end of the function on line 25.*\(TL201\)`
	for _, it := range items {
		defer span.End()                // want `span "span" is ended by a defer inside a loop.*\(TL203\)`
		_, span = tracer.Start(ctx, it) // want `span "span" is not ended on every path: it leaks at the end of the function on line 25; call span.End\(\) on every path through the loop body.*\(TL201\)`
	}
}
