package sinks

import (
	"context"
	"errors"
	"fmt"

	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"

	"example.com/tracelinttest/attrutil"
)

// A status description and a recorded error are stored with the span.
func statuses(ctx context.Context, user *User, password string) {
	_, span := tracer.Start(ctx, "lookup")
	defer span.End()

	span.SetStatus(codes.Error, "no account for "+user.Email)     // want `the status description includes user.Email, personal data \(contact: email\): errors and status descriptions are stored with the span.*\(TL403\)`
	span.RecordError(fmt.Errorf("user %s not found", user.Email)) // want `the recorded error includes user.Email.*\(TL403\)`

	err := errors.New("login failed for " + user.Email)
	span.RecordError(err) // want `the recorded error includes user.Email.*\(TL403\)`

	span.RecordError(fmt.Errorf("bad password %q", password)) // want `the recorded error includes password, a credential.*\(TL401\)`

	span.SetStatus(codes.Error, "user not found")                // ok: no personal data
	span.RecordError(fmt.Errorf("plan %s not found", user.Plan)) // ok: a plan is not personal data
	other := errors.New("timeout")
	span.RecordError(other) // ok
}

// The team's own wrappers around RecordError and SetStatus are sinks too.
func wrapped(ctx context.Context, user *User) {
	_, span := tracer.Start(ctx, "lookup")
	defer span.End()

	attrutil.TraceError(span, fmt.Errorf("user %s not found", user.Email))                 // want `the recorded error includes user.Email, personal data \(contact: email\).*\(TL403\)`
	attrutil.Fail(span, "no account for "+user.Email)                                      // want `the status description includes user.Email.*\(TL403\)`
	attrutil.Ignore(span, fmt.Errorf("user %s not found", user.Email))                     // ok: the wrapper records nothing of it
	attrutil.TraceError(span, errors.New("timeout"))                                       // ok
	attrutil.MarkFailed(span, fmt.Errorf("user %s not found", user.Email))                 // want `the status description includes user.Email.*\(TL403\)`
	attrutil.Classify(span, fmt.Errorf("user %s not found", user.Email))                   // ok: the wrapper records the error's class only
	attrutil.Unavailable(span, fmt.Errorf("user %s not found", user.Email))                // ok: the wrapper records a text of its own
	attrutil.FailFor(span, attrutil.Address(user.Email))                                   // ok: the wrapper records the address masked
	attrutil.FailIn(span, attrutil.Phrase(user.Email), "en")                               // ok: Error(lang) is the phrase's translation, not the phrase
	attrutil.FailWith(span, fmt.Errorf("user %s not found", user.Email))                   // want `the recorded error includes user.Email.*\(TL403\)`
	attrutil.Report(span, fmt.Errorf("user %s not found", user.Email), "lookup failed")    // want `the recorded error includes user.Email.*\(TL403\)`
	attrutil.LogOnly(span, fmt.Errorf("user %s not found", user.Email))                    // ok: the log is not the span
	attrutil.Done(span, fmt.Errorf("user %s not found", user.Email))                       // ok: Progress.SetStatus is not a span's
	attrutil.TraceError(spanAndError(ctx, user))                                           // ok: not followed into a call that returns both
	attrutil.Note(fmt.Errorf("user %s not found", user.Email))                             // ok: the journal is not a span
	if ok, err := attrutil.Check(span, fmt.Errorf("user %s not found", user.Email)); !ok { // want `the recorded error includes user.Email.*\(TL403\)`
		_ = err
	}
	attrutil.Fatal(span, fmt.Errorf("user %s not found", user.Email)) // want `the recorded error includes user.Email.*\(TL403\)`
}

var errNoAccount = errors.New("no account")

// An error variable assigned on several paths carries the text of each.
func branches(ctx context.Context, user *User, retry bool) {
	_, span := tracer.Start(ctx, "lookup")
	defer span.End()

	err := errNoAccount
	if retry {
		err = fmt.Errorf("retry for %s", user.Email)
	}
	span.RecordError(err) // want `the recorded error includes user.Email.*\(TL403\)`

	cause := errNoAccount
	if retry {
		cause = errors.Join(cause, context.Canceled)
	}
	span.RecordError(cause) // ok
}

func spanAndError(ctx context.Context, user *User) (trace.Span, error) {
	return trace.SpanFromContext(ctx), fmt.Errorf("user %s not found", user.Email)
}
