// Package testkit is test scaffolding by its name. The "configured" test sets
// ctxpropagation.tests, so it is checked like any other package.
package testkit

import "context"

func use(context.Context) {}

// Serve handles a test request.
func Serve(ctx context.Context) {
	use(context.Background()) /* fix */ // want `context.Background\(\) starts a new trace although "ctx" is in scope.*\(TL101\)`
}

// Flush is listed in detach-funcs: callers in other packages are not told
// that it starts a trace of its own.
func Flush() {
	use(context.Background()) // ok
}
