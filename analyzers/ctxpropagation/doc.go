// Package ctxpropagation defines an Analyzer that checks that the request's
// context.Context is passed on, so that downstream spans stay in the
// request's trace.
//
// # Analyzer ctxpropagation
//
// ctxpropagation: check that the request's context is passed on
//
// A context is available at a point of the code when one of these is in
// scope there: a context.Context parameter not named _, a parameter whose
// type has a Context() context.Context method (*http.Request, framework
// contexts, *cobra.Command; the testing types only with
// ctxpropagation.testing-context), a local context variable declared before
// that point, and in closures and goroutines whatever the enclosing function
// has. Struct fields and package variables are not available. Where no
// context is available, nothing is reported.
//
//   - TL101: context.Background() or context.TODO() where a context is
//     available. The fix passes the available context, or
//     context.WithoutCancel(ctx) inside a goroutine. Not reported: the
//     defensive "if ctx == nil { ctx = context.Background() }", roots that
//     carry a span context over or come from a propagator's Extract, roots in
//     a function that links spans, and the bodies of main, init and tests.
//   - TL102: an API called instead of its context-taking variant (http.Get,
//     http.NewRequest, database/sql without Context, exec.Command, net.Dial,
//     slog.Info, and any F whose package or receiver has FContext or
//     FWithContext), fixed when the rewrite is mechanical.
//   - TL103: a span start whose context result is discarded while the
//     parent context is passed on to later calls.
//   - TL104: a call to a function of the module that has no context
//     parameter and creates a root context, itself or through callees of the
//     same kind; callees in other packages are read from source.
//   - TL105: a trace propagation header (traceparent, tracestate, baggage,
//     b3, x-b3-*, uber-trace-id) read or written by hand.
//   - TL106: a closure given to an errgroup-style group passes the group's
//     parent context instead of the group's, or a context is re-derived from
//     itself in a loop.
//
// ctxpropagation declares no facts and requires only the inspect pass, so
// the standalone driver loads dependencies from export data.
package ctxpropagation
