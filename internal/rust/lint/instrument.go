package lint

import (
	"strings"

	"github.com/tracelint/tracelint/internal/pii"
	"github.com/tracelint/tracelint/internal/rust/syntax"
	"github.com/tracelint/tracelint/internal/rust/tracingsyntax"
)

// instrumentArgs applies instrument_sensitive_args: #[instrument] records
// every argument it does not skip with its Debug output.
func (f *file) instrumentArgs(attr, fn *syntax.Node, in tracingsyntax.Instrument) {
	if in.SkipAll {
		return
	}
	for _, p := range fn.ChildByField("parameters").NamedChildren() {
		if p.Kind != "parameter" {
			continue
		}
		pat := p.ChildByField("pattern")
		if pat == nil {
			continue
		}
		name := strings.TrimPrefix(strings.TrimSpace(strings.TrimPrefix(f.text(pat), "mut ")), "r#")
		if pat.Kind == "mut_pattern" {
			name = strings.TrimPrefix(f.text(lastNamed(pat)), "r#")
		}
		if !isIdent(name) || in.Skip[name] || shadowed(in.Fields, name) || redactingType(f.text(p.ChildByField("type"))) {
			continue
		}
		m, ok := f.classifyName("", name)
		if !ok {
			continue
		}
		rule := "TL403"
		switch m.Category {
		case pii.Credentials:
			rule = "TL401"
		case pii.Pseudonymous:
			rule = "TL406"
		}
		f.report(InstrumentSensitiveArgs, rule, pat, pat, "#[instrument] records the argument %s, %s, on the span with its Debug output; add it to skip(..), or use skip_all and record what is safe with fields(..)", name, what(m))
	}
}

// shadowed reports an argument that a field of the same name replaces.
func shadowed(fields []tracingsyntax.Field, name string) bool {
	for _, fd := range fields {
		if fd.Name == name {
			return true
		}
	}
	return false
}

// redactingType reports a type whose Debug output hides its value:
// secrecy's Secret and SecretString, and types named Redacted or Masked.
func redactingType(t string) bool {
	for _, w := range []string{"Secret", "Redacted", "Masked", "Sensitive"} {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// instrumentResult applies instrument_unrecorded_error: #[instrument] on a
// function that returns Result, without err.
func (f *file) instrumentResult(attr, fn *syntax.Node, in tracingsyntax.Instrument) {
	if in.Err || in.Ret {
		return
	}
	rt := fn.ChildByField("return_type")
	if rt == nil || !isResult(f.text(rt)) {
		return
	}
	f.report(InstrumentUnrecordedError, "TL204", attr, attr, "#[instrument] on %s, which returns Result, without err: an Err leaves the span looking successful; add err (#[instrument(err)]) to record it and mark the span as failed", f.text(fn.ChildByField("name")))
}

// isResult reports a Result type: Result<..>, io::Result<..>, anyhow::Result<..>.
func isResult(t string) bool {
	base, _, _ := strings.Cut(t, "<")
	base = strings.TrimSpace(base)
	return base == "Result" || strings.HasSuffix(base, "::Result")
}

func isIdent(s string) bool {
	if s == "" || s == "_" || s == "self" {
		return false
	}
	for i, r := range s {
		if r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9' {
			continue
		}
		return false
	}
	return true
}

func lastNamed(n *syntax.Node) *syntax.Node {
	named := n.NamedChildren()
	if len(named) == 0 {
		return nil
	}
	return named[len(named)-1]
}
