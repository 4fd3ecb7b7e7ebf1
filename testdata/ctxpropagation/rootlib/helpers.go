package rootlib

import (
	"context"
	"go/build"
	"net/http"
	"net/rpc"
)

// Twice creates two roots: the first is the one named.
func Twice() {
	use(context.Background())
	use(context.TODO())
}

// Then creates a root before it calls a helper that creates another.
func Then() {
	use(context.Background())
	reload()
}

// Countdown calls itself before it creates a root.
func Countdown(n int) {
	if n > 0 {
		Countdown(n - 1)
	}
	use(context.Background())
}

// Ping and pong call each other and create no root.
func Ping(n int) {
	if n > 0 {
		pong(n - 1)
	}
}

func pong(n int) {
	if n > 0 {
		Ping(n - 1)
	}
}

type clock struct{}

// Background is a method that only shares the name of a root.
func (clock) Background() int { return 0 }

type options struct{ clock clock }

// Configured calls methods named like roots that are none.
func Configured(o options, c clock) int {
	return o.clock.Background() + c.Background()
}

// RelayContext calls a helper that takes a context: the helper's root is
// the helper's business.
func RelayContext(id string) { viaContext(nil, id) }

func viaContext(ctx context.Context, id string) {
	if ctx == nil {
		ctx = context.Background()
	}
	use(ctx)
}

// RelayRequest calls a helper that takes a request.
func RelayRequest() { viaRequest(nil) }

func viaRequest(r *http.Request) {
	use(context.Background()) // detached on purpose
}

// RelayWriter calls a helper that takes a response writer but no request.
func RelayWriter() { viaWriter(nil) }

func viaWriter(w http.ResponseWriter) { use(context.Background()) }

// RelayRPC calls a helper that takes a request of another package.
func RelayRPC() { viaRPC(nil) }

func viaRPC(r *rpc.Request) { use(context.Background()) }

// RelayCancel calls a helper that takes a cancel function, not a context.
func RelayCancel() { viaCancel(nil) }

func viaCancel(cancel context.CancelFunc) { use(context.Background()) }

// RelayBuild calls a helper that takes a build context, not a context.
func RelayBuild() { viaBuild(build.Default) }

func viaBuild(bc build.Context) { use(context.Background()) }

// Options and Clock build Configured's arguments.
func Options() options { return options{} }

// Clock returns a clock.
func Clock() clock { return clock{} }

// Done returns a channel closed at shutdown.
func Done() <-chan struct{} { return make(chan struct{}) }
