// Package tracingsyntax reads the arguments of the tracing crate's macros
// and of #[instrument], which the Rust grammar leaves as token trees: the
// field syntax (`name = value`, dotted and string-literal names, the `%`
// and `?` sigils, shorthand `x`), the directives (`parent:`, `target:`,
// `name:`), levels, span names, messages and format arguments.
package tracingsyntax

import (
	"strings"

	"github.com/tracelint/tracelint/internal/rust/syntax"
)

// Tokens is a run of tokens of a token tree; a nested token tree is one
// token.
type Tokens []*syntax.Node

// Text returns the source the tokens span.
func (ts Tokens) Text(src []byte) string {
	if len(ts) == 0 {
		return ""
	}
	return string(src[ts[0].Start:ts[len(ts)-1].End])
}

// Segments splits the inside of a token tree at its top-level commas.
// An empty trailing segment (a trailing comma) is dropped.
func Segments(tt *syntax.Node) []Tokens {
	if tt == nil || len(tt.Children) < 2 {
		return nil
	}
	inner := tt.Children[1 : len(tt.Children)-1]
	var segs []Tokens
	var cur Tokens
	for _, t := range inner {
		if t.Kind == "," {
			segs = append(segs, cur)
			cur = nil
			continue
		}
		if t.Kind == "line_comment" || t.Kind == "block_comment" {
			continue
		}
		cur = append(cur, t)
	}
	if len(cur) > 0 {
		segs = append(segs, cur)
	}
	return segs
}

// Field is one field of a span, an event or #[instrument(fields(..))].
type Field struct {
	// Name is the field's name: "user.email" for `user.email = x` or
	// `"user.email" = x`, "x" for shorthand `%x`.
	Name string
	// NameTokens are the tokens that spell the name.
	NameTokens Tokens
	// Sigil is "%" (Display), "?" (Debug) or "".
	Sigil string
	// Value is the value's tokens, after the sigil; for shorthand, the
	// name's.
	Value Tokens
	// Shorthand reports a field without `=`.
	Shorthand bool
	// Quoted reports a name written as a string literal.
	Quoted bool
}

// ParseField reads one segment as a field.
func ParseField(seg Tokens, src []byte) (Field, bool) {
	eq := -1
	for i, t := range seg {
		if t.Kind == "=" {
			eq = i
			break
		}
	}
	if eq < 0 {
		var f Field
		rest := seg
		if len(rest) > 0 && (rest[0].Kind == "%" || rest[0].Kind == "?") {
			f.Sigil, rest = rest[0].Kind, rest[1:]
		}
		name, ok := dottedName(rest, src)
		if !ok {
			return Field{}, false
		}
		f.Name, f.NameTokens, f.Value, f.Shorthand = name, rest, rest, true
		return f, true
	}
	f := Field{NameTokens: seg[:eq]}
	switch {
	case len(f.NameTokens) == 1 && f.NameTokens[0].Kind == "string_literal":
		f.Name, f.Quoted = StringValue(f.NameTokens[0], src), true
	default:
		name, ok := dottedName(f.NameTokens, src)
		if !ok {
			return Field{}, false
		}
		f.Name = name
	}
	value := seg[eq+1:]
	if len(value) > 0 && (value[0].Kind == "%" || value[0].Kind == "?") {
		f.Sigil, value = value[0].Kind, value[1:]
	}
	if len(value) == 0 {
		return Field{}, false
	}
	f.Value = value
	return f, true
}

// dottedName reads `a.b.c` (words separated by dots).
func dottedName(ts Tokens, src []byte) (string, bool) {
	if len(ts) == 0 || len(ts)%2 == 0 {
		return "", false
	}
	var b strings.Builder
	for i, t := range ts {
		if i%2 == 1 {
			if t.Kind != "." {
				return "", false
			}
			b.WriteByte('.')
			continue
		}
		w := t.Text(src)
		if !isWord(w) {
			return "", false
		}
		b.WriteString(strings.TrimPrefix(w, "r#"))
	}
	return b.String(), true
}

func isWord(s string) bool {
	s = strings.TrimPrefix(s, "r#")
	if s == "" {
		return false
	}
	for i, r := range s {
		if r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9' || r > 127 {
			continue
		}
		return false
	}
	return true
}

// StringValue returns the contents of a string literal node, escapes
// unread except \" and \\; a raw string's contents as written.
func StringValue(n *syntax.Node, src []byte) string {
	var b strings.Builder
	for _, c := range n.Children {
		switch c.Kind {
		case "string_content":
			b.WriteString(c.Text(src))
		case "escape_sequence":
			e := c.Text(src)
			switch e {
			case `\"`, `\\`, `\'`:
				b.WriteString(e[1:])
			case `\n`:
				b.WriteByte('\n')
			case `\t`:
				b.WriteByte('\t')
			default:
				b.WriteString(e)
			}
		}
	}
	if n.Kind == "raw_string_literal" {
		t := n.Text(src)
		t = strings.TrimLeft(strings.TrimPrefix(t, "r"), "#")
		t = strings.TrimRight(t, "#")
		return strings.TrimSuffix(strings.TrimPrefix(t, `"`), `"`)
	}
	return b.String()
}

// directive reads `name: value` at the start of a segment: target:,
// parent:, name:. A path (`a::b`) is no directive.
func directive(seg Tokens, src []byte) (string, Tokens, bool) {
	if len(seg) >= 2 && seg[1].Kind == ":" && seg[0].Kind == "identifier" {
		return seg[0].Text(src), seg[2:], true
	}
	return "", nil, false
}
