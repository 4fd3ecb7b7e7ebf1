// Package ddtrace is a test stand-in for gopkg.in/DataDog/dd-trace-go.v1/ddtrace.
package ddtrace

// Span is a Datadog span.
type Span interface {
	SetTag(key string, value interface{})
	Finish(opts ...FinishOption)
}

// FinishConfig holds finish options.
type FinishConfig struct{ Error error }

// FinishOption configures Finish.
type FinishOption func(cfg *FinishConfig)

// StartSpanOption configures a span start.
type StartSpanOption func()

// SpanContext is what a span hands to its children.
type SpanContext interface {
	SpanID() uint64
	TraceID() uint64
}
