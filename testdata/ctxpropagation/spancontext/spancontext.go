// Package spancontext covers TL103: the context of a span start discarded.
package spancontext

import (
	"context"
	"net/http"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("spancontext")

// call may start spans under the context it gets.
func call(ctx context.Context) {
	_, span := tracer.Start(ctx, "child")
	span.End()
}
func leafWork() {}

func discarded(ctx context.Context) {
	_, span := tracer.Start(ctx, "discarded") /* fix */ // want `the context of span "span" is discarded and ctx is passed on instead, so later spans become its siblings, not its children; bind the returned context and pass it \(TL103\)`
	defer span.End()
	call(ctx)
}

// A leaf span: nothing after it takes the context.
func leaf(ctx context.Context) {
	_, span := tracer.Start(ctx, "leaf") // ok
	leafWork()
	span.End()
}

// The parent passed on after the span ended is right.
func afterEnd(ctx context.Context) {
	_, span := tracer.Start(ctx, "step") // ok
	leafWork()
	span.End()
	call(ctx)
}

// A carrier's context.
func handler(w http.ResponseWriter, r *http.Request) {
	_, span := tracer.Start(r.Context(), "handler") // want `and r.Context\(\) is passed on instead.*\(TL103\)`
	defer span.End()
	call(r.Context())
}

// Both results discarded is spanend's TL202, not this rule.
func both(ctx context.Context) {
	_, _ = tracer.Start(ctx, "both") // ok
	call(ctx)
}

// Bound and passed on: correct.
func bound(ctx context.Context) {
	ctx, span := tracer.Start(ctx, "bound") // ok
	defer span.End()
	call(ctx)
}

// The parent returned to the caller, who goes on with it.
func returnsParent(ctx context.Context) (context.Context, func()) {
	_, span := tracer.Start(ctx, "op") /* fix */ // want `the context of span "span" is discarded and ctx is passed on instead.*\(TL103\)`
	return ctx, func() { span.End() }
}

// The request passed on as a whole carries the parent on.
func middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, span := tracer.Start(r.Context(), "mw") // want `the context of span "span" is discarded and r.Context\(\) is passed on instead.*\(TL103\)`
		defer span.End()
		next.ServeHTTP(w, r)
	})
}

// A span ended in a deferred closure is still open for the calls after it.
func deferredClosure(ctx context.Context) {
	_, span := tracer.Start(ctx, "deferred") /* fix */ // want `the context of span "span" is discarded and ctx is passed on instead.*\(TL103\)`
	defer func() {
		span.End()
	}()
	call(ctx)
}

// A start wrapper that returns only the span orphans its callers' children.
func TraceQuery(ctx context.Context, q string) trace.Span {
	_, span := tracer.Start(ctx, q) // want `the context of span "span" is discarded and only the span is returned, so spans the callers start become its siblings, not its children; return the context too.*\(TL103\)`
	return span
}

// A wrapper that returns the context too is right.
func TraceQueryCtx(ctx context.Context, q string) (context.Context, trace.Span) {
	ctx, span := tracer.Start(ctx, q) // ok
	return ctx, span
}

// Callees that only read the context start no span under it: the span
// before them is a leaf in effect.
type marker struct{}

func markerFromContext(ctx context.Context) (marker, bool) {
	return marker{}, ctx.Value(markerKey{}) != nil
}

type markerKey struct{}

func enabled(ctx context.Context) bool { _, ok := markerFromContext(ctx); return ok }

func record(ctx context.Context, event string) {
	if !enabled(ctx) {
		return
	}
	select {
	case <-ctx.Done():
	default:
	}
}

// Recorder is implemented next to it by recorder, which only reads the context.
type Recorder interface {
	Record(ctx context.Context, event string)
}

type recorder struct{}

func (recorder) Record(ctx context.Context, event string) { _ = ctx.Err() }

func readOnly(ctx context.Context, rec Recorder) {
	_, span := tracer.Start(ctx, "insert") // ok: later callees only read ctx
	defer span.End()
	record(ctx, "inserted")
	rec.Record(ctx, "inserted")
	if m, ok := markerFromContext(ctx); ok {
		_ = m
	}
}

// The span's context is bound, but the parent goes on.
func boundButParent(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, span := tracer.Start(r.Context(), "mw")
		defer span.End()
		call(ctx)
		next.ServeHTTP(w, r) // want `r.Context\(\) is passed on while span "span" is open, although its context ctx is bound, so the spans started here become its siblings, not its children; pass ctx.*\(TL103\)`
	})
}

func boundButParentCtx(ctx context.Context) {
	child, span := tracer.Start(ctx, "step")
	call(child)
	call(ctx) // want `ctx is passed on while span "span" is open, although its context child is bound.*\(TL103\)`
	span.End()
	call(ctx) // ok: after the span ended
}

// The child handed over under the parent's name.
func handedOver(ctx context.Context) {
	child, span := tracer.Start(ctx, "step") // ok
	defer span.End()
	ctx = child
	call(ctx)
}

// A function that takes the request for something else (writing an error)
// does not pass its context on.
func writeError(w http.ResponseWriter, r *http.Request, err error) {}

func handlerWithHelpers(w http.ResponseWriter, r *http.Request) {
	ctx, span := tracer.Start(r.Context(), "get") // ok
	defer span.End()
	call(ctx)
	writeError(w, r, nil)
}

// A start in one case of a switch says nothing about the other cases.
func rewrite(ctx context.Context, op int) {
	switch op {
	case 1:
		ctx, span := tracer.Start(ctx, "&") // ok
		defer span.End()
		call(ctx)
	case 2:
		_, span := tracer.Start(ctx, "|") // ok: a leaf in its case
		defer span.End()
	case 3:
		ctx, span := tracer.Start(ctx, "-") // ok
		defer span.End()
		call(ctx)
	}
}

type handlerFunc func(ctx context.Context, req any) (any, error)

func runInner(ctx context.Context, req any, next handlerFunc) (any, error) {
	call(ctx)
	return next(ctx, req)
}

// A span that measures the work before the callee calls back, ended by the
// function handed to the callee: what the callee starts after that is not
// its child.
func measureUntilHandler(ctx context.Context, req any, handler handlerFunc) (any, error) {
	_, span := tracer.Start(ctx, "pre-handler") // ok: the span ends in shim, before the handler runs
	shim := func(ctx context.Context, req any) (any, error) {
		span.End()
		return handler(ctx, req)
	}
	return runInner(ctx, req, shim)
}

func measureUntilHandlerLiteral(ctx context.Context, req any, handler handlerFunc) (any, error) {
	_, span := tracer.Start(ctx, "pre-handler") // ok: the span ends in the literal, before the handler runs
	return runInner(ctx, req, func(ctx context.Context, req any) (any, error) {
		span.End()
		return handler(ctx, req)
	})
}

// A callback handed over that does not end the span changes nothing.
func callbackKeepsSpan(ctx context.Context, req any, handler handlerFunc) (any, error) {
	_, span := tracer.Start(ctx, "pre-handler") /* fix */ // want `the context of span "span" is discarded and ctx is passed on instead.*TL103`
	defer span.End()
	return runInner(ctx, req, func(ctx context.Context, req any) (any, error) {
		return handler(ctx, req)
	})
}

// startSpan is a team's own start helper around tracer.Start.
func startSpan(ctx context.Context, name string) (context.Context, trace.Span) {
	return tracer.Start(ctx, name)
}

func throughHelper(ctx context.Context) {
	_, span := startSpan(ctx, "query") /* fix */ // want `the context of span "span" is discarded and ctx is passed on instead.*TL103`
	defer span.End()
	call(ctx)
}

func throughHelperBound(ctx context.Context) {
	ctx, span := startSpan(ctx, "query") // ok: the span's context is passed on
	defer span.End()
	call(ctx)
}

// spanOf returns a span and the context unchanged: it is not a start.
func spanOf(ctx context.Context) (trace.Span, context.Context) {
	return trace.SpanFromContext(ctx), ctx
}

func notAStart(ctx context.Context) {
	span, _ := spanOf(ctx)
	span.AddEvent("seen")
	call(ctx)
}

// The fix's gates: rebinding ctx would also hand the ended span's context
// to the work after End, so the finding comes without a fix.
func usedAfterEnd(ctx context.Context) {
	_, span := tracer.Start(ctx, "phase") // want `the context of span "span" is discarded and ctx is passed on instead.*\(TL103\)`
	call(ctx)
	span.End()
	call(ctx)
}

// A := in an inner block would declare a new ctx that shadows the
// parameter, not rebind it: no fix.
func innerBlock(ctx context.Context, retry bool) {
	if retry {
		_, span := tracer.Start(ctx, "retry") // want `the context of span "span" is discarded and ctx is passed on instead.*\(TL103\)`
		call(ctx)
		span.End()
	}
}

// A callee that hands the context on to something that may start a span is
// not a reader, nor is a function value.
func relay(ctx context.Context) { call(ctx) }

func relays(ctx context.Context) {
	_, span := tracer.Start(ctx, "relayed") /* fix */ // want `the context of span "span" is discarded and ctx is passed on instead.*\(TL103\)`
	defer span.End()
	relay(ctx)
}

func hooked(ctx context.Context, hook func(context.Context)) {
	_, span := tracer.Start(ctx, "hooked") /* fix */ // want `the context of span "span" is discarded and ctx is passed on instead.*\(TL103\)`
	defer span.End()
	hook(ctx)
}

// A callee whose context parameter is blank cannot read it, and a getter
// named Value only reads, even through an interface with no implementation
// here.
func note(_ context.Context, msg string) { _ = msg }

// Settings is implemented elsewhere.
type Settings interface {
	Value(ctx context.Context, key string) string
}

func readers(ctx context.Context, s Settings) {
	_, span := tracer.Start(ctx, "noted") // ok
	defer span.End()
	note(ctx, "x")
	_ = s.Value(ctx, "limit")
}

// A callee that reads through a function value of its own may start a span.
func viaValue(ctx context.Context) {
	emit := call
	emit(ctx)
}

func callsViaValue(ctx context.Context) {
	_, span := tracer.Start(ctx, "emitted") /* fix */ // want `the context of span "span" is discarded and ctx is passed on instead.*\(TL103\)`
	defer span.End()
	viaValue(ctx)
}

// kept holds what the helpers below keep.
var kept []any

// Functions that take the request but are not handlers: one parameter, one
// result, a writer of another type, a request of another type.
type writer interface{ Write([]byte) (int, error) }

func logRequest(r *http.Request)                          { kept = append(kept, r) }
func render(w http.ResponseWriter, r *http.Request) error { kept = append(kept, r); return nil }
func auditTo(w writer, r *http.Request)                   { kept = append(kept, r) }
func dump(w http.ResponseWriter, v any)                   { kept = append(kept, v) }

func handlerWithMoreHelpers(w http.ResponseWriter, r *http.Request) {
	ctx, span := tracer.Start(r.Context(), "get") // ok
	defer span.End()
	call(ctx)
	logRequest(r)
	_ = render(w, r)
	auditTo(w, r)
	dump(w, r)
}

// The span ends at its first End after the start: not at an earlier End of
// the same variable, not at a later one, not at another method.
func endedTwice(ctx context.Context) {
	child, span := tracer.Start(ctx, "step")
	call(child)
	span.End()
	call(ctx) // ok: after the span ended
	span.End()
}

func reusedSpan(ctx context.Context) {
	child, span := tracer.Start(ctx, "one")
	call(child)
	span.End()
	child, span = tracer.Start(ctx, "two")
	call(child)
	call(ctx) // want `ctx is passed on while span "span" is open, although its context child is bound.*\(TL103\)`
	span.End()
}

func annotated(ctx context.Context) {
	child, span := tracer.Start(ctx, "step")
	span.AddEvent("begin")
	call(child)
	call(ctx) // want `ctx is passed on while span "span" is open, although its context child is bound.*\(TL103\)`
	span.End()
}

// current returns the span ctx already carries: it starts nothing.
func current(ctx context.Context) (context.Context, trace.Span) {
	return ctx, trace.SpanFromContext(ctx)
}

func usesCurrent(ctx context.Context) {
	_, span := current(ctx) // ok: not a start
	span.AddEvent("x")
	call(ctx)
}

// traced starts its span through a helper whose name starts in lower case.
func traced(ctx context.Context, name string) (context.Context, trace.Span) {
	return startSpan(ctx, name)
}

func usesTraced(ctx context.Context) {
	_, span := traced(ctx, "x") /* fix */ // want `the context of span "span" is discarded and ctx is passed on instead.*\(TL103\)`
	defer span.End()
	call(ctx)
}

// A function of another module that takes the context may start spans
// under it.
func remoteAfterStart(ctx context.Context, sc trace.SpanContext) {
	_, span := tracer.Start(ctx, "remote") /* fix */ // want `the context of span "span" is discarded and ctx is passed on instead.*\(TL103\)`
	defer span.End()
	call(trace.ContextWithRemoteSpanContext(ctx, sc))
}
