// Package configured covers the ctxpropagation options: testing-context,
// detach-funcs and propagation-headers (see the "configured" test).
package configured

import (
	"context"
	"net/http"

	"example.com/tracelinttest/ctxpropagation/testkit"
)

func use(context.Context) {}

// Shutdown is listed in detach-funcs: its roots are deliberate.
func Shutdown(ctx context.Context) {
	use(context.Background()) // ok
	use(lifetime)             // ok
	drain()
}

func drain() { use(context.Background()) }

func stop(ctx context.Context) {
	Shutdown(ctx)   // ok
	testkit.Flush() // ok: listed in detach-funcs
	drain()         // want `drain cannot receive "ctx".*\(TL104\)`
}

func vendorHeader(r *http.Request) {
	_ = r.Header.Get("X-Cloud-Trace-Context") // want `trace header "X-Cloud-Trace-Context" is read by hand.*\(TL105\)`
}

// lifetime is the package's lifetime context.
var lifetime = context.Background()
