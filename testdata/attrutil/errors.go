package attrutil

import (
	"errors"

	"go.opentelemetry.io/otel/attribute"
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

// Unavailable marks span failed with a fixed text; err is not recorded.
func Unavailable(span trace.Span, err error) { span.SetStatus(codes.Error, unavailable()) }

func unavailable() string { return "service unavailable" }

// Address is an e-mail address that prints itself masked.
type Address string

// Masked returns the address with its local part hidden.
func (Address) Masked() string { return "***" }

// FailFor marks span failed with addr masked.
func FailFor(span trace.Span, addr Address) { span.SetStatus(codes.Error, addr.Masked()) }

// Phrase is a message translated on demand.
type Phrase string

// Error returns the phrase's translation into lang, which never holds the
// phrase's own text.
func (Phrase) Error(lang string) string { return "request failed (" + lang + ")" }

// FailIn marks span failed with p translated into lang.
func FailIn(span trace.Span, p Phrase, lang string) { span.SetStatus(codes.Error, p.Error(lang)) }

// Check records err on span and returns whether the caller may go on.
func Check(span trace.Span, err error) (bool, error) {
	if err != nil {
		span.RecordError(err)
		return false, err
	}
	return true, nil
}

// Cause is an error the caller could not recover from.
type Cause interface{ error }

// Fatal records c on span.
func Fatal(span trace.Span, c Cause) { span.RecordError(c) }

// Journal is an audit log, not telemetry: what it records stays in the
// process's own storage.
type Journal struct{ entries []string }

// RecordError appends err to the journal.
func (j *Journal) RecordError(err error) { j.entries = append(j.entries, err.Error()) }

// Audit is the process's journal.
var Audit = &Journal{}

// Note records err in the audit journal, not on a span.
func Note(err error) { Audit.RecordError(err) }

// Progress reports a job's progress; its SetStatus takes a number.
type Progress struct{ code int }

// SetStatus sets the progress code.
func (p *Progress) SetStatus(code int) { p.code = code }

// Done marks the job done; it records nothing on the span.
func Done(span trace.Span, err error) {
	var p Progress
	p.SetStatus(0)
}

// FailWith records err on span with extra attributes.
func FailWith(span trace.Span, err error, attrs ...attribute.KeyValue) {
	span.RecordError(err, trace.WithAttributes(attrs...))
}

// Report records cause on span and sets a fixed summary as its status.
func Report(span trace.Span, cause error, summary string) {
	span.RecordError(cause)
	span.SetStatus(codes.Error, summary)
}

// Logger prints errors to the process's log.
type Logger struct{}

// Print writes err to the log.
func (Logger) Print(err error) {}

// LogOnly writes err to the process's log, not to the span.
func LogOnly(span trace.Span, err error) {
	var l Logger
	l.Print(err)
}
