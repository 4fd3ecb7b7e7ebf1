package configured

import (
	"context"
	"testing"
)

// With testing-context, a test helper's t.Context() is available.
func helper(t *testing.T) {
	use(context.Background()) /* fix */ // want `although "t" is in scope; pass t.Context\(\).*\(TL101\)`
}

// With tests, a test helper that receives a context is checked...
func ctxHelper(ctx context.Context) {
	use(context.Background()) /* fix */ // want `although "ctx" is in scope; pass ctx.*\(TL101\)`
}

// ...but the top level of a test is still where its roots belong.
func TestTop(t *testing.T) {
	use(context.Background()) // ok
}
