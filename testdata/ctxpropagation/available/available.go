// Package available covers every form of "a context is available".
package available

import (
	stdctx "context"
	"net/http"
)

func use(stdctx.Context) {}

// A context.Context parameter, under an aliased import.
func param(ctx stdctx.Context) {
	use(stdctx.Background()) /* fix */ // want `stdctx.Background\(\) starts a new trace although "ctx" is in scope; pass ctx so this work stays in the request's trace \(TL101\)`
}

// A parameter named _ is not available.
func blank(_ stdctx.Context) {
	use(stdctx.Background()) // ok
}

// No context at all: nothing to report.
func none() {
	use(stdctx.TODO()) // ok
}

// *http.Request carries the request's context.
func handler(w http.ResponseWriter, r *http.Request) {
	use(stdctx.TODO()) /* fix */ // want `stdctx.TODO\(\) starts a new trace although "r" is in scope; pass r.Context\(\) so this work stays in the request's trace \(TL101\)`
}

// Command has a Context() method, as *cobra.Command does.
type Command struct{ ctx stdctx.Context }

func (c *Command) Context() stdctx.Context { return c.ctx }

func run(cmd *Command, args []string) {
	use(stdctx.Background()) /* fix */ // want `although "cmd" is in scope; pass cmd.Context\(\).*\(TL101\)`
}

// Framework is a framework context that is a context itself, as *gin.Context is.
type Framework struct{ stdctx.Context }

func ginHandler(c *Framework) {
	use(stdctx.Background()) /* fix */ // want `although "c" is in scope; pass c so.*\(TL101\)`
}

// CLIContext embeds a context but shadows its Value with another signature,
// as urfave/cli v1's *cli.Context does: it is not a context.Context, and
// passing it as one does not compile (found by bench/run -fix on indigo).
type CLIContext struct {
	stdctx.Context
}

func (c *CLIContext) Value(name string) interface{} { return nil }

func cliAction(cctx *CLIContext) {
	use(stdctx.TODO()) // ok: cctx cannot be passed as a context
}

// A local context derived from the caller's is available once declared.
func local(parent stdctx.Context) {
	use(stdctx.Background()) /* fix */ // want `although "parent" is in scope.*\(TL101\)`
	ctx, cancel := stdctx.WithCancel(parent)
	defer cancel()
	use(stdctx.Background()) /* fix */ // want `although "ctx" is in scope.*\(TL101\)`
	use(ctx)
}

// A context this function made from a root of its own carries no trace:
// passing it instead of another root changes nothing (start-up code, CLI
// run functions, provider set-up).
func ownRoot() {
	ctx, cancel := stdctx.WithCancel(stdctx.Background())
	defer cancel()
	use(stdctx.Background()) // ok
	use(ctx)
	bg := stdctx.TODO()
	derived := stdctx.WithValue(bg, key{}, 1)
	use(stdctx.Background()) // ok
	use(derived)
}

// The nearest trace-bearing context is offered, not a nearer own root.
func skipsOwnRoot(ctx stdctx.Context) {
	bg := stdctx.Background() /* fix */ // want `although "ctx" is in scope.*\(TL101\)`
	use(stdctx.TODO())        /* fix */ // want `although "ctx" is in scope; pass ctx so.*\(TL101\)`
	use(bg)
}

// A value with a Context method that the function built or owns is not the
// request: an outgoing request, a receiver.
func ownRequest() {
	req, _ := http.NewRequest("GET", "http://example.com", nil)
	use(stdctx.Background()) // ok: req is an outgoing request, not the caller's
	_ = req
}

func (c *Command) method() {
	use(stdctx.Background()) // ok: a receiver is not the caller's context
}

// A request handed in, or re-derived from one, is trace-bearing.
func reDerived(r *http.Request) {
	r2 := r.WithContext(stdctx.WithValue(r.Context(), key{}, 1))
	use(stdctx.Background()) /* fix */ // want `although "r2" is in scope; pass r2.Context\(\) so.*\(TL101\)`
	_ = r2
}

type propagator struct{}

func (propagator) Extract(ctx stdctx.Context, h http.Header) stdctx.Context { return ctx }

// A context that a propagator fills from a carrier carries the caller's trace.
func extracted(h http.Header) {
	ctx := propagator{}.Extract(stdctx.Background(), h)
	use(stdctx.Background()) /* fix */ // want `although "ctx" is in scope.*\(TL101\)`
	use(ctx)
}

// The nearest context wins: a context declared later than the parameter.
func nearest(ctx stdctx.Context) {
	inner := stdctx.WithValue(ctx, key{}, 1)
	use(stdctx.Background()) /* fix */ // want `although "inner" is in scope; pass inner so.*\(TL101\)`
	use(inner)
}

type key struct{}

// Closures and goroutines see the enclosing function's context.
func closures(ctx stdctx.Context) {
	f := func() {
		use(stdctx.Background()) /* fix */ // want `although "ctx" is in scope; pass ctx so.*\(TL101\)`
	}
	f()
	go func() {
		use(stdctx.Background()) /* fix */ // want `stdctx.Background\(\) in a goroutine starts a new trace although "ctx" is in scope; pass context.WithoutCancel\(ctx\) to keep the trace without the request's cancellation \(TL101\)`
	}()
	go use(stdctx.Background()) /* fix */ // want `in a goroutine starts a new trace.*\(TL101\)`
}

// Struct fields are not available.
type server struct{ ctx stdctx.Context }

func (s *server) field() {
	use(stdctx.Background()) // ok
}

// Named results are not received contexts.
func result() (ctx stdctx.Context) {
	ctx = stdctx.Background() // ok
	return ctx
}

// Generic functions: an ordinary context parameter, and a type parameter
// constrained by context.Context.
func generic[T any](ctx stdctx.Context, v T) {
	use(stdctx.Background()) /* fix */ // want `although "ctx" is in scope.*\(TL101\)`
}

func constrained[C stdctx.Context](c C) {
	use(stdctx.Background()) /* fix */ // want `although "c" is in scope; pass c so.*\(TL101\)`
}

// A method value of context.Background is not a call.
func methodValue(ctx stdctx.Context) func() stdctx.Context {
	return stdctx.Background // ok
}

// A package-level root is not in a function.
var root = stdctx.Background() // ok

// KafkaClient's Context is the client's lifetime context, as *kgo.Client's
// is: it carries no request.
type KafkaClient struct{ ctx stdctx.Context }

func (c *KafkaClient) Context() stdctx.Context { return c.ctx }

func pingInBackground(client *KafkaClient) {
	go func() {
		use(stdctx.Background()) // ok: a client is not a request
	}()
}

// EchoContext is shaped like echo.Context: no Context method of its own,
// the request behind an accessor.
type EchoContext interface {
	Request() *http.Request
}

func echoHandler(c EchoContext) {
	req := c.Request()
	use(stdctx.Background()) /* fix */ // want `although "req" is in scope; pass req.Context\(\) so.*\(TL101\)`
	_ = req
}

// Of two requests in the same scope, the one declared last is offered,
// whatever their names.
func retry(primary, backup *http.Request) {
	use(stdctx.TODO()) /* fix */ // want `although "backup" is in scope; pass backup.Context\(\).*\(TL101\)`
}

// A named result is not a context the function received: before it is set,
// it is nil.
func withTrace(r *http.Request) (ctx stdctx.Context) {
	use(stdctx.Background()) /* fix */ // want `although "r" is in scope; pass r.Context\(\).*\(TL101\)`
	ctx = r.Context()
	return ctx
}

// Other signatures of Value are not a context's either.
type lookupContext struct{ stdctx.Context }

func (c *lookupContext) Value(key any) string { return "" }

type defaultsContext struct{ stdctx.Context }

func (c *defaultsContext) Value(key, def any) any { return def }

type checkedContext struct{ stdctx.Context }

func (c *checkedContext) Value(key any) (any, bool) { return nil, false }

type namedKeyContext struct{ stdctx.Context }

func (c *namedKeyContext) Value(key interface{ String() string }) any { return nil }

func shadowed(a *lookupContext, b *defaultsContext, c *checkedContext, d *namedKeyContext) {
	use(stdctx.TODO()) // ok: none of them can be passed as a context
}

// Only a Context() context.Context method carries a request's context.
type labelled struct{}

func (labelled) Context() string { return "" }

type scoped struct{}

func (scoped) Context(name string) stdctx.Context { return nil }

type fallible struct{}

func (fallible) Context() (stdctx.Context, error) { return nil, nil }

func notCarriers(a labelled, b scoped, c fallible) {
	use(stdctx.TODO()) // ok
}
