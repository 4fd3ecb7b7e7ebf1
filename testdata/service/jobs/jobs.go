// Package jobs runs maintenance jobs.
package jobs

import "context"

// Reindex rebuilds the search index. It cannot be given a context.
func Reindex() {
	run(context.Background(), "reindex")
}

func run(ctx context.Context, name string) { _ = ctx.Err() }
