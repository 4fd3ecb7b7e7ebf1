// Package foreign holds TL206 cases: ending a span taken from the context.
package foreign

import (
	"context"
	"errors"
	"net/http"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("foreign")

func enrich(ctx context.Context) {
	span := trace.SpanFromContext(ctx)
	defer span.End() // want `span "span" comes from trace.SpanFromContext: it is the caller's span, not one this function started, and ending it here ends the caller's span early; remove the call, or start a child span with tracer.Start and end that \(TL206\)`
	span.SetAttributes(attribute.Int("items", 3))
}

func direct(ctx context.Context) {
	trace.SpanFromContext(ctx).End() // want `trace.SpanFromContext\(...\) is the caller's span.*\(TL206\)`
}

func twice(ctx context.Context, ok bool) {
	span := trace.SpanFromContext(ctx)
	if ok {
		span.End() // want `comes from trace.SpanFromContext.*\(TL206\)`
		return
	}
	span.End()
}

func readOnly(ctx context.Context) {
	span := trace.SpanFromContext(ctx) // ok
	span.AddEvent("seen")
}

func startsWhenMissing(ctx context.Context) {
	span := trace.SpanFromContext(ctx)
	if !span.IsRecording() {
		ctx, span = tracer.Start(ctx, "fallback") // ok: this span is the function's own
		_ = ctx
	}
	span.End()
}

// The span of an empty context is a no-op span: ending it ends nothing.
func emptyContext() {
	trace.SpanFromContext(context.Background()).End() // ok: a no-op span
	bg := context.TODO()
	span := trace.SpanFromContext(bg)
	span.End() // ok: a no-op span
}

// Handler hands back a context that may hold a span it started for the
// caller, as a gRPC stats handler's TagRPC does.
type Handler struct{}

// Tag returns ctx with the handler's span.
func (Handler) Tag(ctx context.Context) context.Context { return ctx }

// A context handed back by such a call carries a span the caller may end.
func handedBack(ctx context.Context, h Handler) {
	trace.SpanFromContext(h.Tag(ctx)).End() // ok: Tag may have started it
	tagged := h.Tag(ctx)
	trace.SpanFromContext(tagged).End() // ok
}

type ctxKey struct{}

// Contexts derived by the context package, or by a function value, carry
// the caller's span.
func derived(ctx context.Context, derive func(context.Context) context.Context) {
	valued := context.WithValue(ctx, ctxKey{}, 1)
	trace.SpanFromContext(valued).End()                              // want `trace.SpanFromContext\(...\) is the caller's span.*\(TL206\)`
	trace.SpanFromContext(derive(ctx)).End()                         // want `trace.SpanFromContext\(...\) is the caller's span.*\(TL206\)`
	trace.SpanFromContext(context.WithValue(ctx, ctxKey{}, 2)).End() // want `trace.SpanFromContext\(...\) is the caller's span.*\(TL206\)`
}

// The span of a context this function started is its own.
func ownStart(ctx context.Context) {
	ctx, _ = tracer.Start(ctx, "own") // want `the span started by tracer.Start is discarded.*\(TL202\)`
	trace.SpanFromContext(ctx).End()  // ok: the span started above
}

// Reading the caller's span, or keeping it elsewhere, ends nothing.
func notEnded(ctx context.Context, h *holder) {
	trace.SpanFromContext(ctx).AddEvent("seen") // ok
	end := trace.SpanFromContext(ctx).End       // ok: not called here
	_ = end
	_ = trace.SpanFromContext(ctx) // ok
	h.span = trace.SpanFromContext(ctx)
}

type holder struct{ span trace.Span }

// A package-level variable is not a function's.
var rootSpan = trace.SpanFromContext(context.Background())

// This package ends spans taken from a context, so a context it hands
// over may carry its span away; these do not.

// The returned function's parameter is not the context.
func returnsClosure(ctx context.Context) func(error) {
	_, span := tracer.Start(ctx, "closure") /* fix */ // want `span "span" is not ended on every path: it leaks at the return on line 109.*\(TL201\)`
	span.SetName("closure")
	return func(err error) { _ = err }
}

// r.WithContext hands the context to the request, but a bound span is
// still this function's to end.
func withContextBound(w http.ResponseWriter, r *http.Request) {
	ctx, span := tracer.Start(r.Context(), "request") // want `span "span" is not ended on every path: it leaks at the return on line 119.*\(TL201\)`
	r = r.WithContext(ctx)
	if r.Method != http.MethodGet {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	span.End()
}

// A function literal that ends the caller's span kept in a variable of the
// enclosing function.
func endedInLiteral(ctx context.Context) {
	var span trace.Span
	func() {
		span = trace.SpanFromContext(ctx)
		span.End() // want `span "span" comes from trace.SpanFromContext.*\(TL206\)`
	}()
	span.AddEvent("after")
}

var errFailed = errors.New("failed")

// A context handed over on one path does not end the span on another.
func handOverOrFail(ctx context.Context, fail bool) (context.Context, error) {
	ctx, span := tracer.Start(ctx, "handover") // want `span "span" is not ended on every path: it leaks at the return on line 144.*\(TL201\)`
	if !fail {
		return ctx, nil
	}
	span.AddEvent("failed")
	return nil, errFailed
}
