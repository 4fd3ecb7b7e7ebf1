package tracingsyntax

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tracelint/tracelint/internal/rust/syntax"
	"github.com/tracelint/tracelint/internal/rust/treesitter"
)

// parseFirst parses src and returns the first node of kind, with src.
func parseFirst(t *testing.T, src, kind string) (*syntax.Node, []byte) {
	t.Helper()
	p, err := treesitter.New()
	if err != nil {
		t.Skip(err)
	}
	defer p.Close()
	root, err := p.Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for n := range root.Preorder() {
		if n.Kind == kind {
			return n, []byte(src)
		}
	}
	t.Fatalf("no %s in %s", kind, src)
	return nil, nil
}

// show writes a macro's parts with each field's sigil and value apart,
// and every directive: [d:target=v] [lvl:..] [span:..] name{sigil|value}
// (~name for shorthand, "name" for a quoted one) [msg:..] [arg:..].
func show(m Macro, src []byte) string {
	var parts []string
	for _, d := range []string{"parent", "target", "name"} {
		if v, ok := m.Directives[d]; ok {
			parts = append(parts, "d:"+d+"="+v.Text(src))
		}
	}
	if n := len(m.Directives); n > 3 || n > 0 && len(parts) == 0 {
		parts = append(parts, fmt.Sprintf("directives:%d", n))
	}
	if len(m.Level) > 0 {
		parts = append(parts, "lvl:"+m.Level.Text(src))
	}
	if len(m.SpanName) > 0 {
		parts = append(parts, "span:"+m.SpanName.Text(src))
	}
	for _, f := range m.Fields {
		name := f.Name
		if f.Shorthand {
			name = "~" + name
		}
		if f.Quoted {
			name = `"` + name + `"`
		}
		parts = append(parts, fmt.Sprintf("%s{%s|%s}", name, f.Sigil, f.Value.Text(src)))
	}
	if m.Message != nil {
		parts = append(parts, "msg:"+m.Message.Text(src))
	}
	for _, a := range m.Args {
		parts = append(parts, "arg:"+a.Text(src))
	}
	return strings.Join(parts, " ")
}

// TestMacroEdges reads the corners of the field syntax: sigils kept apart
// from values, comments, empty and odd segments, names that are no words.
func TestMacroEdges(t *testing.T) {
	for _, tc := range []struct{ name, call, want string }{
		// Sigils are not part of the value.
		{"info", `info!(a = ?b, c = %d, "m")`, `a{?|b} c{%|d} msg:"m"`},
		{"info", `info!(?b, %c.d, "m")`, `~b{?|b} ~c.d{%|c.d} msg:"m"`},
		// Comments between tokens are no part of a segment.
		{"info", "info!(a = 1 /* c */, // note\n \"m\")", `a{|1} msg:"m"`},
		// An empty segment, an empty name or value, is no field.
		{"info", `info!(a, , "m")`, `~a{|a} msg:"m"`},
		{"info", `info!(= 1, x =, "m")`, `msg:"m"`},
		// A name is words joined by dots: not a literal followed by more,
		// not ending in a dot, not a group, not starting with a digit.
		{"info", `info!("a".b = 1, a. = 2, x.{y} = 3, 1, "m")`, `msg:"m"`},
		{"info", `info!(http2 = 1, Ab = 2, größe = 3, _x = 4, "m")`, `http2{|1} Ab{|2} größe{|3} _x{|4} msg:"m"`},
		// A quoted name, and a lone identifier, in an event.
		{"info", `info!("x.y" = 1, x, "m")`, `"x.y"{|1} ~x{|x} msg:"m"`},
		// Only a { } group is a field block; one followed by more is none.
		{"info", `info!((a = 1), [b = 2], { c = 3 } d, "m")`, `msg:"m"`},
		// A directive's name is an identifier.
		{"info", `info!(1: x, "a": y, "m")`, `msg:"m"`},
		{"event", `event!(target: "t", Level::INFO, "m")`, `d:target="t" lvl:Level::INFO msg:"m"`},
		// No arguments at all.
		{"event", `event!()`, ``},
		{"span", `span!()`, ``},
		{"info_span", `info_span!()`, ``},
	} {
		tt, src := parseFirst(t, "fn f() { "+tc.call+"; }", "token_tree")
		if got := show(ParseMacro(tc.name, tt, src), src); got != tc.want {
			t.Errorf("%s\n got: %s\nwant: %s", tc.call, got, tc.want)
		}
	}
}

func TestIsMacro(t *testing.T) {
	for name, want := range map[string]bool{"info_span": true, "span": true, "info": true, "event": true, "instrument": false, "println": false} {
		if got := IsMacro(name); got != want {
			t.Errorf("IsMacro(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestSegmentsDegenerate: no token tree, or one without its delimiters.
func TestSegmentsDegenerate(t *testing.T) {
	if got := Segments(nil); got != nil {
		t.Errorf("Segments(nil) = %v", got)
	}
	if got := Segments(&syntax.Node{Kind: "token_tree"}); got != nil {
		t.Errorf("Segments(empty) = %v", got)
	}
	if got := Segments(&syntax.Node{Kind: "token_tree", Children: []*syntax.Node{{Kind: "("}}}); got != nil {
		t.Errorf("Segments(one child) = %v", got)
	}
	if f, ok := ParseField(nil, nil); ok {
		t.Errorf("ParseField(nil) = %+v", f)
	}
}

// TestIsWord: identifier characters only, digits after the first.
func TestIsWord(t *testing.T) {
	for w, want := range map[string]bool{
		"a": true, "Z9": true, "_": true, "r#type": true, "größe": true, "a_b1": true,
		"": false, "r#": false, "1a": false, "9": false, "a{": false, "a-": false, "a:": false, "a~": false, "{": false, "-": false, "a.b": false,
	} {
		if got := isWord(w); got != want {
			t.Errorf("isWord(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestStringValue: escapes of a string literal are read; a raw string's
// contents are as written.
func TestStringValue(t *testing.T) {
	for lit, want := range map[string]string{
		`"a\"b"`:        `a"b`,
		`"a\\b\'c"`:     `a\b'c`,
		`"a\nb\tc"`:     "a\nb\tc",
		`"a\u{41}"`:     `a\u{41}`,
		`r"a\"`:         `a\`,
		`r#"a "q" b"#`:  `a "q" b`,
		`r##"#"x"#"##`:  `#"x"#`,
		`"traceparent"`: `traceparent`,
	} {
		n, src := parseFirst(t, "const X: &str = "+lit+";", "const_item")
		if got := StringValue(n.ChildByField("value"), src); got != want {
			t.Errorf("StringValue(%s) = %q, want %q", lit, got, want)
		}
	}
}

// TestInstrumentEdges: skip, fields and name need their group or value;
// other arguments (level, target) are no name.
func TestInstrumentEdges(t *testing.T) {
	for _, tc := range []struct{ attr, want string }{
		{`#[instrument(skip, fields, name, err, ret)]`, `skip=[] fields=[] err=true ret=true name=`},
		{`#[instrument(skip "password", fields "a", name: "x")]`, `skip=[] fields=[] err=false ret=false name=`},
		{`#[instrument(level = "debug", target = "t")]`, `skip=[] fields=[] err=false ret=false name=`},
		{`#[instrument(skip(a, b), fields(c = 1), name = "n")]`, `skip=[a b] fields=[c] err=false ret=false name="n"`},
	} {
		attr, src := parseFirst(t, tc.attr+"\nfn f() {}", "attribute")
		in := ParseInstrument(attr.ChildByField("arguments"), src)
		var skip, fields []string
		for _, s := range []string{"a", "b", "password"} {
			if in.Skip[s] {
				skip = append(skip, s)
			}
		}
		for _, f := range in.Fields {
			fields = append(fields, f.Name)
		}
		got := fmt.Sprintf("skip=%v fields=%v err=%v ret=%v name=%s", skip, fields, in.Err, in.Ret, in.Name.Text(src))
		if len(in.Skip) != len(skip) {
			got += fmt.Sprintf(" skip:%v", in.Skip)
		}
		if got != tc.want {
			t.Errorf("%s\n got: %s\nwant: %s", tc.attr, got, tc.want)
		}
	}
}
