package lint

import (
	"fmt"
	"slices"

	"github.com/tracelint/tracelint"
	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/contract"
	"github.com/tracelint/tracelint/internal/finding"
	"github.com/tracelint/tracelint/internal/keyrule"
	"github.com/tracelint/tracelint/internal/pii"
	"github.com/tracelint/tracelint/internal/rust/syntax"
)

// Checker checks Rust files with one configuration. It is safe for
// concurrent use.
type Checker struct {
	cfg       *config.Config
	judge     keyrule.Judge
	matcher   *pii.Matcher
	off       map[pii.Category]bool // categories turned off
	redactors []string
	enabled   map[string]bool // by rule ID or Rust-only lint name
}

// NewChecker returns a checker for cfg: it loads the registries cfg names,
// and fails with the file and line of a broken one.
func NewChecker(cfg *config.Config) (*Checker, error) {
	registry, err := contract.ForConfig(cfg)
	if err != nil {
		return nil, err
	}
	c := &Checker{cfg: cfg, judge: keyrule.Judge{Cfg: &cfg.Attrkeys, Registry: registry}, enabled: make(map[string]bool)}
	if cfg.Attrkeys.Semconv {
		c.judge.Semconv = contract.Semconv()
	}
	c.matcher, c.off = pii.ForConfig(&cfg.Piiattrs)
	c.redactors = cfg.Piiattrs.Redactors
	for _, r := range tracelint.Rules() {
		c.enabled[r.ID] = r.Enabled(cfg)
	}
	for _, l := range Lints {
		if l.Rule != nil {
			c.enabled[l.Name] = l.Rule.Enabled(cfg)
		}
	}
	return c, nil
}

// File returns the findings of one parsed file, with the file's
// suppressions applied. path is the file's name in the findings' positions.
func (c *Checker) File(path string, src []byte, root *syntax.Node) []finding.Finding {
	f := newFile(c, path, src, root)
	f.check()
	f.flushPerKey()
	var out []finding.Finding
	for i, fd := range f.findings {
		if !f.silenced(fd, f.at[i]) {
			out = append(out, fd)
		}
	}
	slices.SortStableFunc(out, func(a, b finding.Finding) int {
		if a.Pos.Offset != b.Pos.Offset {
			return a.Pos.Offset - b.Pos.Offset
		}
		if a.Rule < b.Rule {
			return -1
		}
		if a.Rule > b.Rule {
			return 1
		}
		return 0
	})
	return out
}

// file is the state of one file's check.
type file struct {
	*Checker
	path     string
	src      []byte
	root     *syntax.Node
	imports  imports
	findings []finding.Finding
	at       []*syntax.Node            // the node each finding starts at
	perKey   map[string]int            // index in findings of the first finding per rule and key
	tracing  int                       // whether the file traces: 0 not known yet, 1 yes, -1 no
	headers  int                       // whether the file's code names headers, likewise
	otel     int                       // whether the file uses opentelemetry, likewise
	consts   map[string][]*syntax.Node // the file's const and static items, by name
	lines    []int                     // offsets of the lines' starts, made on first use

	directives     map[int][]string // nolint names by line
	directiveLines map[int]bool     // lines of comments or attributes that begin their line
}

// report adds a finding of lint l under rule (a Go rule ID, or "" for a
// lint with no Go counterpart) at n, unless the rule is off.
func (f *file) report(l *Lint, rule string, from, to *syntax.Node, format string, args ...any) *finding.Finding {
	if rule == "" {
		rule = l.Name
	}
	if !f.enabled[rule] {
		return nil
	}
	fd := finding.Finding{
		Rule:     rule,
		Analyzer: l.Name,
		Pos:      f.position(from.Start, from),
		End:      f.position(to.End, nil),
		Message:  fmt.Sprintf(format, args...) + f.suffix(l, rule),
		URL:      l.URL(),
		Func:     f.enclosingFunc(from),
		LineText: finding.LineText(f.src, from.Start),
	}
	f.findings = append(f.findings, fd)
	f.at = append(f.at, from)
	return &f.findings[len(f.findings)-1]
}

// suffix names the rule and the lint at the end of a message:
// " (TL402, tracelint::pii_in_telemetry)".
func (f *file) suffix(l *Lint, rule string) string {
	if rule == l.Name {
		return " (tracelint::" + l.Name + ")"
	}
	return " (" + rule + ", tracelint::" + l.Name + ")"
}

// position returns the place of offset; n, when given, is the node that
// starts there and knows its line and column.
func (f *file) position(offset int, n *syntax.Node) finding.Position {
	if n != nil && n.Start == offset {
		return finding.Position{File: f.path, Line: n.Line, Column: n.Column, Offset: offset}
	}
	if f.lines == nil {
		f.lines = syntax.LineStarts(f.src)
	}
	line, _ := slices.BinarySearch(f.lines, offset+1)
	return finding.Position{File: f.path, Line: line, Column: offset - f.lines[line-1] + 1, Offset: offset}
}

// enclosingFunc names the function around n: "name", or "Type::name" in
// an impl; "" outside functions.
func (f *file) enclosingFunc(n *syntax.Node) string {
	fn := n.Ancestor("function_item")
	if fn == nil {
		return ""
	}
	name := f.text(fn.ChildByField("name"))
	if impl := fn.Ancestor("impl_item"); impl != nil {
		if t := impl.ChildByField("type"); t != nil {
			name = f.text(t) + "::" + name
		}
	}
	return name
}

// Load reads the configuration file at path and returns a checker for it.
func Load(path string) (*Checker, error) {
	cfg, err := config.Load(path, RuleIDs())
	if err != nil {
		return nil, err
	}
	return NewChecker(cfg)
}

// addFix adds to fd a suggested fix that replaces the bytes [start, end)
// of the file with text.
func (f *file) addFix(fd *finding.Finding, msg string, start, end int, text string) {
	fd.Fixes = append(fd.Fixes, finding.Fix{Message: msg, Edits: []finding.Edit{{
		Pos: f.position(start, nil), End: f.position(end, nil), NewText: text,
	}}})
}
