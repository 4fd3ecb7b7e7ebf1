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
		if p.Kind != "parameter" || redactingType(f.text(p.ChildByField("type"))) {
			continue
		}
		for _, id := range boundNames(p.ChildByField("pattern")) {
			name := strings.TrimPrefix(f.text(id), "r#")
			if in.Skip[name] || shadowed(in.Fields, name) {
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
			f.report(InstrumentSensitiveArgs, rule, id, id, "#[instrument] records the argument %s, %s, on the span with its Debug output; add it to skip(..), or use skip_all and record what is safe with fields(..)", name, m.What())
		}
	}
}

// boundNames returns the names a parameter's pattern binds, which
// #[instrument] records one by one: x, ref mut x, x @ _, &x, (a, b),
// Wrapper(a), Login { password, user: name, .. }. Like tracing, it finds
// none in other patterns (slices, _).
func boundNames(pat *syntax.Node) []*syntax.Node {
	if pat == nil {
		return nil
	}
	switch pat.Kind {
	case "identifier", "shorthand_field_identifier":
		return []*syntax.Node{pat}
	case "captured_pattern":
		// email @ Some(_): only the name before @ is recorded.
		return boundNames(pat.NamedChildren()[0])
	case "field_pattern":
		if p := pat.ChildByField("pattern"); p != nil {
			return boundNames(p) // user: name
		}
		return boundNames(pat.ChildByField("name")) // shorthand: password
	case "mut_pattern", "ref_pattern", "reference_pattern", "tuple_pattern", "tuple_struct_pattern", "struct_pattern":
		var names []*syntax.Node
		for _, c := range pat.NamedChildren() {
			if c.Field != "type" { // not Wrapper in Wrapper(a)
				names = append(names, boundNames(c)...)
			}
		}
		return names
	}
	return nil
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
