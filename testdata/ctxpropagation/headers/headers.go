// Package headers covers TL105: trace headers handled by hand.
package headers

import (
	"context"
	"flag"
	"net/http"
	"sync"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
)

const traceHeader = "traceparent"

// MD is shaped like gRPC's metadata.MD.
type MD map[string][]string

func (md MD) Get(k string) []string        { return md[k] }
func (md MD) Set(k string, vals ...string) { md[k] = vals }

// Pairs is shaped like gRPC's metadata.Pairs.
func Pairs(kv ...string) MD { return MD{} }

func byHand(in, out *http.Request, md MD, msg map[string]string) {
	tp := in.Header.Get("Traceparent")             // want `trace header "Traceparent" is read by hand; extract it with a propagator, otel.GetTextMapPropagator\(\).Extract\(ctx, carrier\), so every format and the baggage are handled \(TL105\)`
	out.Header.Set(traceHeader, tp)                // want `trace header "traceparent" is written by hand; inject it with a propagator.*\(TL105\)`
	out.Header.Add("X-B3-TraceId", "1")            // want `"X-B3-TraceId" is written by hand.*\(TL105\)`
	_ = in.Header["Uber-Trace-Id"]                 // want `"Uber-Trace-Id" is read by hand.*\(TL105\)`
	out.Header["tracestate"] = []string{"x"}       // want `"tracestate" is written by hand.*\(TL105\)`
	_ = md.Get("baggage")                          // want `"baggage" is read by hand.*\(TL105\)`
	md.Set("b3", "1")                              // want `"b3" is written by hand.*\(TL105\)`
	_ = Pairs("traceparent", tp, "x-id", "1")      // want `"traceparent" is written by hand.*\(TL105\)`
	msg2 := map[string]string{"uberctx-user": "1"} // want `"uberctx-user" is written by hand.*\(TL105\)`
	_ = msg2
	out.Header.Del("traceparent")       // ok: stripping
	out.Header.Set("X-Request-Id", "1") // ok
	_ = Pairs("x-id", "traceparent")    // ok: a value, not a key
}

func viaPropagator(ctx context.Context, out *http.Request) {
	otel.GetTextMapPropagator().Inject(ctx, propagation.HeaderCarrier(out.Header)) // ok
}

// Propagator is a propagator's own implementation: header names belong here.
type Propagator struct{}

func (Propagator) Inject(ctx context.Context, c propagation.TextMapCarrier) {
	c.Set("traceparent", "x")
}
func (Propagator) Extract(ctx context.Context, c propagation.TextMapCarrier) context.Context {
	_ = c.Get("traceparent")
	return ctx
}
func (Propagator) Fields() []string { return []string{"traceparent"} }

// The W3C traceresponse idiom reads back what the propagator just wrote:
// propagation through the propagator, not by hand.
func traceResponse(ctx context.Context, w http.ResponseWriter) {
	h := http.Header{}
	otel.GetTextMapPropagator().Inject(ctx, propagation.HeaderCarrier(h))
	w.Header().Set("traceresponse", h.Get("traceparent")) // ok
	m := propagation.MapCarrier{}
	otel.GetTextMapPropagator().Inject(ctx, m)
	_ = m["traceparent"]    // ok
	_ = m.Get("tracestate") // ok
}

// A read before the Inject, or of another carrier, is still by hand.
func notInjected(ctx context.Context, in *http.Request, w http.ResponseWriter) {
	h := http.Header{}
	_ = h.Get("traceparent") // want `"traceparent" is read by hand.*\(TL105\)`
	otel.GetTextMapPropagator().Inject(ctx, propagation.HeaderCarrier(h))
	_ = in.Header.Get("traceparent") // want `"traceparent" is read by hand.*\(TL105\)`
}

// A set of header names to forward writes no header.
var forwarded = map[string]bool{
	"traceparent": true, // ok
	"tracestate":  true, // ok
}

// Writing over what the propagator wrote is by hand again.
func overwrite(ctx context.Context, traceID string) {
	h := http.Header{}
	otel.GetTextMapPropagator().Inject(ctx, propagation.HeaderCarrier(h))
	h.Set("traceparent", traceID) // want `"traceparent" is written by hand.*\(TL105\)`
	m := propagation.MapCarrier{}
	otel.GetTextMapPropagator().Inject(ctx, m)
	m["tracestate"] = traceID // want `"tracestate" is written by hand.*\(TL105\)`
}

// Filler fills a carrier without being a propagator.
type Filler struct{}

func (Filler) Fill(ctx context.Context, c propagation.TextMapCarrier) {}

func carrier() propagation.TextMapCarrier { return propagation.MapCarrier{} }

func headerOf() http.Header { return http.Header{} }

// Only a propagator's Inject, of the same carrier, fills it.
func notAPropagator(ctx context.Context, f Filler) {
	h := http.Header{}
	f.Fill(ctx, propagation.HeaderCarrier(h))
	otel.GetTextMapPropagator().Inject(ctx, carrier())
	_ = h.Get("traceparent")         // want `"traceparent" is read by hand.*\(TL105\)`
	_ = headerOf().Get("tracestate") // want `"tracestate" is read by hand.*\(TL105\)`
}

var defaults = http.Header{}

// A read at package level has no function to look for an Inject in.
var defaultTrace = defaults.Get("traceparent") // want `"traceparent" is read by hand.*\(TL105\)`

// AppendToOutgoingContext is shaped like gRPC's: its keys are headers.
func AppendToOutgoingContext(ctx context.Context, kv ...string) context.Context { return ctx }

func outgoing(ctx context.Context, tp string) {
	var pool sync.Pool
	_ = pool.Get()                                        // ok: no key
	ctx = AppendToOutgoingContext(ctx, "traceparent", tp) // want `"traceparent" is written by hand.*\(TL105\)`
	var n int
	msg := map[string][]string{}
	msg["b3"], n = []string{tp}, 1 // want `"b3" is written by hand.*\(TL105\)`
	_, _ = ctx, n
}

// Maps keyed by numbers, and maps of other slices, hold no headers.
func otherMaps(codes map[int]string) {
	_ = codes[404]                            // ok
	_ = map[string][]int{"traceparent": {1}}  // ok
	_ = map[string][]error{"tracestate": nil} // ok
}

// A package-level function named like a header method is no header method.
func flags() {
	_ = flag.Set("baggage", "off") // ok: a flag
}
