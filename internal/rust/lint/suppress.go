package lint

import (
	"regexp"
	"strings"

	"github.com/tracelint/tracelint/internal/finding"
	"github.com/tracelint/tracelint/internal/rust/syntax"
	"github.com/tracelint/tracelint/internal/suppress"
)

// A finding is silenced by a comment directive,
//
//	// nolint:pii_in_telemetry            (or :TL402, :tracelint, bare)
//
// on its line, or on the lines of comments and attributes right above an
// enclosing item or statement; or by an allow attribute on an enclosing
// item, #[allow(tracelint::pii_in_telemetry)], which only compiles under a
// registered tool (nightly's register_tool) or inside cfg_attr.

// silenced reports whether a directive silences fd, found at n.
func (f *file) silenced(fd finding.Finding, n *syntax.Node) bool {
	if f.directives == nil {
		f.readDirectives()
	}
	if f.lineSilences(fd.Pos.Line, fd) {
		return true
	}
	for p := n; p != nil; p = p.Parent {
		if !scopeKind(p.Kind) {
			continue
		}
		for _, attr := range attributesBefore(p) {
			if allows(f.text(attr), fd) {
				return true
			}
		}
		for line := p.Line - 1; line > 0 && f.directiveLines[line]; line-- {
			if f.lineSilences(line, fd) {
				return true
			}
		}
		if p.Kind == "source_file" {
			for _, c := range p.Children {
				if c.Kind == "inner_attribute_item" && allows(f.text(c), fd) {
					return true
				}
			}
		}
	}
	return false
}

// scopeKind reports the nodes a directive above them covers: items and
// statements.
func scopeKind(kind string) bool {
	return strings.HasSuffix(kind, "_item") || kind == "expression_statement" || kind == "let_declaration" || kind == "source_file"
}

// readDirectives collects the nolint comments by line, and the lines that
// hold only comments or attributes (over which a directive reaches down to
// the item below).
func (f *file) readDirectives() {
	f.directives = make(map[int][]string)
	f.directiveLines = make(map[int]bool)
	for n := range f.root.Preorder() {
		switch n.Kind {
		case "line_comment", "block_comment":
			// "// nolint:x", as Rust code spaces its comments, is read as "//nolint:x".
			text := f.text(n)
			if rest, ok := strings.CutPrefix(text, "//"); ok {
				text = "//" + strings.TrimLeft(rest, " \t")
			}
			if names, _, ok := suppress.ParseDirective(text); ok {
				if names == nil {
					names = []string{"all"}
				}
				f.directives[n.Line] = append(f.directives[n.Line], names...)
			}
			f.directiveLines[n.Line] = f.directiveLines[n.Line] || f.onlyOnLine(n)
		case "attribute_item":
			f.directiveLines[n.Line] = true
		}
	}
}

// onlyOnLine reports a comment that starts its line.
func (f *file) onlyOnLine(n *syntax.Node) bool {
	for i := n.Start - 1; i >= 0 && f.src[i] != '\n'; i-- {
		if f.src[i] != ' ' && f.src[i] != '\t' {
			return false
		}
	}
	return true
}

// lineSilences reports whether a directive on line names fd.
func (f *file) lineSilences(line int, fd finding.Finding) bool {
	for _, name := range f.directives[line] {
		if names(name, fd) {
			return true
		}
	}
	return false
}

// names reports whether a directive's name covers fd: a lint's name may
// carry the tracelint:: prefix.
func names(name string, fd finding.Finding) bool {
	return suppress.Covers(strings.TrimPrefix(name, "tracelint::"), fd.Analyzer, fd.Rule)
}

// allowRE matches the tracelint lints an allow attribute names.
var allowRE = regexp.MustCompile(`tracelint::(\w+)`)

// allows reports whether an allow attribute names fd's lint.
func allows(attr string, fd finding.Finding) bool {
	if !strings.Contains(attr, "allow") {
		return false
	}
	for _, m := range allowRE.FindAllStringSubmatch(attr, -1) {
		if m[1] == fd.Analyzer || m[1] == "all" {
			return true
		}
	}
	return false
}

// attributesBefore returns the attribute items right before n.
func attributesBefore(n *syntax.Node) []*syntax.Node {
	if n.Parent == nil {
		return nil
	}
	var attrs []*syntax.Node
	for _, c := range n.Parent.Children {
		if c == n {
			return attrs
		}
		switch c.Kind {
		case "attribute_item":
			attrs = append(attrs, c)
		case "line_comment", "block_comment":
		default:
			attrs = nil
		}
	}
	return nil
}

// relatedAt is a related place at n.
func relatedAt(f *file, n *syntax.Node, msg string) finding.Related {
	return finding.Related{Pos: f.position(n.Start, n), End: f.position(n.End, nil), Message: msg}
}
