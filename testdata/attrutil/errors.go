package attrutil

import (
	"errors"

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

// MarkFailed marks span failed with err's text.
func MarkFailed(span trace.Span, err error) { span.SetStatus(codes.Error, (err).Error()) }

// Classify marks span failed with err's class, not its text.
func Classify(span trace.Span, err error) { span.SetStatus(codes.Error, class(err).Error()) }

var errUpstream = errors.New("upstream failure")

func class(error) error { return errUpstream }
