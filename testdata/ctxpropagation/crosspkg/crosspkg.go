// Package crosspkg covers TL104: calls to functions that create their own
// root context, in this package and in another package of the module.
package crosspkg

import (
	"context"
	"net/http"

	"example.com/tracelinttest/ctxpropagation/rootlib"
)

func handle(ctx context.Context, c rootlib.Cache) {
	rootlib.Load("1")                      // want `Load cannot receive "ctx" and starts a new trace itself \(context.Background\(\) at rootlib.go:15\); add a context.Context parameter and pass ctx \(TL104\)`
	rootlib.Refresh()                      // want `Refresh cannot receive "ctx" and starts a new trace itself \(reload\(\), which calls context.TODO\(\) at rootlib.go:24\).*\(TL104\)`
	rootlib.Fetch(ctx, "1")                // ok: takes a context
	rootlib.Pure("1")                      // ok
	rootlib.Detached(rootlib.TraceOf(ctx)) // ok: carries the trace over
	c.Warm()                               // want `Warm cannot receive "ctx".*\(TL104\)`
	local()                                // want `local cannot receive "ctx" and starts a new trace itself \(helper\(\), which calls context.Background\(\) at crosspkg.go:28\).*\(TL104\)`
	withCtx(ctx)                           // ok: judged on its own body
}

func local() {
	helper()
}

func helper() {
	_ = context.Background()
}

// withCtx takes a context, so its own root is TL101's, and its callers are
// not reported.
func withCtx(ctx context.Context) {
	_ = context.Background() /* fix */ // want `context.Background\(\) starts a new trace although "ctx" is in scope.*\(TL101\)`
}

// No context in scope: nothing to report.
func noContext() {
	rootlib.Load("1") // ok
	local()           // ok
}

// Closer's Close drains with a root context of its own; teardown methods
// are not reported.
type Closer struct{}

// Close drains.
func (Closer) Close() error {
	_ = context.Background()
	return nil
}

func teardown(ctx context.Context, c Closer) {
	c.Close() // ok
}

// Function literals that the callee returns or stores run later: calling
// the callee creates no root. A literal called on the spot does.
func literals(ctx context.Context) {
	rootlib.Command() // ok
	register()        // ok
	rootlib.Now()     // want `Now cannot receive "ctx" and starts a new trace itself \(context.Background\(\) at rootlib.go:59\).*\(TL104\)`
	rootlib.Once()    // want `Once cannot receive "ctx" and starts a new trace itself \(context.Background\(\) at rootlib.go:65\).*\(TL104\)`
	spot()            // want `spot cannot receive "ctx".*\(TL104\)`
	startMonitor()    // ok: the root is in background work the callee starts on purpose
}

func startMonitor() {
	go waitForRedis()
}

func waitForRedis() {
	_ = context.Background()
}

var hooks []func()

func register() {
	hooks = append(hooks, func() { _ = context.Background() })
}

func spot() {
	defer func() { _ = context.Background() }()
	go func() { _ = context.TODO() }()
}

// An option that carries the context in: the callee's root is only a
// default.
type option func(*server)

type server struct{ ctx context.Context }

func withContext(ctx context.Context) option { return func(s *server) { s.ctx = ctx } }

func newServer(opts ...option) *server {
	s := &server{}
	for _, o := range opts {
		o(s)
	}
	warm(context.Background())
	return s
}

func warm(ctx context.Context) {}

func withOption(ctx context.Context) {
	newServer(withContext(ctx)) // ok: ctx goes in through the option
	newServer()                 // want `newServer cannot receive "ctx".*\(TL104\)`
}

// A callee that receives a context, here through a request, is judged on its
// own body (TL101), whatever its caller passes.
func handOver(ctx context.Context, r *http.Request) {
	withRequest(r) // ok
}

func withRequest(r *http.Request) {
	_ = context.Background() /* fix */ // want `context.Background\(\) starts a new trace although "r" is in scope.*\(TL101\)`
}

// A function in a file that does not import context may still call one
// that creates a root.
func viaOtherFile(ctx context.Context) {
	rootlib.Later() // want `Later cannot receive "ctx" and starts a new trace itself \(reload\(\), which calls context.TODO\(\) at rootlib.go:24\).*\(TL104\)`
}

// A method of a type that is, or carries, a context can use its receiver's.
type job struct{ ctx context.Context }

func (j *job) Context() context.Context { return j.ctx }
func (j *job) run()                     { _ = context.Background() }

type scoped struct{ context.Context }

func (s scoped) load() { _ = context.Background() }

// Stop is a package-level function, not a teardown method.
func Stop() { _ = context.Background() }

func describe(err error) string { return err.Error() }

func receivers(s scoped, j *job, ctx context.Context) {
	j.run()                 // ok: the receiver carries a context
	s.load()                // ok: the receiver is one
	Stop()                  // want `Stop cannot receive "ctx".*\(TL104\)`
	_ = describe(nil)       // ok
	withCtx(context.TODO()) /* fix */ // want `context.TODO\(\) starts a new trace although "ctx" is in scope.*\(TL101\)`
}

// Calls of builtins on the way to the root are no helpers.
func sized(ctx context.Context) int {
	return rootlib.Sized("1") // want `Sized cannot receive "ctx" and starts a new trace itself \(context.Background\(\) at rootlib.go:73\).*\(TL104\)`
}

// Only the context itself, in whatever form, counts as handed over.
func loadByID(ctx context.Context, id string) {
	rootlib.Load(id) // want `Load cannot receive "ctx".*\(TL104\)`
}

// The first root of a function is named, whatever follows it; helpers
// that take a context or a request answer for their own roots.
func helpers(ctx context.Context) {
	rootlib.Twice()                                            // want `Twice cannot receive "ctx" and starts a new trace itself \(context.Background\(\) at helpers.go:12\).*\(TL104\)`
	rootlib.Then()                                             // want `Then cannot receive "ctx" and starts a new trace itself \(context.Background\(\) at helpers.go:18\).*\(TL104\)`
	rootlib.Countdown(1)                                       // want `Countdown cannot receive "ctx" and starts a new trace itself \(context.Background\(\) at helpers.go:27\).*\(TL104\)`
	rootlib.Ping(1)                                            // ok
	_ = rootlib.Configured(rootlib.Options(), rootlib.Clock()) // ok
	rootlib.RelayContext("1")                                  // ok
	rootlib.RelayRequest()                                     // ok
	rootlib.RelayWriter()                                      // want `RelayWriter cannot receive "ctx" and starts a new trace itself \(viaWriter\(\), which calls context.Background\(\) at helpers.go:76\).*\(TL104\)`
	rootlib.RelayRPC()                                         // want `RelayRPC cannot receive "ctx" and starts a new trace itself \(viaRPC\(\), which calls context.Background\(\) at helpers.go:81\).*\(TL104\)`
	rootlib.RelayCancel()                                      // want `RelayCancel cannot receive "ctx" and starts a new trace itself \(viaCancel\(\), which calls context.Background\(\) at helpers.go:86\).*\(TL104\)`
	rootlib.RelayBuild()                                       // want `RelayBuild cannot receive "ctx" and starts a new trace itself \(viaBuild\(\), which calls context.Background\(\) at helpers.go:91\).*\(TL104\)`
}

type worker struct{}

// Stop takes an argument, so no interface fixes its signature: its root is
// reported like any other.
func (worker) Stop(reason string) { _ = context.Background() }

func stopWith(ctx context.Context, w worker) {
	w.Stop("done") // want `Stop cannot receive "ctx".*\(TL104\)`
}

// relay takes a context: its root is reported where it is made, not at
// callers of functions that call it.
func relay(ctx context.Context) { _ = context.Background() } /* fix */ // want `context.Background\(\) starts a new trace although "ctx" is in scope.*\(TL101\)`

func relayNil() { relay(nil) }

func callsRelay(ctx context.Context) {
	relayNil() // ok
}
