package tracingsyntax

import (
	"strings"

	"github.com/tracelint/tracelint/internal/rust/syntax"
)

// The tracing macros, by the name they are exported under.
var (
	spanMacros  = map[string]bool{"span": true, "trace_span": true, "debug_span": true, "info_span": true, "warn_span": true, "error_span": true}
	eventMacros = map[string]bool{"event": true, "trace": true, "debug": true, "info": true, "warn": true, "error": true}
)

// IsMacro reports whether name is one of tracing's span or event macros.
func IsMacro(name string) bool { return spanMacros[name] || eventMacros[name] }

// Macro is one span or event macro's arguments.
type Macro struct {
	// Name is the macro's name in tracing ("info_span", "event").
	Name string
	// Span reports a span macro; else it is an event.
	Span bool
	// Directives are the `target:`, `parent:` and `name:` values, by name.
	Directives map[string]Tokens
	// Level is the level argument of span! and event!.
	Level Tokens
	// SpanName is a span macro's name argument.
	SpanName Tokens
	// Fields are the fields, in order.
	Fields []Field
	// Message is an event's format string literal, or nil.
	Message *syntax.Node
	// Args are the message's format arguments.
	Args []Tokens
}

// ParseMacro reads the token tree of a call of the tracing macro name.
func ParseMacro(name string, tt *syntax.Node, src []byte) Macro {
	m := Macro{Name: name, Span: spanMacros[name], Directives: make(map[string]Tokens)}
	segs := Segments(tt)
	for len(segs) > 0 {
		d, v, ok := directive(segs[0], src)
		if !ok {
			break
		}
		m.Directives[d] = v
		segs = segs[1:]
	}
	if (name == "span" || name == "event") && len(segs) > 0 {
		m.Level, segs = segs[0], segs[1:]
	}
	if m.Span {
		if len(segs) > 0 {
			m.SpanName, segs = segs[0], segs[1:]
		}
		m.Fields = fields(segs, src)
		return m
	}
	for i, seg := range segs {
		if len(seg) == 1 && seg[0].Kind == "token_tree" && strings.HasPrefix(seg[0].Text(src), "{") {
			m.Fields = append(m.Fields, fields(Segments(seg[0]), src)...)
			continue
		}
		if isLiteralString(seg) {
			m.Message = seg[0]
			m.Args = segs[i+1:]
			return m
		}
		if f, ok := ParseField(seg, src); ok {
			m.Fields = append(m.Fields, f)
		}
	}
	return m
}

// isLiteralString reports a segment that is a lone string literal: an
// event's message.
func isLiteralString(seg Tokens) bool {
	return len(seg) == 1 && (seg[0].Kind == "string_literal" || seg[0].Kind == "raw_string_literal")
}

func fields(segs []Tokens, src []byte) []Field {
	var fs []Field
	for _, seg := range segs {
		if f, ok := ParseField(seg, src); ok {
			fs = append(fs, f)
		}
	}
	return fs
}

// Instrument is the arguments of #[instrument].
type Instrument struct {
	// Skip names the arguments skip(..) leaves out.
	Skip map[string]bool
	// SkipAll reports skip_all.
	SkipAll bool
	// Fields are the fields of fields(..).
	Fields []Field
	// Err and Ret report err and ret, with or without a mode.
	Err, Ret bool
	// Name is the name = ".." argument, or nil.
	Name Tokens
}

// ParseInstrument reads the token tree of #[instrument(..)]; nil for a
// bare #[instrument].
func ParseInstrument(tt *syntax.Node, src []byte) Instrument {
	in := Instrument{Skip: make(map[string]bool)}
	for _, seg := range Segments(tt) {
		if len(seg) == 0 {
			continue
		}
		switch head := seg[0].Text(src); {
		case head == "skip_all":
			in.SkipAll = true
		case head == "skip" && len(seg) == 2 && seg[1].Kind == "token_tree":
			for _, s := range Segments(seg[1]) {
				if len(s) == 1 {
					in.Skip[strings.TrimPrefix(s[0].Text(src), "r#")] = true
				}
			}
		case head == "fields" && len(seg) == 2 && seg[1].Kind == "token_tree":
			in.Fields = append(in.Fields, fields(Segments(seg[1]), src)...)
		case head == "err":
			in.Err = true
		case head == "ret":
			in.Ret = true
		case head == "name" && len(seg) >= 3 && seg[1].Kind == "=":
			in.Name = seg[2:]
		}
	}
	return in
}
