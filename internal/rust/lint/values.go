package lint

import (
	"strings"

	"github.com/tracelint/tracelint/internal/pii"
	"github.com/tracelint/tracelint/internal/rust/syntax"
	"github.com/tracelint/tracelint/internal/rust/tracingsyntax"
)

// tokensOf flattens an expression node into tokens as a macro's token tree
// holds them: leaves, with argument lists and token trees kept whole.
func tokensOf(n *syntax.Node) tracingsyntax.Tokens {
	var ts tracingsyntax.Tokens
	var walk func(*syntax.Node)
	walk = func(n *syntax.Node) {
		if len(n.Children) == 0 || isGroup(n) || isLiteral(n) {
			ts = append(ts, n)
			return
		}
		for _, c := range n.Children {
			walk(c)
		}
	}
	walk(n)
	return ts
}

// isGroup reports a parenthesised group: call arguments or a token tree.
func isGroup(n *syntax.Node) bool {
	return n.Kind == "arguments" || n.Kind == "token_tree"
}

func isLiteral(n *syntax.Node) bool {
	switch n.Kind {
	case "string_literal", "raw_string_literal", "integer_literal", "float_literal", "boolean_literal", "char_literal", "true", "false":
		return true
	}
	return false
}

// step is one link of a chain like a.b.c(x).d(): a name, maybe called.
type step struct {
	name string
	sep  string       // what came before: "", ".", "::"
	args *syntax.Node // the group of a call, or nil
	node *syntax.Node
}

// chain reads tokens as a chain of names and calls; ok is false for
// anything else (operators, closures, blocks).
func (f *file) chain(ts tracingsyntax.Tokens) ([]step, bool) {
	ts = stripRefs(ts)
	var steps []step
	sep := ""
	for i := 0; i < len(ts); i++ {
		t := ts[i]
		switch {
		case t.Kind == "." || t.Kind == "::":
			if len(steps) == 0 && t.Kind == "." || sep != "" {
				return nil, false
			}
			sep = t.Kind
		case isGroup(t):
			if len(steps) == 0 || steps[len(steps)-1].args != nil || sep != "" {
				return nil, false
			}
			steps[len(steps)-1].args = t
		case t.Kind == "!" && i+1 < len(ts) && isGroup(ts[i+1]) && len(steps) > 0:
			steps[len(steps)-1].name += "!"
		case t.Kind == "identifier" || t.Kind == "field_identifier" || t.Kind == "self" || t.Kind == "type_identifier" || t.Kind == "super" || t.Kind == "crate" || t.Kind == "integer_literal":
			// An integer is a tuple field (pair.0) or a receiver
			// (8080.to_string()).
			if len(steps) > 0 && sep == "" {
				return nil, false
			}
			steps = append(steps, step{name: f.text(t), sep: sep, node: t})
			sep = ""
		default:
			return nil, false
		}
	}
	return steps, len(steps) > 0 && sep == ""
}

// stripRefs drops leading &, &mut and *.
func stripRefs(ts tracingsyntax.Tokens) tracingsyntax.Tokens {
	for len(ts) > 0 && (ts[0].Kind == "&" || ts[0].Kind == "*" || ts[0].Kind == "mut" || ts[0].Kind == "mutable_specifier") {
		ts = ts[1:]
	}
	return ts
}

// lookThrough are methods whose result holds the same data as their
// receiver.
var lookThrough = map[string]bool{
	"clone": true, "to_string": true, "as_str": true, "as_ref": true, "to_owned": true, "unwrap": true,
	"as_deref": true, "to_lowercase": true, "to_uppercase": true, "trim": true, "into": true, "borrow": true,
	"deref": true, "as_bytes": true, "unwrap_or_default": true, "display": true, "to_vec": true,
}

// calleePath returns the path of a call's callee ending at steps[i]:
// "privacy::redact" for privacy::redact(x).
func calleePath(steps []step, i int) string {
	start := i
	for start > 0 && steps[start].sep == "::" {
		start--
	}
	var parts []string
	for _, s := range steps[start : i+1] {
		parts = append(parts, s.name)
	}
	return strings.Join(parts, "::")
}

// redactor reports whether a written callee path is a configured
// redactor (piiattrs.redactors, as Rust paths).
func (f *file) redactor(written string) bool {
	full := f.resolve(written)
	for _, r := range f.redactors {
		r = strings.TrimPrefix(r, "::")
		if r == full || strings.HasSuffix(r, "::"+full) || strings.HasSuffix(full, "::"+r) {
			return true
		}
	}
	return false
}

// safeValue reports a value that cannot hold data: a literal, an empty
// field (tracing::field::Empty), or the result of a redactor.
func (f *file) safeValue(ts tracingsyntax.Tokens) bool {
	ts = stripRefs(ts)
	if len(ts) == 0 {
		return true
	}
	if len(ts) == 1 && isLiteral(ts[0]) {
		return true
	}
	if len(ts) == 2 && ts[0].Kind == "-" && isLiteral(ts[1]) {
		return true
	}
	steps, ok := f.chain(ts)
	if !ok {
		return false
	}
	if steps[len(steps)-1].name == "Empty" && steps[len(steps)-1].args == nil {
		return true
	}
	for i, s := range steps {
		if s.args != nil {
			return f.redactor(calleePath(steps, i))
		}
	}
	return false
}

// classifyValue classifies the data a value expression holds by its last
// name: email in customer.email, customer.email(), &customer.email.clone().
// A call with arguments is not judged, unless it is format!, whose
// arguments are.
func (f *file) classifyValue(ts tracingsyntax.Tokens) (pii.Match, string, bool) {
	ts = stripRefs(ts)
	steps, ok := f.chain(ts)
	if !ok {
		return pii.Match{}, "", false
	}
	if len(steps) == 1 && steps[0].name == "format!" && steps[0].args != nil {
		segs := tracingsyntax.Segments(steps[0].args)
		if len(segs) > 0 && len(segs[0]) == 1 && (segs[0][0].Kind == "string_literal" || segs[0][0].Kind == "raw_string_literal") {
			for _, name := range inlineArgs(tracingsyntax.StringValue(segs[0][0], f.src)) {
				if m, ok := f.classifyName("", name); ok {
					return m, name, true
				}
			}
			segs = segs[1:]
		}
		for _, seg := range segs {
			if m, expr, ok := f.classifyValue(seg); ok {
				return m, expr, true
			}
		}
		return pii.Match{}, "", false
	}
	for len(steps) > 1 && lookThrough[steps[len(steps)-1].name] && emptyArgs(steps[len(steps)-1].args) {
		steps = steps[:len(steps)-1]
	}
	last := steps[len(steps)-1]
	if last.args != nil && !emptyArgs(last.args) {
		return pii.Match{}, "", false // a call with arguments: not judged
	}
	for _, s := range steps[:len(steps)-1] {
		if s.args != nil && !emptyArgs(s.args) && f.redactor(s.name) {
			return pii.Match{}, "", false
		}
	}
	owner := ""
	if len(steps) > 1 {
		owner = steps[len(steps)-2].name
		if owner == "self" {
			owner = ""
		}
	}
	m, ok := f.classifyName(owner, last.name)
	return m, ts.Text(f.src), ok
}

// emptyArgs reports an empty group: ().
func emptyArgs(n *syntax.Node) bool {
	if n == nil {
		return true
	}
	return len(n.NamedChildren()) == 0 && len(n.Children) <= 2
}

// valueKind returns the contract type of a recorded value ("string",
// "int", ...) and how it is recorded, or "" when it cannot be told.
func (f *file) valueKind(ts tracingsyntax.Tokens, sigil string, at *syntax.Node) (kind, recorded string) {
	switch sigil {
	case "%":
		return "string", "its Display output (`%`), a string"
	case "?":
		return "string", "its Debug output (`?`), a string"
	}
	ts = stripRefs(ts)
	if len(ts) == 0 {
		return "", ""
	}
	if len(ts) >= 3 && ts[len(ts)-2].Kind == "as" {
		return rustKind(f.text(ts[len(ts)-1])), ""
	}
	if ts[0].Kind == "-" { // -x has the type of x
		ts = ts[1:]
	}
	if len(ts) == 1 {
		switch ts[0].Kind {
		case "string_literal", "raw_string_literal":
			return "string", ""
		case "integer_literal":
			return "int", ""
		case "float_literal":
			return "double", ""
		case "boolean_literal", "true", "false":
			return "boolean", ""
		case "identifier":
			return f.typeOf(f.text(ts[0]), at), ""
		}
		return "", ""
	}
	steps, ok := f.chain(ts)
	if !ok {
		return "", ""
	}
	last := steps[len(steps)-1]
	switch last.name {
	case "format!", "to_string":
		return "string", ""
	case "display", "debug":
		return "string", "its " + last.name + " output, a string"
	case "len", "count":
		if emptyArgs(last.args) && len(steps) > 1 {
			return "int", ""
		}
	}
	return "", ""
}

// typeOf returns the contract type of a local variable or parameter called
// name, seen at n: from its declared type, or the literal it was bound to.
func (f *file) typeOf(name string, at *syntax.Node) string {
	fn := at.Ancestor("function_item", "closure_expression")
	if fn == nil {
		return ""
	}
	for _, p := range fn.ChildByField("parameters").NamedChildren() {
		if p.Kind == "parameter" && f.text(p.ChildByField("pattern")) == name {
			return rustKind(f.text(p.ChildByField("type")))
		}
	}
	var decl *syntax.Node
	for n := range fn.Preorder() {
		if n.Start >= at.Start {
			break
		}
		if n.Kind == "let_declaration" && f.text(n.ChildByField("pattern")) == name {
			decl = n
		}
	}
	if decl == nil {
		return ""
	}
	if t := decl.ChildByField("type"); t != nil {
		return rustKind(f.text(t))
	}
	if v := decl.ChildByField("value"); v != nil && isLiteral(v) {
		k, _ := f.valueKind(tracingsyntax.Tokens{v}, "", v)
		return k
	}
	return ""
}

// rustKind maps a Rust type to the contract type that records it.
func rustKind(t string) string {
	t = strings.TrimSpace(t)
	for {
		switch {
		case strings.HasPrefix(t, "&"):
			t = strings.TrimSpace(t[1:])
		case strings.HasPrefix(t, "'"):
			i := strings.IndexByte(t, ' ')
			if i < 0 {
				return ""
			}
			t = strings.TrimSpace(t[i:])
		case strings.HasPrefix(t, "mut "):
			t = strings.TrimSpace(t[4:])
		default:
			goto done
		}
	}
done:
	switch t {
	case "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize":
		return "int"
	case "f32", "f64":
		return "double"
	case "bool":
		return "boolean"
	case "str", "String", "Cow<str>", "Cow<'_, str>", "Cow<'static, str>", "Arc<str>", "Box<str>", "Rc<str>":
		return "string"
	}
	for _, wrap := range []string{"Vec<", "["} {
		if strings.HasPrefix(t, wrap) {
			inner := strings.TrimSuffix(strings.TrimSuffix(t[len(wrap):], ">"), "]")
			if k := rustKind(inner); k != "" && !strings.HasSuffix(k, "[]") {
				return k + "[]"
			}
		}
	}
	return ""
}
