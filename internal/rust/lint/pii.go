package lint

import (
	"fmt"
	"strings"

	"github.com/tracelint/tracelint/internal/keyrule"
	"github.com/tracelint/tracelint/internal/pii"
	"github.com/tracelint/tracelint/internal/rust/syntax"
	"github.com/tracelint/tracelint/internal/rust/tracingsyntax"
)

// checkPII applies pii_in_telemetry to a site: a key that says its value is
// sensitive, or a sensitive value under a neutral key.
func (f *file) checkPII(s site) {
	if s.keyConst && f.piiAllowed(s.key) {
		return
	}
	if f.safeValue(s.value) {
		return
	}
	if s.keyConst {
		if m, ok := f.classifyKey(s.key); ok {
			if m.Category == pii.NetworkIdentity && pii.IsMachineKey(s.key) {
				return
			}
			f.reportPII(PIIInTelemetry, m, s.keyFrom, lastOr(s.value, s.keyTo), s, "")
			return
		}
	}
	if m, expr, ok := f.classifyValue(s.value); ok {
		if m.Category == pii.NetworkIdentity && s.keyConst && pii.IsMachineKey(s.key) {
			return
		}
		f.reportPII(PIIInTelemetry, m, s.value[0], s.value[len(s.value)-1], s, expr)
	}
}

// reportPII reports a match under the rule its category and the site call
// for; expr is the sensitive expression, "" when the key says it.
func (f *file) reportPII(l *Lint, m pii.Match, from, to *syntax.Node, s site, expr string) {
	subject := fmt.Sprintf("%s %q", s.what, s.key)
	if expr != "" {
		subject = fmt.Sprintf("the value %s of %s %q", expr, s.what, s.key)
	}
	switch {
	case s.propagated != "" && m.Category == pii.Pseudonymous:
		f.report(l, "TL406", from, to, "%s carries %s to every downstream service; keep it inside the process", subject, m.What())
	case s.propagated != "":
		f.report(l, "TL404", from, to, "%s carries %s to every downstream service, third parties included, in clear text; keep it inside the process", subject, m.What())
	case m.Category == pii.Credentials:
		f.report(l, "TL401", from, to, "%s records %s: secrets must never reach telemetry, which is stored for weeks and read by many; drop it", subject, m.What())
	case m.Category == pii.Pseudonymous:
		f.report(l, "TL406", from, to, "%s records %s, which still points at a person; %s", subject, m.What(), pii.RedactHint)
	case expr == "":
		f.report(l, "TL402", from, to, "%s records %s: telemetry is stored for weeks and read by many; %s", subject, m.What(), pii.RedactHint)
	default:
		f.report(l, "TL403", from, to, "%s is %s: telemetry is stored for weeks and read by many; %s", subject, m.What(), pii.RedactHint)
	}
}

// checkMessage applies pii_in_telemetry to an event's message: the names
// inlined in its format string ("{email}") and its format arguments.
func (f *file) checkMessage(msg *syntax.Node, args []tracingsyntax.Tokens) {
	if msg != nil {
		for _, name := range inlineArgs(tracingsyntax.StringValue(msg, f.src)) {
			if m, ok := f.classifyName("", name); ok {
				f.reportName(m, msg, msg, name)
			}
		}
	}
	for _, arg := range args {
		if len(arg) >= 2 && arg[1].Kind == "=" { // name = value
			arg = arg[2:]
		}
		if f.safeValue(arg) {
			continue
		}
		if m, expr, ok := f.classifyValue(arg); ok {
			f.reportName(m, arg[0], arg[len(arg)-1], expr)
		}
	}
}

// reportName reports sensitive data in an event's message.
func (f *file) reportName(m pii.Match, from, to *syntax.Node, expr string) {
	switch m.Category {
	case pii.Credentials:
		f.report(PIIInTelemetry, "TL401", from, to, "the event message includes %s, %s: secrets must never reach telemetry; leave it out of the message", expr, m.What())
	case pii.Pseudonymous:
		f.report(PIIInTelemetry, "TL406", from, to, "the event message includes %s, %s, which still points at a person; record it as a field through a redactor, or leave it out", expr, m.What())
	default:
		f.report(PIIInTelemetry, "TL405", from, to, "the event message includes %s, %s: messages are indexed and shown in every trace view; leave it out of the message", expr, m.What())
	}
}

// inlineArgs returns the names a format string captures: "{email}",
// "{user_email:?}".
func inlineArgs(format string) []string {
	var names []string
	for i := 0; i < len(format); i++ {
		if format[i] != '{' {
			continue
		}
		if i+1 < len(format) && format[i+1] == '{' {
			i++
			continue
		}
		end := strings.IndexByte(format[i:], '}')
		if end < 0 {
			break
		}
		name, _, _ := strings.Cut(format[i+1:i+end], ":")
		if name != "" && (name[0] == '_' || name[0] >= 'a' && name[0] <= 'z' || name[0] >= 'A' && name[0] <= 'Z') {
			names = append(names, name)
		}
		i += end
	}
	return names
}

// classifyKey classifies a constant key: the registry's privacy annotation
// first, then the matcher.
func (f *file) classifyKey(key string) (pii.Match, bool) {
	return pii.ClassifyKey(f.matcher, f.off, f.judge.Registry, key)
}

// classifyName classifies the name of a variable, field or method.
func (f *file) classifyName(owner, name string) (pii.Match, bool) {
	m, ok := f.matcher.Name(owner, strings.TrimPrefix(name, "r#"))
	return m, ok && !f.off[m.Category]
}

// piiAllowed reports a key of piiattrs.allow.
func (f *file) piiAllowed(key string) bool {
	return keyrule.MatchesAny(f.cfg.Piiattrs.Allow, key)
}

func lastOr(ts tracingsyntax.Tokens, n *syntax.Node) *syntax.Node {
	if len(ts) > 0 {
		return ts[len(ts)-1]
	}
	return n
}
