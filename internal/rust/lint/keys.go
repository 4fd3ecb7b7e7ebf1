package lint

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/tracelint/tracelint/internal/contract"
	"github.com/tracelint/tracelint/internal/finding"
	"github.com/tracelint/tracelint/internal/keyrule"
	"github.com/tracelint/tracelint/internal/rust/syntax"
	"github.com/tracelint/tracelint/internal/rust/tracingsyntax"
)

// site is one key and value recorded on a span, an event, an attribute
// list or baggage.
type site struct {
	// what names the site in messages: "field", "attribute", "baggage entry".
	what string
	// key is the key; keyConst is false for a key built at run time.
	key      string
	keyConst bool
	// keyFrom and keyTo span the key's tokens.
	keyFrom, keyTo *syntax.Node
	// value is the value's tokens, after a sigil; sigil is "%", "?" or "".
	value tracingsyntax.Tokens
	sigil string
	// kind is the value's type as the contract spells it ("string",
	// "int", "double", "boolean", "string[]"), or "" when unknown.
	kind string
	// recorded says how the value is recorded, for a type mismatch:
	// "its Display output, a string".
	recorded string
	// propagated is "baggage" or "tracestate" for a site that leaves the
	// process.
	propagated string
	// spelled reports a key written out at the site, which a fix may
	// rewrite: a field's name (not a shorthand, whose name is also its
	// value) or a string literal (not a constant).
	spelled bool
}

// checkKey applies telemetry_key_not_in_contract to a site.
func (f *file) checkKey(s site) {
	l := TelemetryKeyNotInContract
	if !s.keyConst {
		f.report(l, "TL305", s.keyFrom, s.keyTo, "%s key %s is not a constant, so it cannot be checked against the telemetry contract, and a key built from data makes a new key per value; use a constant key and put the variable part in the value", s.what, tracingsyntax.Tokens{s.keyFrom, s.keyTo}.Text(f.src))
		return
	}
	j := &f.judge
	if j.Ignored(s.key) {
		return
	}
	if reason, denied := j.Denied(s.key); denied {
		f.report(l, "TL301", s.keyFrom, s.keyTo, "%s %q is denied by attrkeys.deny%s", s.what, s.key, reason)
		return
	}
	attr, known := j.Lookup(s.key)
	if !known {
		if !j.Allowed(s.key) {
			f.unknownKey(s)
		}
		return
	}
	if attr.Deprecated != nil && j.ReplacementReady(s.key, attr) {
		f.deprecated(s, attr)
	}
	f.checkValue(s, attr)
}

// unknownKey reports a key the contract does not define: always when
// registries are configured, else only inside a namespace of the semantic
// conventions; otherwise the naming convention applies (TL304, on with a
// contract).
func (f *file) unknownKey(s site) {
	l := TelemetryKeyNotInContract
	j := &f.judge
	ns := j.SemconvNamespaceOf(s.key)
	if f.enabled["TL301"] && (j.Registry != nil || ns != "") {
		msg := fmt.Sprintf("%s %q is not in the telemetry contract", s.what, s.key)
		if j.Registry == nil {
			msg = fmt.Sprintf("%s %q is in the namespace %q of the OpenTelemetry semantic conventions but is not one of its keys", s.what, s.key, ns)
		}
		if near, ok := j.Nearest(s.key); ok {
			msg += fmt.Sprintf("; did you mean %q?", near)
		} else if j.Registry != nil {
			msg += "; add it to the registry or use a key that is"
		} else {
			msg += "; use a semantic conventions key or a namespace of your own"
		}
		f.reportPerKey(l, "TL301", s, msg)
		return
	}
	if !keyrule.ValidName(s.key) {
		f.reportPerKey(l, "TL304", s, fmt.Sprintf("%s %q does not follow the naming convention: lowercase, dot-separated namespaces, snake_case words, at least one namespace; write %s", s.what, s.key, keyrule.SuggestName(s.key)))
	}
}

// reportPerKey reports a finding about a key itself once per file, at
// its first site, with the other sites as related places.
func (f *file) reportPerKey(l *Lint, rule string, s site, msg string) {
	id := rule + " " + s.key
	if i, ok := f.perKey[id]; ok {
		first := &f.findings[i]
		first.Related = append(first.Related, finding.Related{
			Pos: f.position(s.keyFrom.Start, s.keyFrom), End: f.position(s.keyTo.End, nil),
			Message: fmt.Sprintf("%q is used here too", s.key)})
		return
	}
	if fd := f.report(l, rule, s.keyFrom, s.keyTo, "%s", msg); fd != nil {
		f.perKey[id] = len(f.findings) - 1
	}
}

// flushPerKey says, in each per-key finding, how many more uses it has.
func (f *file) flushPerKey() {
	for _, i := range f.perKey {
		fd := &f.findings[i]
		n := len(fd.Related)
		if n == 0 {
			continue
		}
		more := "1 more use in this file"
		if n > 1 {
			more = fmt.Sprintf("%d more uses in this file", n)
		}
		// The rule and lint suffix stays last.
		if k := strings.LastIndex(fd.Message, " ("); k >= 0 {
			fd.Message = fd.Message[:k] + " (" + more + ")" + fd.Message[k:]
		}
	}
}

// deprecated reports a deprecated key whose replacement is ready.
func (f *file) deprecated(s site, attr *contract.Attribute) {
	d := attr.Deprecated
	msg := fmt.Sprintf("%s %q is deprecated", s.what, s.key)
	fix := false
	if d.Reason == "renamed" {
		msg += fmt.Sprintf(": renamed to %q", d.RenamedTo)
		switch to, ok := f.judge.Lookup(d.RenamedTo); {
		case !ok:
			msg += ", which the telemetry contract does not define yet"
		case to.Type.Value().String() == attr.Type.Value().String():
			fix = true
		default:
			msg += ", whose type differs; change the value too"
		}
		if d.Note != "" {
			msg += " (" + strings.TrimSuffix(keyrule.FirstLine(d.Note), ".") + ")"
		}
	} else {
		msg += keyrule.DeprecationDetail(d) + "; stop recording it or use its replacement"
	}
	fd := f.report(TelemetryKeyNotInContract, "TL303", s.keyFrom, s.keyTo, "%s", msg)
	if fd != nil && fix && s.spelled {
		f.addFix(fd, fmt.Sprintf("Use the key %q", d.RenamedTo), s.keyFrom.Start, s.keyTo.End, f.spellKey(s, d.RenamedTo))
	}
}

// spellKey writes key as the site wrote its key: a string literal for a
// quoted name or an attribute's key, dotted words for a field name when
// every segment can be one (http.request.method), else a quoted name
// ("k8s.pod.name" stays a word; "1st.try" does not).
func (f *file) spellKey(s site, key string) string {
	if isStringLit(s.keyFrom) {
		return strconv.Quote(key)
	}
	for seg := range strings.SplitSeq(key, ".") {
		if !fieldWordRE.MatchString(seg) || rustKeywords[seg] {
			return strconv.Quote(key)
		}
	}
	return key
}

// fieldWordRE matches a segment tracing accepts unquoted in a field name.
var fieldWordRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// rustKeywords are the words that cannot stand unquoted in a field name.
var rustKeywords = map[string]bool{
	"as": true, "async": true, "await": true, "break": true, "const": true, "continue": true, "crate": true,
	"dyn": true, "else": true, "enum": true, "extern": true, "false": true, "fn": true, "for": true, "if": true,
	"impl": true, "in": true, "let": true, "loop": true, "match": true, "mod": true, "move": true, "mut": true,
	"pub": true, "ref": true, "return": true, "self": true, "Self": true, "static": true, "struct": true,
	"super": true, "trait": true, "true": true, "type": true, "unsafe": true, "use": true, "where": true, "while": true,
}

// checkValue reports a value whose type does not fit the key (TL302) and a
// literal that is not a member of the key's enum (TL306).
func (f *file) checkValue(s site, attr *contract.Attribute) {
	if s.kind == "" {
		return
	}
	t := attr.Type
	if t.Kind != contract.KindAny && s.kind != t.Value().String() {
		rec := s.recorded
		if rec == "" {
			rec = article(s.kind) + " " + s.kind
		}
		from, to := s.keyFrom, s.keyTo
		if len(s.value) > 0 {
			to = s.value[len(s.value)-1]
		}
		f.report(TelemetryKeyNotInContract, "TL302", from, to, "%s %q is %s in the telemetry contract, but the value is %s; record %s", s.what, s.key, t.Value(), rec, recordAs(t.Value().String(), s.sigil))
		return
	}
	if !t.IsEnum() || t.Array || len(s.value) != 1 {
		return
	}
	lit := s.value[0]
	var v string
	switch lit.Kind {
	case "string_literal":
		v = tracingsyntax.StringValue(lit, f.src)
	case "integer_literal":
		v = f.text(lit)
	default:
		return
	}
	var members []string
	for _, m := range t.Members {
		if m.Value == v {
			return
		}
		members = append(members, m.Value)
	}
	near, ok := keyrule.NearMember(v, members)
	if !ok {
		return // far from every member: an extension of the open enum
	}
	list := strings.Join(members, ", ")
	if len(members) > 8 {
		list = strings.Join(members[:8], ", ") + ", ..."
	}
	f.report(TelemetryKeyNotInContract, "TL306", lit, lit, "value %s is not a member of the enum %q (%s); did you mean %q? The enum is open: keep the value only if it is a deliberate extension", strconv.Quote(v), s.key, list, near)
}

// recordAs says how to record a value of contract type t.
func recordAs(t, sigil string) string {
	switch {
	case sigil != "" && t != "string":
		return fmt.Sprintf("the %s itself, without the %s sigil", rustType(t), sigil)
	case t == "string":
		return "a string (`%value` records its Display output)"
	}
	return "a value of Rust type " + rustType(t)
}

// rustType names the Rust types that record contract type t.
func rustType(t string) string {
	switch t {
	case "int":
		return "i64 (or another integer type)"
	case "double":
		return "f64"
	case "boolean":
		return "bool"
	case "string[]":
		return "Vec<String>"
	case "int[]":
		return "Vec<i64>"
	case "double[]":
		return "Vec<f64>"
	case "boolean[]":
		return "Vec<bool>"
	}
	return t
}

// article is "an" before a vowel, else "a".
func article(word string) string {
	if word != "" && strings.ContainsRune("aeiou", rune(word[0])) {
		return "an"
	}
	return "a"
}
