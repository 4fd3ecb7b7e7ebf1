package attrutil

import (
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

// TraceError records err on span and marks it failed.
func TraceError(span trace.Span, err error) {
	span.RecordError(err)
	span.SetStatus(codes.Error, err.Error())
}

// Fail marks span failed with msg.
func Fail(span trace.Span, msg string) { span.SetStatus(codes.Error, msg) }

// Ignore records nothing of err.
func Ignore(span trace.Span, err error) { span.AddEvent("ignored") }
