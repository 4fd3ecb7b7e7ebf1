package piiattrs

import (
	"fmt"
	"go/ast"
	"go/types"

	"github.com/tracelint/tracelint/internal/otelapi"
	"github.com/tracelint/tracelint/internal/pii"
	"github.com/tracelint/tracelint/internal/rules"
)

// finding is what was found where; describe picks the rule for the data's
// category and writes the message.
type finding interface {
	describe(m pii.Match) (*rules.Rule, string)
}

// keyFinding is an attribute whose key says its value is sensitive.
type keyFinding struct{ key string }

func (f keyFinding) describe(m pii.Match) (*rules.Rule, string) {
	switch {
	case m.Category == pii.Credentials:
		return TL401, fmt.Sprintf("attribute %q records %s: secrets must never reach telemetry, which is stored for weeks and read by many; drop the attribute", f.key, m.What())
	case m.Category == pii.Pseudonymous:
		return TL406, fmt.Sprintf("attribute %q records %s, which still points at a person; %s", f.key, m.What(), pii.RedactHint)
	}
	return TL402, fmt.Sprintf("attribute %q records %s: telemetry is stored for weeks and read by many; %s", f.key, m.What(), pii.RedactHint)
}

// valueFinding is a sensitive value under a neutral key, or in a log
// record's body.
type valueFinding struct {
	key      string
	keyConst bool
	inKey    bool // expr is the attribute's key, built at run time
	expr     ast.Expr
	body     bool
}

func (f valueFinding) describe(m pii.Match) (*rules.Rule, string) {
	subject := fmt.Sprintf("the value %s of attribute %q", types.ExprString(f.expr), f.key)
	switch {
	case f.body:
		subject = fmt.Sprintf("the log record's body %s", types.ExprString(f.expr))
	case f.inKey:
		subject = fmt.Sprintf("the attribute key %s", types.ExprString(f.expr))
	case !f.keyConst:
		subject = fmt.Sprintf("the attribute value %s", types.ExprString(f.expr))
	}
	switch {
	case m.Category == pii.Credentials:
		return TL401, fmt.Sprintf("%s is %s: secrets must never reach telemetry; drop it", subject, m.What())
	case m.Category == pii.Pseudonymous:
		return TL406, fmt.Sprintf("%s is %s, which still points at a person; %s", subject, m.What(), pii.RedactHint)
	}
	return TL403, fmt.Sprintf("%s is %s: telemetry is stored for weeks and read by many; %s", subject, m.What(), pii.RedactHint)
}

// nameFinding is sensitive data in a span, event or log event name.
type nameFinding struct {
	callee string
	expr   ast.Expr
}

func (f nameFinding) describe(m pii.Match) (*rules.Rule, string) {
	name := "span name"
	switch f.callee {
	case "AddEvent":
		name = "event name"
	case "SetEventName":
		name = "log event name"
	}
	if m.Category == pii.Pseudonymous {
		return TL406, fmt.Sprintf("the %s includes %s, %s; use a constant name", name, types.ExprString(f.expr), m.What())
	}
	return TL405, fmt.Sprintf("the %s includes %s, %s: names are indexed and shown in every trace view; use a constant name", name, types.ExprString(f.expr), m.What())
}

// statusFinding is sensitive data in a span's status description or a
// recorded error.
type statusFinding struct {
	callee string // SetStatus or RecordError
	expr   ast.Expr
}

func (f statusFinding) describe(m pii.Match) (*rules.Rule, string) {
	where := "the status description"
	if f.callee == otelapi.RecordError {
		where = "the recorded error"
	}
	subject := fmt.Sprintf("%s includes %s", where, types.ExprString(f.expr))
	switch m.Category {
	case pii.Credentials:
		return TL401, fmt.Sprintf("%s, %s: secrets must never reach telemetry; leave it out of the message", subject, m.What())
	case pii.Pseudonymous:
		return TL406, fmt.Sprintf("%s, %s, which still points at a person; leave it out of the message", subject, m.What())
	}
	return TL403, fmt.Sprintf("%s, %s: errors and status descriptions are stored with the span and shown in every trace view; leave the data out of the message", subject, m.What())
}

// propagatedFinding is sensitive data in baggage or tracestate.
type propagatedFinding struct {
	where string // "baggage" or "tracestate"
	key   string
	expr  ast.Expr // the sensitive expression; nil when the key says it
}

func (f propagatedFinding) describe(m pii.Match) (*rules.Rule, string) {
	subject := fmt.Sprintf("%s entry %q", f.where, f.key)
	if f.expr != nil {
		subject = fmt.Sprintf("%s entry %s", f.where, types.ExprString(f.expr))
		if f.key != "" {
			subject = fmt.Sprintf("the value %s of %s entry %q", types.ExprString(f.expr), f.where, f.key)
		}
	}
	if m.Category == pii.Pseudonymous {
		return TL406, fmt.Sprintf("%s carries %s to every downstream service; keep it inside the process", subject, m.What())
	}
	return TL404, fmt.Sprintf("%s carries %s to every downstream service, third parties included, in clear text; keep it inside the process", subject, m.What())
}
