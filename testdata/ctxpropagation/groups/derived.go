package groups

import (
	"context"
	"net/http"
	"time"

	"go.opentelemetry.io/otel/baggage"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/trace"
	"google.golang.org/grpc/metadata"
)

// Derived contexts that never reach the work.
func discarded(ctx context.Context, b baggage.Baggage, sc trace.SpanContext) {
	_, cancel := context.WithTimeout(ctx, time.Second) // want `the context context.WithTimeout returns is discarded, so its deadline never reaches the work; bind it and pass it on \(TL106\)`
	defer cancel()
	_ = baggage.ContextWithBaggage(ctx, b) // want `the context baggage.ContextWithBaggage returns is discarded, so the baggage never reaches the work.*\(TL106\)`
	trace.ContextWithSpanContext(ctx, sc)  // want `the context trace.ContextWithSpanContext returns is not kept, so the span never reaches the work; assign it and pass it on.*\(TL106\)`
	fetch(ctx, 1)
}

func notUsedAfter(ctx context.Context, r *http.Request, b baggage.Baggage) error {
	fetch(ctx, 1)
	ctx = baggage.ContextWithBaggage(ctx, b)                                                   // want `ctx is derived by baggage.ContextWithBaggage but not used afterwards, so the baggage never reaches the work; pass ctx on.*\(TL106\)`
	ctx = propagation.TraceContext{}.Extract(r.Context(), propagation.HeaderCarrier(r.Header)) // want `ctx is derived by propagation.TraceContext\{\}.Extract but not used afterwards, so the extracted trace never reaches the work.*\(TL106\)`
	return nil
}

// Derived contexts that are used: nothing to report.
func used(ctx context.Context, items []int, b baggage.Baggage) (out context.Context) {
	ctx, cancel := context.WithTimeout(ctx, time.Second) // ok
	defer cancel()
	fetch(ctx, 1)
	for _, item := range items {
		fetch(ctx, item)                          // read by the next iteration
		ctx = context.WithValue(ctx, key{}, item) // ok
	}
	bctx := baggage.ContextWithBaggage(ctx, b)
	defer func() { fetch(bctx, 0) }()
	bctx = baggage.ContextWithBaggage(bctx, b) // ok: read by the deferred closure
	out = baggage.ContextWithBaggage(ctx, b)   // ok: a named result
	context.WithValue(ctx, key{}, 1)           // ok: go vet's unusedresult reports it
	return
}

// Outgoing gRPC metadata that never leaves.
func outgoing(ctx context.Context, md metadata.MD) {
	metadata.AppendToOutgoingContext(ctx, "k", "v") // want `the context metadata.AppendToOutgoingContext returns is not kept, so the outgoing metadata never reaches the work.*\(TL106\)`
	out := metadata.NewOutgoingContext(ctx, md)     // ok
	fetch(out, 1)
}

// Each derivation TL106 knows, by package and name.
func outgoingNew(ctx context.Context, md metadata.MD) {
	metadata.NewOutgoingContext(ctx, md) // want `the context metadata.NewOutgoingContext returns is not kept, so the outgoing metadata never reaches the work.*\(TL106\)`
	fetch(ctx, 1)
}

// Reading metadata or baggage derives nothing.
func readsOnly(ctx context.Context) {
	metadata.FromOutgoingContext(ctx) // ok
	baggage.FromContext(ctx)          // ok
	fetch(ctx, 1)
}

// A function of another package that shares a derivation's name is not
// known to derive one.
func sameNames(ctx context.Context) {
	AppendToOutgoingContext(ctx, "k", "v") // ok
	ContextWithBaggage(ctx)                // ok
	fetch(ctx, 1)
}

// AppendToOutgoingContext logs the pairs.
func AppendToOutgoingContext(ctx context.Context, kv ...string) context.Context { return ctx }

// ContextWithBaggage checks the baggage.
func ContextWithBaggage(ctx context.Context) context.Context { return ctx }

var shared context.Context

// A variable declared outside the function that assigns it is read
// elsewhere.
func setShared(ctx context.Context, b baggage.Baggage) {
	shared = baggage.ContextWithBaggage(ctx, b) // ok
}

// A context read only by the loop's next iteration is used.
func perItem(ctx context.Context, items []int, b baggage.Baggage) {
	for _, item := range items {
		fetch(ctx, item)
		ctx = baggage.ContextWithBaggage(ctx, b) // ok
	}
}

// A mention before the loop is not a later read.
func lastOnly(parent context.Context, items []int, b baggage.Baggage) {
	ctx := parent
	fetch(ctx, 0)
	for range items {
		ctx = baggage.ContextWithBaggage(parent, b) // want `ctx is derived by baggage.ContextWithBaggage but not used afterwards.*\(TL106\)`
	}
}

func load() (context.Context, error) { return nil, nil }

// Assigning ctx again, with = or :=, does not read it.
func overwritten(ctx context.Context, b baggage.Baggage) error {
	ctx = baggage.ContextWithBaggage(ctx, b) // want `ctx is derived by baggage.ContextWithBaggage but not used afterwards.*\(TL106\)`
	ctx, err := load()
	return err
}

// A context whose address is taken may be read through the pointer; the
// address of anything else reads nothing.
func viaPointer(ctx context.Context, b baggage.Baggage) {
	p := &ctx
	ctx = baggage.ContextWithBaggage(ctx, b) // ok
	fetch(*p, 1)
}

func addressOfOther(ctx context.Context, b baggage.Baggage) {
	ctx = baggage.ContextWithBaggage(ctx, b) // want `ctx is derived by baggage.ContextWithBaggage but not used afterwards.*\(TL106\)`
	keep(&b)
}

func keep(*baggage.Baggage) {}
