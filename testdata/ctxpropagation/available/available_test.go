package available

import (
	stdctx "context"
	"testing"
)

// *testing.T's Context is not available by default.
func helper(t *testing.T) {
	use(stdctx.Background()) // ok
}

func TestTop(t *testing.T) {
	ctx := stdctx.Background()
	use(stdctx.Background()) // ok: a test's top level
	use(ctx)
	helper(t)
}

// Subtests and closures of a test are exempt too.
func TestSubtests(t *testing.T) {
	ctx := stdctx.Background()
	t.Run("sub", func(t *testing.T) {
		use(stdctx.Background()) // ok
	})
	use(ctx)
}

// A helper of a _test.go file that receives a context: test code is not
// reported unless ctxpropagation.tests is set.
func ctxHelper(ctx stdctx.Context) {
	use(stdctx.Background()) // ok: test code
}
