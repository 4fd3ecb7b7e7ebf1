package helpers

import (
	"context"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

// keepAll stores every span it is given after the label.
func keepAll(label string, spans ...trace.Span) { kept = append(kept, spans...) }

// tagAll only annotates the span with each tag.
func tagAll(span trace.Span, tags ...string) {
	for _, t := range tags {
		span.SetAttributes(attribute.String("tag", t))
	}
}

// tagLast only annotates the span, its last parameter.
func tagLast(label string, span trace.Span) { span.SetAttributes(attribute.String("label", label)) }

func variadics(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "op") // ok: keepAll stores it
	keepAll("a", nil, span)
	return work(ctx)
}

func tagged(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "op") /* fix */ // want `span "span" is not ended on every path: it leaks at the return on line 33.*TL201`
	tagAll(span, "a", "b")
	tagLast("c", span)
	return work(ctx)
}

// ignoreSpan computes something of its own and ignores the span.
func ignoreSpan(_ trace.Span) { _ = len(kept) }

// safeRecord checks the span before recording into it.
func safeRecord(span trace.Span, err error) {
	if span == nil || err == nil {
		return
	}
	if span != nil {
		span.RecordError(err)
	}
}

// request carries a span of its own.
type request struct{ span trace.Span }

// annotateBoth annotates the request's span and the one it is given: a
// field called span is not the parameter.
func annotateBoth(span trace.Span, r *request) {
	r.span.AddEvent("request")
	span.AddEvent("operation")
}

func notTakenOver(ctx context.Context, r *request) error {
	ctx, span := tracer.Start(ctx, "op") /* fix */ // want `span "span" is not ended on every path: it leaks at the return on line 65.*TL201`
	ignoreSpan(span)
	err := work(ctx)
	safeRecord(span, err)
	annotateBoth(span, r)
	return err
}

var later []func(...trace.SpanEndOption)

// endLater keeps the span's End method for later.
func endLater(span trace.Span) {
	end := span.End
	later = append(later, end)
}

type queue struct{ spans []trace.Span }

func (q *queue) push(span trace.Span) { q.spans = append(q.spans, span) }

// enqueue hands the span to the queue.
func enqueue(span trace.Span, q *queue) { q.push(span) }

// nest passes the span down n levels: followed no deeper than three calls.
func nest(span trace.Span, n int) {
	if n > 0 {
		nest(span, n-1)
	}
}

func handedOn(ctx context.Context, q *queue) {
	_, s1 := tracer.Start(ctx, "a") // ok: endLater keeps its End
	endLater(s1)
	_, s2 := tracer.Start(ctx, "b") // ok: the queue takes it
	enqueue(s2, q)
	_, s3 := tracer.Start(ctx, "c") // ok: too deep to follow, so taken over
	nest(s3, 5)
}

func compared(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "op") // want `span "span" is not ended on every path: it leaks at the return on line 102.*TL201`
	if span == nil || span != trace.SpanFromContext(ctx) {
		return work(ctx)
	}
	span.End()
	return nil
}

// ignoreAll ignores the spans: variadic parameters are not read, and count
// as taken over.
func ignoreAll(label string, spans ...trace.Span) {}

var hooks []func(string, ...trace.EventOption)

// hook keeps the span's AddEvent method: the span is kept alive elsewhere.
func hook(span trace.Span) { hooks = append(hooks, span.AddEvent) }

func keptElsewhere(ctx context.Context) {
	_, s1 := tracer.Start(ctx, "a") // ok: a variadic parameter takes it over
	ignoreAll("a", s1)
	_, s2 := tracer.Start(ctx, "b") // ok: hook keeps a method value
	hook(s2)
}
