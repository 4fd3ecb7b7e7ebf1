// Package datadog covers dd-trace-go code that threads a span context
// instead of a context.Context.
package datadog

import (
	"context"

	"github.com/DataDog/dd-trace-go/v2/ddtrace/tracer"
	"gopkg.in/DataDog/dd-trace-go.v1/ddtrace"
)

func query(ctx context.Context, q string) error { return nil }

func process(parent *tracer.SpanContext, q string) error {
	span := tracer.StartSpan("process", tracer.ChildOf(parent))
	defer span.Finish()
	return query(context.Background(), q) // want `context.Background\(\) drops the caller's context although "parent" is in scope: the span tree survives through parent, but deadlines, cancellation and context-based instrumentation do not; take a context.Context instead \(tracer.ContextWithSpan puts the span into it\) \(TL101\)`
}

func processV1(sc ddtrace.SpanContext, q string) error {
	return query(context.TODO(), q) // want `context.TODO\(\) drops the caller's context although "sc" is in scope.*\(TL101\)`
}

// With a context in scope the ordinary message applies.
func withContext(ctx context.Context, parent *tracer.SpanContext, q string) error {
	return query(context.Background(), q) /* fix */ // want `starts a new trace although "ctx" is in scope.*\(TL101\)`
}

// No span and no context: nothing to say.
func plain(q string) error {
	return query(context.Background(), q) // ok
}

// A root marked deliberate beside a span is not reported either.
func audit(parent *tracer.SpanContext, q string) error {
	return query(context.Background(), q) // ok: detached on purpose, the audit must outlive the caller
}

// A span that is a result is not the caller's.
func started(q string) (span *tracer.Span) {
	span = tracer.StartSpan("started")
	_ = query(context.Background(), q) // ok
	return span
}

// A span threaded by hand counts as a span context does.
func child(span *tracer.Span, q string) error {
	defer span.StartChild("child").Finish()
	return query(context.Background(), q) // want `context.Background\(\) drops the caller's context although "span" is in scope.*\(TL101\)`
}
