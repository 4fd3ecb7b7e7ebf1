package spancontext

import (
	"context"
	"errors"
	"net/http"

	"go.opentelemetry.io/otel/trace"
)

type holder struct {
	ctx  context.Context
	span trace.Span
}

// A span's context stored in a field is kept, not discarded.
func (h *holder) startInField(ctx context.Context) {
	var span trace.Span
	h.ctx, span = tracer.Start(ctx, "field") // ok
	defer span.End()
	call(ctx)
}

// A span stored in a field is not returned by the function.
func (h *holder) begin(ctx context.Context) error {
	_, h.span = tracer.Start(ctx, "begin") // ok
	return errors.New("begun")
}

// A start helper that returns another context with the span hands out a
// context: it is judged where it is called.
func (h *holder) startOwn(ctx context.Context) (context.Context, trace.Span) {
	_, span := tracer.Start(ctx, "own") // ok
	return h.ctx, span
}

// A request that is a context itself and has a Context method: the start
// took its Context(), and handing the request itself to another function
// is not passing that context on.
type contextRequest interface {
	context.Context
	Context() context.Context
}

func startFromMethod(rc contextRequest) {
	_, span := tracer.Start(rc.Context(), "method") // ok
	defer span.End()
	call(rc)
}

// Returning the request is not passing its context to a handler.
func startAndReturn(r *http.Request) *http.Request {
	_, span := tracer.Start(r.Context(), "returned") // ok
	defer span.End()
	return r
}

// The next handler, called through a function that returns it.
func viaFactory(w http.ResponseWriter, r *http.Request, next func() http.HandlerFunc) {
	_, span := tracer.Start(r.Context(), "factory") // want `the context of span "span" is discarded and r.Context\(\) is passed on instead.*\(TL103\)`
	defer span.End()
	next()(w, r)
}

type inbound http.Request

// A conversion of the request is no handler call.
func convertsRequest(r *http.Request) *inbound {
	_, span := tracer.Start(r.Context(), "converted") // ok
	defer span.End()
	return (*inbound)(r)
}

// A local literal that ends the span but is not handed over changes
// nothing.
func endLaterLocal(ctx context.Context, req any, handler handlerFunc) (any, error) {
	_, span := tracer.Start(ctx, "pre-handler") /* fix */ // want `the context of span "span" is discarded and ctx is passed on instead.*\(TL103\)`
	finish := func() { span.End() }
	defer finish()
	return runInner(ctx, req, handler)
}

// A callback that ends another span, or only annotates this one, does not
// end it.
func endsOther(ctx context.Context, req any, handler handlerFunc, other trace.Span) (any, error) {
	_, span := tracer.Start(ctx, "pre-handler") /* fix */ // want `the context of span "span" is discarded and ctx is passed on instead.*\(TL103\)`
	defer span.End()
	return runInner(ctx, req, func(ctx context.Context, req any) (any, error) {
		other.End()
		span.AddEvent("handed over")
		return handler(ctx, req)
	})
}

// Reassigning the parent before the start does not hand the child over.
func reassignedBefore(ctx context.Context) {
	ctx = context.WithValue(ctx, ctxKey{}, 1)
	ctx2, span := tracer.Start(ctx, "x")
	defer span.End()
	call(ctx) // want `ctx is passed on while span "span" is open, although its context ctx2 is bound.*\(TL103\)`
	call(ctx2)
}

type ctxKey struct{}

// A function without results that hands out its span through a getter
// hands out the span without its context.
func keepGetter(ctx context.Context, register func(func() trace.Span)) {
	_, span := tracer.Start(ctx, "kept") // want `the context of span "span" is discarded and only the span is returned.*\(TL103\)`
	register(func() trace.Span { return span })
}

// A Context method that takes arguments looks a context up by name: the
// start's parent is no variable's context, so nothing is compared.
type registry struct{}

func (registry) Context(name string) context.Context { return base }

func fromRegistry(reg registry) {
	_, span := tracer.Start(reg.Context("a"), "x") // ok
	defer span.End()
	call(reg.Context("a"))
}
