// Package tracer is a test stand-in for gopkg.in/DataDog/dd-trace-go.v1/ddtrace/tracer.
package tracer

import (
	"context"

	"gopkg.in/DataDog/dd-trace-go.v1/ddtrace"
)

type span struct{}

func (span) SetTag(key string, value interface{}) {}
func (span) Finish(opts ...ddtrace.FinishOption)  {}

// StartSpan starts a span.
func StartSpan(operationName string, opts ...ddtrace.StartSpanOption) ddtrace.Span { return span{} }

// StartSpanFromContext starts a span that is a child of the span in ctx.
func StartSpanFromContext(ctx context.Context, operationName string, opts ...ddtrace.StartSpanOption) (ddtrace.Span, context.Context) {
	return span{}, ctx
}

// SpanFromContext returns the span in ctx.
func SpanFromContext(ctx context.Context) (ddtrace.Span, bool) { return span{}, true }

// WithError marks the finished span as failed.
func WithError(err error) ddtrace.FinishOption {
	return func(cfg *ddtrace.FinishConfig) { cfg.Error = err }
}
