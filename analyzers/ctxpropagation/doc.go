// Package ctxpropagation defines an Analyzer that checks that the request's
// context.Context is passed on, so that downstream spans stay in the
// request's trace.
//
// # Analyzer ctxpropagation
//
// ctxpropagation: check that the request's context is passed on
//
// A context is available at a point of the code when a trace-bearing one is
// in scope there: a context.Context parameter not named _, a parameter whose
// type has a Context() context.Context method (*http.Request, framework
// contexts, gRPC streams; not long-lived clients, connections or servers;
// the testing types only with ctxpropagation.testing-context), or a local
// variable derived from one of
// those or filled by a propagator's Extract, declared before that point.
// Closures and goroutines see what the enclosing function has, except a
// function literal stored as a callback (a struct field). A context the
// function made from a root of its own, the context of a command line
// command (cobra, urfave/cli), receivers, struct fields, package variables
// and locally built requests carry no trace and are not offered.
// Where no context is available, nothing is reported. Test code (_test.go
// files and test scaffolding packages) is skipped unless ctxpropagation.tests
// is set.
//
//   - TL101: context.Background() or context.TODO() where a context is
//     available. The fix passes the available context, or
//     context.WithoutCancel(ctx) inside a goroutine. Not reported: the
//     defensive "if ctx == nil { ctx = context.Background() }", roots that
//     carry a span context over or come from a propagator's Extract, roots in
//     a function that links spans, roots for teardown (a Shutdown-like call,
//     a cleanup hook, after <-ctx.Done()), roots a comment marks deliberate,
//     and the bodies of main and init.
//   - TL102: an API called instead of its context-taking variant (http.Get,
//     http.NewRequest, database/sql without Context, exec.Command, net.Dial,
//     slog.Info, and any F whose package or receiver has FContext or
//     FWithContext whose body reads the context; slog's only when a handler
//     of the module reads a record's context), fixed when the rewrite is
//     mechanical and the call does not outlive the request.
//   - TL103: a span start whose context result is discarded while the
//     parent context is passed on to later calls.
//   - TL104: a call to a function of the module that has no context
//     parameter and creates a root context, itself or through callees of the
//     same kind; callees in other packages are read from source.
//   - TL105: a trace propagation header (traceparent, tracestate, baggage,
//     b3, x-b3-*, uber-trace-id) read or written by hand.
//   - TL106: a closure given to an errgroup-style group passes the group's
//     parent context instead of the group's, or a context is re-derived from
//     itself in a loop (WithValue only in loops without a bound), or a
//     derived context (deadline, cancellation, value, outgoing metadata,
//     baggage, span, extracted trace) is discarded or never used again.
//
// ctxpropagation declares no facts and requires only the inspect pass, so
// the standalone driver loads dependencies from export data.
package ctxpropagation
