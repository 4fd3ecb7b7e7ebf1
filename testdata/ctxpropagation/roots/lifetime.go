package roots

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"

	"example.com/tracelinttest/ctxpropagation/rootlib"
)

// bgCtx is a package-level context: no request's trace is in it.
var bgCtx = context.Background()

type store struct{}

func (store) Load(ctx context.Context, id string) error { return nil }
func (store) Close(ctx context.Context) error           { return nil }

// service holds its lifetime context, made when it started.
type service struct {
	ctx   context.Context
	store store
}

func (s *service) Get(ctx context.Context, id string) error {
	s.store.Load(bgCtx, id)        /* fix */ // want `bgCtx is a package-level context, not the request's: it starts a new trace although "ctx" is in scope; pass ctx so this work stays in the request's trace \(TL101\)`
	return s.store.Load(s.ctx, id) /* fix */ // want `s.ctx is the lifetime context of s, not the request's.*\(TL101\)`
}

// Without a request's context in scope, the lifetime context is the one to use.
func (s *service) refresh() error {
	return s.store.Load(s.ctx, "all") // ok
}

// Teardown with the lifetime context is right.
func (s *service) stop(ctx context.Context) error {
	return s.store.Close(s.ctx) // ok
}

// A context stored in a request-scoped value that is not the receiver is
// not judged.
type job struct{ ctx context.Context }

func run(ctx context.Context, j job, st store) error {
	return st.Load(j.ctx, "1") // ok
}

func merge(a, b context.Context) (context.Context, context.CancelFunc) { return a, func() {} }

type group struct{}

func newGroup(ctx context.Context) *group { return &group{} }

func (s *service) worker(ctx context.Context) {}

func (s *service) Handle(ctx context.Context) {
	mctx, cancel := merge(ctx, s.ctx) // ok: the request's context goes in too
	defer cancel()
	use(mctx)
	_ = newGroup(s.ctx) // ok: a constructor of a group that lives on
	go s.worker(s.ctx)  // ok: background work on the service's lifetime
}

func newContext(ctx context.Context, id string) context.Context { return ctx }

// A New...Context function derives a context: it is no constructor.
func (s *service) derive(ctx context.Context) {
	use(newContext(s.ctx, "x")) /* fix */ // want `s.ctx is the lifetime context of s.*\(TL101\)`
	use(ctx)
}

// A value that stashes a trace in a field, read back with a getter.
type message struct{ ctx context.Context }

func spanContextFromContext(ctx context.Context) string { return "" }

func (m *message) parentContext(fallback context.Context) string {
	return spanContextFromContext(m.ctx) // ok: reads the stashed trace
}

// A root marked deliberate is judged by the comments of its own file; each
// file of the package has one, whatever order they are parsed in.
func markedLifetime(ctx context.Context) {
	_ = use(ctx)
	_ = use(context.Background()) // ok: detached on purpose
}

type request struct{ id string }

func (r *request) ID() string { return r.id }

func (r *request) Context() context.Context { return context.TODO() }

// Only r.Context() hands over the request's context: another method of the
// request does not.
func (s *service) Lookup(r *request) error {
	return s.store.Load(s.ctx, r.ID()) /* fix */ // want `s.ctx is the lifetime context of s, not the request's.*\(TL101\)`
}

// Code outside any function has no request to serve.
var warmed = store{}.Load(bgCtx, "boot") // ok

// Without a context in scope there is nothing better to pass.
func (s *service) refreshOne(id string) error {
	return s.store.Load(s.ctx, id) // ok
}

// Another package's context variable is package-level too.
func (s *service) reachOut(ctx context.Context) error {
	return s.store.Load(rootlib.Lifetime, "1") /* fix */ // want `rootlib.Lifetime is a package-level context, not the request's.*\(TL101\)`
}

// A local context and a field of another value are not the receiver's
// lifetime.
func (s *service) runJob(ctx context.Context, j job, jobs []job) error {
	other := s.ctx
	_ = s.store.Load(jobs[0].ctx, "1") // ok
	_ = s.store.Load(other, "2")       // ok: a local, judged where it is set
	return s.store.Load(j.ctx, "3")    // ok
}

func runJobs(ctx context.Context, jobs []job, st store) error {
	return st.Load(jobs[0].ctx, "1") // ok
}

// A method with an unnamed receiver has no receiver to hold a context.
func (service) unnamed(ctx context.Context, j job, st store) error {
	return st.Load(j.ctx, "1") // ok
}

// A lifetime context marked as chosen on purpose is not reported.
func (s *service) audit(ctx context.Context) error {
	return s.store.Load(s.ctx, "audit") // deliberate: the audit outlives the request
}

// Start-up code of any package may use its lifetime context.
func init() {
	ctx := otel.GetTextMapPropagator().Extract(context.Background(), propagation.MapCarrier{})
	_ = store{}.Load(bgCtx, "warm") // ok
	use(ctx)
}
