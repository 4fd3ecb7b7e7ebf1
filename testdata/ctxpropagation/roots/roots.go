// Package roots covers TL101's reported and accepted fresh roots.
package roots

import (
	"context"
	"net/http"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/trace"
	"golang.org/x/sync/errgroup"
)

var tracer = otel.Tracer("roots")

func use(context.Context) error { return nil }

// A span-start wrapper that takes a ctx but starts a new root trace.
func startSpan(ctx context.Context, name string) (context.Context, trace.Span) {
	return tracer.Start(context.Background(), name) /* fix */ // want `context.Background\(\) starts a new trace although "ctx" is in scope.*\(TL101\)`
}

// Fresh roots in select and switch arms, and in an errgroup closure, where
// the group's context is the nearest.
func arms(ctx context.Context, ch chan int, kind int) error {
	select {
	case <-ch:
		use(context.TODO()) /* fix */ // want `context.TODO\(\) starts a new trace.*\(TL101\)`
	default:
	}
	switch kind {
	case 1:
		use(context.Background()) /* fix */ // want `context.Background\(\) starts a new trace.*\(TL101\)`
	}
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		return use(context.Background()) /* fix */ // want `although "gctx" is in scope; pass gctx so.*\(TL101\)`
	})
	use(gctx)
	return g.Wait()
}

// WithoutCancel keeps the trace: it is the fix, never a finding.
func detached(ctx context.Context) {
	go use(context.WithoutCancel(ctx)) // ok
}

// The defensive default for a nil context.
func defensive(ctx context.Context) {
	if ctx == nil {
		ctx = context.Background() // ok
	}
	if nil == ctx {
		ctx = context.TODO() // ok
	}
	use(ctx)
}

// The span context carried over into a detached context.
func carried(ctx context.Context) {
	bg := trace.ContextWithSpanContext(context.Background(), trace.SpanContextFromContext(ctx)) // ok
	go use(bg)
	other := context.Background() // ok: carried over below
	other = trace.ContextWithRemoteSpanContext(other, trace.SpanContextFromContext(ctx))
	go use(other)
	timed, cancel := context.WithTimeout(context.Background(), time.Second) // ok: carried over below
	defer cancel()
	timed = trace.ContextWithSpanContext(timed, trace.SpanContextFromContext(ctx))
	go use(timed)
}

// A propagator's Extract continues the trace found in the carrier.
func consume(ctx context.Context, headers map[string]string) {
	msgCtx := otel.GetTextMapPropagator().Extract(context.Background(), propagation.MapCarrier(headers)) // ok
	use(msgCtx)
}

// Work that outlives the request, linked to it.
func linked(ctx context.Context) {
	go func() {
		jobCtx, span := tracer.Start(context.Background(), "job", trace.WithLinks(trace.LinkFromContext(ctx))) // ok
		defer span.End()
		use(jobCtx)
	}()
}

// The same, linking after the start.
func addLink(r *http.Request) {
	jobCtx, span := tracer.Start(context.Background(), "job") // ok
	span.AddLink(trace.LinkFromContext(r.Context()))
	defer span.End()
	use(jobCtx)
}

// Shutdown is listed in detach-funcs by the "configured" test.
func Shutdown(ctx context.Context) {
	use(context.Background()) /* fix */ // want `starts a new trace.*\(TL101\)`
}

// Lifetime contexts of long-lived objects are deliberate.
type worker struct {
	ctx    context.Context
	cancel context.CancelFunc
}

func newWorker(ctx context.Context) *worker {
	_ = newWorker(context.Background())                         /* fix */ // want `starts a new trace although "ctx" is in scope.*\(TL101\)`
	w := &worker{ctx: context.Background()}                     // ok
	w.ctx, w.cancel = context.WithCancel(context.Background())  // ok
	gcCtx, cancelGC := context.WithCancel(context.Background()) // ok: kept in the worker below
	_ = &worker{ctx: gcCtx, cancel: cancelGC}
	use(ctx)
	return w
}

// A returned closure outlives the function: the fix keeps the trace only.
func shutdownHook(ctx context.Context) func() error {
	return func() error {
		return use(context.Background()) /* fix */ // want `context.Background\(\) in a returned closure starts a new trace although "ctx" is in scope; pass context.WithoutCancel\(ctx\).*\(TL101\)`
	}
}

// A root marked deliberate is judged by the comments of its own file; each
// file of the package has one, whatever order they are parsed in.
func markedRoots(ctx context.Context) {
	_ = use(ctx)
	_ = use(context.Background()) // ok: detached on purpose
}
