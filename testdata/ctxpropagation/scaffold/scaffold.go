// Package scaffold is test scaffolding because a non-test file imports
// "testing".
package scaffold

import (
	"context"
	"testing"
)

func use(context.Context) {}

// StartServer starts a server for a test and stops it when the test ends.
func StartServer(ctx context.Context, t testing.TB) {
	use(context.Background()) // ok: test scaffolding
	t.Cleanup(func() {})
}
