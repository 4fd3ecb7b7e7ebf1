// Package notflagged holds the shapes spanend must accept: every one of
// them ends the span or hands it to code that will.
package notflagged

import (
	"context"
	"log"
	"os"
	"testing"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/codes"
	oteltrace "go.opentelemetry.io/otel/trace" // aliased import
	"golang.org/x/sync/errgroup"
)

var tracer = otel.Tracer("notflagged")

func work(context.Context) error { return nil }

func deferred(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "deferred") // ok
	defer span.End()
	return work(ctx)
}

func deferredClosure(ctx context.Context) (err error) {
	ctx, span := tracer.Start(ctx, "closure") // ok
	defer func() {
		if err != nil {
			span.SetStatus(codes.Error, err.Error())
		}
		span.End()
	}()
	return work(ctx)
}

func finish(span oteltrace.Span, err *error) { span.End() }

func deferredHelper(ctx context.Context) (err error) {
	ctx, span := tracer.Start(ctx, "helper") // ok
	defer finish(span, &err)
	return work(ctx)
}

func cleanup(t *testing.T) {
	_, span := tracer.Start(context.Background(), "test") // ok
	end := span.End
	t.Cleanup(func() { end() })
}

func cleanupClosure(t *testing.T) {
	_, span := tracer.Start(context.Background(), "test") // ok
	t.Cleanup(func() { span.End() })
}

func everyBranch(ctx context.Context, n int) int {
	_, span := tracer.Start(ctx, "branches") // ok
	switch {
	case n < 0:
		span.End()
		return -1
	case n == 0:
		span.End()
		return 0
	}
	span.End()
	return n
}

func panics(ctx context.Context, n int) {
	_, span := tracer.Start(ctx, "panics") // ok
	if n < 0 {
		panic("negative")
	}
	span.End()
}

func exits(ctx context.Context, err error) {
	_, span := tracer.Start(ctx, "exits") // ok
	if err != nil {
		log.Fatalf("failed: %v", err)
	}
	if err == context.Canceled {
		os.Exit(2)
	}
	span.End()
}

func fatals(t *testing.T, err error) {
	_, span := tracer.Start(context.Background(), "fatals") // ok
	if err != nil {
		t.Fatal(err)
	}
	span.End()
}

func returned(ctx context.Context) oteltrace.Span {
	_, span := tracer.Start(ctx, "returned") // ok
	return span
}

func returnedWithContext(ctx context.Context) (context.Context, oteltrace.Span) {
	ctx, span := tracer.Start(ctx, "returned") // ok
	return ctx, span
}

func namedResult(ctx context.Context) (span oteltrace.Span) {
	_, span = tracer.Start(ctx, "named") // ok
	return
}

type holder struct {
	span  oteltrace.Span
	spans map[string]oteltrace.Span
	list  []oteltrace.Span
}

func (h *holder) storedDirectly(ctx context.Context) {
	_, h.span = tracer.Start(ctx, "field") // ok
}

func (h *holder) storedLater(ctx context.Context, key string) {
	_, span := tracer.Start(ctx, "map") // ok
	h.spans[key] = span
}

func (h *holder) appended(ctx context.Context) {
	_, span := tracer.Start(ctx, "slice") // ok
	h.list = append(h.list, span)
}

type result struct{ span oteltrace.Span }

func embeddedInResult(ctx context.Context) result {
	_, span := tracer.Start(ctx, "embedded") // ok
	return result{span: span}
}

func sent(ctx context.Context, ch chan<- oteltrace.Span) {
	_, span := tracer.Start(ctx, "sent") // ok
	ch <- span
}

var owned []oteltrace.Span

// owner keeps the span: it takes over ending it.
func owner(s oteltrace.Span) { owned = append(owned, s) }

func passed(ctx context.Context) {
	_, span := tracer.Start(ctx, "passed") // ok
	owner(span)
}

func toGoroutine(ctx context.Context) {
	_, span := tracer.Start(ctx, "goroutine") // ok
	go func() {
		defer span.End()
		_ = work(ctx)
	}()
}

func capturedByReturnedClosure(ctx context.Context) func() {
	_, span := tracer.Start(ctx, "closure") // ok
	return func() { span.End() }
}

func methodValue(ctx context.Context) func(...oteltrace.SpanEndOption) {
	_, span := tracer.Start(ctx, "method value") // ok
	return span.End
}

func errgroupWorkers(ctx context.Context, items []string) error {
	g, gctx := errgroup.WithContext(ctx)
	for _, it := range items {
		g.Go(func() error {
			ctx, span := tracer.Start(gctx, it) // ok
			defer span.End()
			return work(ctx)
		})
	}
	return g.Wait()
}

func perIterationFunc(ctx context.Context, items []string) {
	for _, it := range items {
		func() {
			_, span := tracer.Start(ctx, it) // ok
			defer span.End()
		}()
	}
}

func endedEachIteration(ctx context.Context, items []string) {
	for _, it := range items {
		_, span := tracer.Start(ctx, it) // ok
		if it == "" {
			span.End()
			continue
		}
		span.End()
	}
}

func infiniteLoop(ctx context.Context, ch chan int) {
	_, span := tracer.Start(ctx, "forever") // ok: the function never returns
	for v := range 10 {
		ch <- v
	}
	for {
		span.AddEvent("tick")
	}
}

func ifInit(ctx context.Context) error {
	if _, span := tracer.Start(ctx, "init"); span.IsRecording() { // ok
		defer span.End()
	} else {
		span.End()
	}
	return nil
}

func varDecl(ctx context.Context) {
	var _, span = tracer.Start(ctx, "var") // ok
	defer span.End()
}

func nilCheck(ctx context.Context, span oteltrace.Span) {
	if span == nil {
		_, span = tracer.Start(ctx, "fallback") // ok: handed to the deferred End below
	}
	defer span.End()
}

// Generic code: the tracer is a type parameter constrained by the interface.
func generic[T oteltrace.Tracer](ctx context.Context, tr T) {
	_, span := tr.Start(ctx, "generic") // ok
	defer span.End()
}

func genericLeak[T oteltrace.Tracer](ctx context.Context, tr T) {
	_, span := tr.Start(ctx, "generic") /* fix */ // want `span "span" is not ended on every path.*\(TL201\)`
	_ = span
}

// Embedded tracers: the promoted Start method is the interface's.
type embeddingTracer struct{ oteltrace.Tracer }

func embedded(ctx context.Context, tr embeddingTracer) {
	_, span := tr.Start(ctx, "embedded") /* fix */ // want `span "span" is not ended on every path.*\(TL201\)`
	span.AddEvent("x")
}

func fromContextOnly(ctx context.Context) {
	span := oteltrace.SpanFromContext(ctx) // ok: SpanFromContext starts nothing
	span.AddEvent("seen")
}
