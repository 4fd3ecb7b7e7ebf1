// Package optin checks that TL104 is off by default: the same call that
// crosspkg reports with TL104 enabled is not reported here.
package optin

import (
	"context"

	"example.com/tracelinttest/ctxpropagation/rootlib"
)

func handle(ctx context.Context) {
	rootlib.Load("1") // ok: TL104 is opt-in
	_ = ctx
}
