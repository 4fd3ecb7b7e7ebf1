// Package rootlib has functions that create root contexts, for TL104's
// cross-package cases. Nothing is reported here: no context is in scope.
package rootlib

import (
	"context"

	"go.opentelemetry.io/otel/trace"
)

func use(context.Context) {}

// Load cannot receive a context and creates a root itself.
func Load(id string) {
	use(context.Background())
}

// Refresh creates one through a helper of the same kind.
func Refresh() {
	reload()
}

func reload() {
	use(context.TODO())
}

// Fetch takes a context: callers can pass theirs.
func Fetch(ctx context.Context, id string) {
	use(ctx)
}

// Pure creates nothing.
func Pure(id string) string { return id }

// Detached carries the span context over: deliberate.
func Detached(sc trace.SpanContext) {
	use(trace.ContextWithSpanContext(context.Background(), sc))
}

// Cache has a method that creates a root.
type Cache struct{}

// Warm creates a root context.
func (Cache) Warm() {
	use(context.Background())
}

// TraceOf returns the span context in ctx.
func TraceOf(ctx context.Context) trace.SpanContext { return trace.SpanContextFromContext(ctx) }

// Command builds a handler whose root is created when the handler runs, on
// its caller's behalf, not when Command is called.
func Command() func() {
	return func() { use(context.Background()) }
}

// Now runs a literal on the spot: its root is created by the call.
func Now() {
	func() { use(context.Background()) }()
}

// Once gives a literal to a call, which runs it: its root is created by
// the call too.
func Once() {
	runNow(func() { use(context.Background()) })
}

func runNow(f func()) { f() }

// Sized measures its argument before it creates a root.
func Sized(id string) int {
	n := len(id)
	use(context.Background())
	return n
}

// Lifetime is a package-level context other packages may reach for.
var Lifetime = context.Background()
