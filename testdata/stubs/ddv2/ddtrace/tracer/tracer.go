// Package tracer is a test stand-in for github.com/DataDog/dd-trace-go/v2/ddtrace/tracer.
package tracer

import "context"

// Span is a Datadog span.
type Span struct{}

// StartSpanOption configures a span start.
type StartSpanOption func()

// FinishOption configures Finish.
type FinishOption func()

// StartSpan starts a span.
func StartSpan(operationName string, opts ...StartSpanOption) *Span { return &Span{} }

// StartSpanFromContext starts a span that is a child of the span in ctx.
func StartSpanFromContext(ctx context.Context, operationName string, opts ...StartSpanOption) (*Span, context.Context) {
	return &Span{}, ctx
}

// SpanFromContext returns the span in ctx.
func SpanFromContext(ctx context.Context) (*Span, bool) { return &Span{}, true }

// StartChild starts a child span.
func (s *Span) StartChild(operationName string, opts ...StartSpanOption) *Span { return &Span{} }

// SetTag sets a tag.
func (s *Span) SetTag(key string, value any) {}

// Finish ends the span.
func (s *Span) Finish(opts ...FinishOption) {}

// WithError marks the finished span as failed.
func WithError(err error) FinishOption { return func() {} }

// SpanContext is what a span hands to its children.
type SpanContext struct{}

// Context returns the span's span context.
func (s *Span) Context() *SpanContext { return &SpanContext{} }

// ChildOf makes the new span a child of parent.
func ChildOf(parent *SpanContext) StartSpanOption { return func() {} }
