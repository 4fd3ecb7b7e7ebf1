// Package configured covers the ctxpropagation options: testing-context,
// detach-funcs and propagation-headers (see the "configured" test).
package configured

import (
	"context"
	"net/http"
)

func use(context.Context) {}

// Shutdown is listed in detach-funcs: its roots are deliberate.
func Shutdown(ctx context.Context) {
	use(context.Background()) // ok
	drain()
}

func drain() { use(context.Background()) }

func stop(ctx context.Context) {
	Shutdown(ctx) // ok
	drain()       // want `drain cannot receive "ctx".*\(TL104\)`
}

func vendorHeader(r *http.Request) {
	_ = r.Header.Get("X-Cloud-Trace-Context") // want `trace header "X-Cloud-Trace-Context" is read by hand.*\(TL105\)`
}
