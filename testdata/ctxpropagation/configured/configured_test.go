package configured

import (
	"context"
	"testing"
)

// With testing-context, a test helper's t.Context() is available.
func helper(t *testing.T) {
	use(context.Background()) // want `although "t" is in scope; pass t.Context\(\)`
}
