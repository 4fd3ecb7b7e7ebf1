package crosspkg

import (
	"context"

	"example.com/tracelinttest/ctxpropagation/testhelp"
)

func withHelper(ctx context.Context) {
	testhelp.Prepare(nil) // ok: it takes a test
}
