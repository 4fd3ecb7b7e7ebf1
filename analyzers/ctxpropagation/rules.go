package ctxpropagation

import "github.com/tracelint/tracelint/internal/rules"

const optionTestingContext = "ctxpropagation.testing-context"

const optionTests = "ctxpropagation.tests"

const optionDetachFuncs = "ctxpropagation.detach-funcs"

const optionPropagationHeaders = "ctxpropagation.propagation-headers"

// TL101 reports a fresh root context where a context is available.
var TL101 = &rules.Rule{
	ID:       "TL101",
	Analyzer: "ctxpropagation",
	Title:    "pass the context in scope instead of a fresh root",
	Why: "`context.Background()` and `context.TODO()` carry no span, no deadline and no values, nor does a package-level " +
		"context or the lifetime context a server keeps in a field. " +
		"Code that uses one where the request's context is in scope starts a new trace: its spans become " +
		"roots the backend cannot join to the request, sampling is decided again, and the work is not " +
		"cancelled when the request is.",
	Bad: `func (s *Server) Get(ctx context.Context, id string) (*Item, error) {
	return s.store.Load(context.Background(), id)
}`,
	Good: `func (s *Server) Get(ctx context.Context, id string) (*Item, error) {
	return s.store.Load(ctx, id)
}`,
	Default:    true,
	DefaultWhy: "a fresh root where a context is in scope breaks the trace",
	Autofix:    true,
	NotFlagged: []string{
		"`context.WithoutCancel(ctx)`, which keeps the trace and drops the cancellation",
		"the defensive `if ctx == nil { ctx = context.Background() }`",
		"a root that carries the span context over (`trace.ContextWithSpanContext(context.Background(), " +
			"trace.SpanContextFromContext(ctx))`), or that a propagator's `Extract` fills from a carrier",
		"any root in a function that links spans (`trace.WithLinks`, `trace.LinkFromContext`, `span.AddLink`): " +
			"a deliberate detachment that keeps the trace connected",
		"the bodies of `main` and `init`, and functions listed in `ctxpropagation.detach-funcs`",
		"test code, unless `ctxpropagation.tests` is set (and then still the bodies of tests, benchmarks, fuzz tests and examples)",
		"a root for teardown: passed (directly or through `context.WithTimeout`) to a `Shutdown`-, `Stop`-, `Close`- or `Flush`-like call, " +
			"in a cleanup hook (`t.Cleanup`), or after `<-ctx.Done()`",
		"a root that a comment on its statement marks deliberate (`//nolint:contextcheck`, \"intentionally detached\", " +
			"\"must not be cancelled\"); a TODO or FIXME comment does not count",
		"code where no trace-bearing context is in scope: a context the function made from its own root, a receiver, " +
			"a request it built, or, inside a callback stored in a field, the builder's context",
		"the context parameter of a process's or server's lifetime: in a command package (package `main`, under a `cmd` directory, or importing cobra, urfave/cli, kingpin or kong) " +
			"and in a function that starts a server (calls or hands over `Serve`, `ListenAndServe` and kin); requests and handlers there still count",
		"a constructor's (`New...`) set-up bounded by a timeout of its own: `context.WithTimeout(context.Background(), 15*time.Second)`",
	},
	KnownProblems: []string{
		"Inside a goroutine the fix is `context.WithoutCancel(ctx)` (Go 1.21 and later); elsewhere it passes the context " +
			"as is, which also makes the work stop when the request is cancelled.",
		"A function that links spans anywhere is trusted for all of its roots.",
		"In dd-trace-go code that threads a span context (`ddtrace.SpanContext`, `*tracer.SpanContext`) instead of a context, a root is " +
			"reported without a fix: the span tree survives, deadlines and context-based instrumentation do not, and the fix is a new parameter.",
	},
	Options: []string{optionTestingContext, optionTests, optionDetachFuncs},
}

// TL102 reports an API called instead of its context-taking variant.
var TL102 = &rules.Rule{
	ID:       "TL102",
	Analyzer: "ctxpropagation",
	Title:    "call the context-taking variant of an API",
	Why: "`http.Get`, `db.Query`, `exec.Command`, `net.Dial` and `slog.Info` use no context (or a background one): " +
		"the outgoing request, query or command gets no span under the caller's, its trace headers are not sent, " +
		"log records lose their trace ID, and nothing stops the call when the request is cancelled. " +
		"Each has a variant that takes the context.",
	Bad: `func (s *Store) Load(ctx context.Context, id string) (*sql.Rows, error) {
	return s.db.Query("SELECT * FROM items WHERE id = $1", id)
}`,
	Good: `func (s *Store) Load(ctx context.Context, id string) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, "SELECT * FROM items WHERE id = $1", id)
}`,
	Default:    true,
	DefaultWhy: "the variant is a drop-in replacement where a context is in scope",
	Autofix:    true,
	NotFlagged: []string{
		"APIs without a context-taking variant (`Tx.Commit`, `Client.Do`, whose request carries the context)",
		"functions that already take a context, such as `slog.Log`",
		"a sibling `FContext` with other parameters (`signal.Notify` and `signal.NotifyContext` are different APIs)",
		"test code, unless `ctxpropagation.tests` is set (and then still the bodies of tests, benchmarks, fuzz tests and examples: `httptest.NewRequest` and friends)",
		"a variant of the module whose body ignores its context parameter (for an interface method: every implementation next to the interface does), " +
			"and slog's variants when no handler of the module reads a record's context (its own `Handle(ctx, r)` that uses `ctx`, or a required bridge such as otelslog)",
		"`http.NewRequest` whose request gets a context later (`req.WithContext(ctx)`) or is returned to the caller",
		"the plain function called inside its own variant (`CommandContext` calling `Command`)",
		"code where no trace-bearing context is in scope (see TL101: a command's or a server's lifetime context does not count)",
		"a function that links spans (`trace.WithLinks`, `trace.LinkFromContext`, `span.AddLink`): it detached its work into a trace of its own on purpose, so the parent is not offered",
	},
	KnownProblems: []string{
		"Any function `F` is checked for a sibling `FContext` or `FWithContext` whose first parameter is a " +
			"`context.Context` and whose other parameters and results are the same; the fix renames the call and passes the context first. " +
			"`db.Begin`, `net.Dial` and `net.Listen` have fixes of their own; `http.Get` and the `Client` shortcuts have no mechanical fix.",
		"`grpc.Dial` is reported with advice only: its `DialContext` is deprecated too, and the fix is `grpc.NewClient` with the context passed to each call. " +
			"`net.LookupHost` and the other resolver shortcuts are fixed to `net.DefaultResolver`'s methods; `net.LookupIP`, whose resolver method takes a network, gets advice only.",
	},
	Options: []string{optionTestingContext, optionTests},
}

// TL103 reports a span start whose context is discarded while the parent is
// passed on.
var TL103 = &rules.Rule{
	ID:       "TL103",
	Analyzer: "ctxpropagation",
	Title:    "pass on the context a span start returns",
	Why: "The context a span start returns is what makes the span the parent of later work. " +
		"When it is dropped (`_, span := tracer.Start(ctx, ...)`), or bound while the parent context is still passed on " +
		"(to a call, inside its request as in `next.ServeHTTP(w, r)`, or returned), or a start wrapper returns only the span, every " +
		"later span becomes a sibling of the new span instead of its child, and the trace no longer shows what happened inside it. " +
		"A team's own start helper counts as a start: a function that takes a context first, returns a context and a span, " +
		"and (when it is in the module) calls a `Start...` function, such as `ctx, span := startSpan(ctx, \"query\")`.",
	Bad: `func (s *Store) Load(ctx context.Context, id string) (*Item, error) {
	_, span := tracer.Start(ctx, "Store.Load")
	defer span.End()
	return s.db.Get(ctx, id)
}`,
	Good: `func (s *Store) Load(ctx context.Context, id string) (*Item, error) {
	ctx, span := tracer.Start(ctx, "Store.Load")
	defer span.End()
	return s.db.Get(ctx, id)
}`,
	Default:    true,
	DefaultWhy: "the trace's nesting is wrong for every later span",
	Autofix:    true,
	NotFlagged: []string{
		"a leaf span: no call after the start, before the span ends, takes the parent context, or the calls that do only read it " +
			"(wait on `Done`, ask `Err` or `Value`, hand it to a `FromContext` getter; callees of the module are read from source)",
		"uses of the parent context after a non-deferred `span.End()`",
		"a call that is also handed a function that ends the span (an interceptor wrapper whose span measures the work before the handler)",
		"a start whose span is discarded too (spanend's TL202 reports it)",
	},
	KnownProblems: []string{
		"The fix binds the returned context to the parent's variable; it is offered only when that reassigns " +
			"the variable (no shadowing) and the variable is not used after the span ends.",
	},
	Options: []string{optionTests},
}

// TL104 reports a call to a function that cannot receive a context and
// creates a root context itself.
var TL104 = &rules.Rule{
	ID:       "TL104",
	Analyzer: "ctxpropagation",
	Title:    "do not call code that creates its own root context",
	Why: "A function without a context parameter that calls `context.Background()` (itself or through its callees) " +
		"starts a new trace wherever it is called from. The caller has the request's context but no way to pass it, " +
		"so the fix belongs in the callee's signature; the report is at the call so the caller's author sees it.",
	Bad: `func (h *Handler) Get(w http.ResponseWriter, r *http.Request) {
	item, err := loadItem(r.URL.Query().Get("id"))
	// ...
}

func loadItem(id string) (*Item, error) {
	return store.Load(context.Background(), id)
}`,
	Good: `func (h *Handler) Get(w http.ResponseWriter, r *http.Request) {
	item, err := loadItem(r.Context(), r.URL.Query().Get("id"))
	// ...
}

func loadItem(ctx context.Context, id string) (*Item, error) {
	return store.Load(ctx, id)
}`,
	Default: false,
	DefaultWhy: "opt-in: on the real services of bench/ about 1 in 50 findings was worth acting on. The fix is a new parameter in a callee " +
		"the caller's author often does not own, and most such callees are start-up code, in-memory helpers whose root is never used, " +
		"or background work; turn it on while threading contexts through a code base",
	NotFlagged: []string{
		"callees that take a context (a `context.Context`, or a parameter with a `Context()` method): their own body is judged by TL101, so callers of callers are not reported twice",
		"callees outside the module",
		"callees in `ctxpropagation.detach-funcs`, and callees whose roots carry a trace over or that link spans",
		"roots in function literals the callee returns or stores (a cobra `RunE`, a callback) and in goroutines it starts: they run later, on someone else's behalf",
		"a call that passes the context in another form (an option such as `server.WithContext(ctx)`)",
	},
	KnownProblems: []string{
		"Callees in other packages of the module are read from source without types: a root is recognised as " +
			"`context.Background()` or `context.TODO()` through the file's import of `context`, and followed through " +
			"plain calls to functions of the same package, up to four calls deep.",
	},
	Options: []string{optionTests, optionDetachFuncs},
}

// TL105 reports trace propagation headers handled by hand.
var TL105 = &rules.Rule{
	ID:       "TL105",
	Analyzer: "ctxpropagation",
	Title:    "propagate trace headers with a propagator, not by hand",
	Why: "Reading or writing `traceparent`, `tracestate`, `baggage`, B3 or Jaeger headers by hand handles one format, " +
		"forgets the others and the baggage, and breaks when the service's propagators change. " +
		"A `propagation.TextMapPropagator`'s `Inject` and `Extract` do it for every configured format.",
	Bad: `func forward(ctx context.Context, req *http.Request, in *http.Request) {
	req.Header.Set("traceparent", in.Header.Get("traceparent"))
}`,
	Good: `func forward(ctx context.Context, req *http.Request) {
	otel.GetTextMapPropagator().Inject(ctx, propagation.HeaderCarrier(req.Header))
}`,
	Default:    true,
	DefaultWhy: "hand-written propagation silently drops formats and baggage",
	NotFlagged: []string{
		"the methods `Inject`, `Extract` and `Fields` of a type: a propagator's own implementation",
		"`Del` of a header (an edge proxy stripping incoming trace headers)",
		"header names that are not constants",
	},
	Options: []string{optionPropagationHeaders},
}

// TL106 reports a group's parent context used inside the group, and a
// context re-derived from itself in a loop.
var TL106 = &rules.Rule{
	ID:       "TL106",
	Analyzer: "ctxpropagation",
	Title:    "pass the derived context, not its parent",
	Why: "`g, gctx := errgroup.WithContext(ctx)` gives the group's work a context that is cancelled when one " +
		"task fails; a task that passes `ctx` instead keeps running after the group gave up. In a loop, " +
		"`ctx, span = tracer.Start(ctx, ...)` makes each iteration's span a child of the previous iteration's, " +
		"and `ctx = context.WithValue(ctx, ...)` grows the chain of contexts with every iteration. " +
		"A derived context that is discarded (`_, cancel := context.WithTimeout(ctx, d)`, " +
		"`metadata.AppendToOutgoingContext(ctx, ...)` as a statement, `ctx = baggage.ContextWithBaggage(ctx, b)` never used again) " +
		"loses what it was derived for: the deadline, the metadata, the baggage or the span never reach the work.",
	Bad: `g, gctx := errgroup.WithContext(ctx)
for _, id := range ids {
	g.Go(func() error { return fetch(ctx, id) })
	Options: []string{optionTests},
}
_ = gctx`,
	Good: `g, gctx := errgroup.WithContext(ctx)
for _, id := range ids {
	g.Go(func() error { return fetch(gctx, id) })
}`,
	Default:    true,
	DefaultWhy: "both shapes are always mistakes",
	Autofix:    true,
	NotFlagged: []string{
		"`context.WithoutCancel(ctx)` inside a group's closure: a deliberate detachment",
		"a context derived with `:=` inside the loop, from a context declared outside it",
		"`context.WithValue` and the other `context` functions as statements: go vet's unusedresult reports them",
		"`ctx = context.WithValue(ctx, k, v)` in a loop with a bound (a range over a slice or map, a counted `for`): several values put in on purpose",
	},
	KnownProblems: []string{
		"A group is any `g, gctx := pkg.WithContext(ctx)` whose first result is not a context; its closures are the " +
			"function literals passed to its methods.",
		"The fix (pass the group's context) is offered for groups only, when that context is in scope; the loop shape has none.",
	},
}

// Rules is the ctxpropagation catalogue, in ID order.
var Rules = []*rules.Rule{TL101, TL102, TL103, TL104, TL105, TL106}
