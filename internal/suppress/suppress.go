// Package suppress reads the //nolint directives Go developers know from
// golangci-lint, so that tools which report tracelint's findings outside
// golangci-lint (the command line, the editor server) honour them the same
// way, and checks the directives themselves.
//
// A directive names what it silences after a colon, separated by commas:
// //nolint:TL201, //nolint:spanend, //nolint:tracelint, or a bare //nolint
// (or //nolint:all) for everything. It silences findings on its own line;
// placed on the first line of a top-level declaration or in its doc
// comment, it silences the whole declaration. Text after a second // is
// the reason:
//
//	span := start() //nolint:TL201 // the pool ends it
//
// [Directives.Check] reports, as findings of rule [RuleID], the tracelint
// names that silenced nothing, names that look like a misspelt tracelint
// name, and, on request, directives without a reason.
package suppress

import (
	"go/ast"
	"go/token"
	"strings"
)

// Directives are the //nolint directives of one file.
type Directives struct {
	fset  *token.FileSet
	list  []*directive
	lines map[int]*directive // the directive on each line
	decls []*directive       // those that silence a declaration as a whole
}

// directive is one //nolint comment.
type directive struct {
	comment *ast.Comment
	group   *ast.CommentGroup
	line    int
	names   []name // nil for a bare //nolint
	reason  string // after the second //, trimmed; "" when there is none
	// from and to are the lines of the declaration it silences as a
	// whole; 0 when it silences its own line only.
	from, to int
	used     bool // silenced at least one finding
}

// name is one entry of a directive's list.
type name struct {
	text   string
	offset int  // in the comment's text
	used   bool // silenced at least one finding
}

// Read collects the directives of file.
func Read(fset *token.FileSet, file *ast.File) *Directives {
	d := &Directives{fset: fset, lines: make(map[int]*directive)}
	for _, group := range file.Comments {
		for _, c := range group.List {
			if names, reason, ok := parse(c.Text); ok {
				dir := &directive{comment: c, group: group, line: fset.Position(c.Slash).Line, names: names, reason: reason}
				d.list = append(d.list, dir)
				d.lines[dir.line] = dir
			}
		}
	}
	for _, decl := range file.Decls {
		var doc *ast.CommentGroup
		switch decl := decl.(type) {
		case *ast.FuncDecl:
			doc = decl.Doc
		case *ast.GenDecl:
			doc = decl.Doc
		}
		from, to := fset.Position(decl.Pos()).Line, fset.Position(decl.End()).Line
		dir := d.lines[from]
		if dir == nil && doc != nil {
			for _, c := range doc.List {
				if dir = d.lines[fset.Position(c.Slash).Line]; dir != nil && dir.comment == c {
					break
				}
				dir = nil
			}
		}
		if dir != nil {
			dir.from, dir.to = from, to
			d.decls = append(d.decls, dir)
		}
	}
	return d
}

// parse returns the names a comment's directive lists, nil for a bare
// //nolint, and its reason, and false when the comment is no directive.
//
//	//nolint
//	//nolint:TL201,spanend // reason
func parse(text string) ([]name, string, bool) {
	rest, ok := strings.CutPrefix(text, "//nolint")
	if !ok {
		return nil, "", false
	}
	rest, reason, _ := strings.Cut(rest, "//")
	reason = strings.TrimSpace(reason)
	list, ok := strings.CutPrefix(rest, ":")
	if !ok {
		if strings.TrimSpace(rest) != "" {
			return nil, "", false // //nolintfoo is no directive
		}
		return nil, reason, true
	}
	var names []name
	offset := len("//nolint:")
	for item := range strings.SplitSeq(list, ",") {
		if trimmed := strings.TrimSpace(item); trimmed != "" {
			lead := len(item) - len(strings.TrimLeft(item, " \t"))
			names = append(names, name{text: trimmed, offset: offset + lead})
		}
		offset += len(item) + 1
	}
	return names, reason, true
}

// ParseDirective reads a comment's text as a //nolint directive: the names
// it lists, nil for a bare //nolint, and its reason; ok is false for any
// other comment. Tools for other languages (tracelint rust) read their
// comments' directives with it.
func ParseDirective(text string) (names []string, reason string, ok bool) {
	list, reason, ok := parse(text)
	for _, n := range list {
		names = append(names, n.text)
	}
	return names, reason, ok
}

// Covers reports whether a directive's name silences a finding of rule from
// the analyzer named analyzer: the analyzer, the rule ID, "tracelint" or
// "all", in any case.
func Covers(name, analyzer, rule string) bool {
	return isAll(name) || strings.EqualFold(name, analyzer) || strings.EqualFold(name, rule)
}

// Silenced reports whether a finding of rule (an ID such as TL201) from the
// analyzer named analyzer, at pos, is silenced by a directive.
func (d *Directives) Silenced(pos token.Pos, analyzer, rule string) bool {
	return d.match(d.fset.Position(pos).Line, analyzer, rule, false)
}

// Use reports whether a finding of rule from analyzer on line (1-based) is
// silenced by a directive, and records that the directives and names that
// silence it are used, for [Directives.Check]. A line rather than a
// token.Pos, because a file that belongs to a package and to its test
// variant is parsed twice, and its findings carry positions of either
// parse. Use is not safe for concurrent use.
func (d *Directives) Use(line int, analyzer, rule string) bool {
	return d.match(line, analyzer, rule, true)
}

// match reports whether a directive silences a finding on line, marking
// every directive and name that does when mark is set.
func (d *Directives) match(line int, analyzer, rule string, mark bool) bool {
	silenced := false
	try := func(dir *directive) {
		if dir.matches(analyzer, rule, mark) {
			silenced = true
		}
	}
	if dir, ok := d.lines[line]; ok {
		try(dir)
	}
	for _, dir := range d.decls {
		if dir.from <= line && line <= dir.to && dir.line != line && (mark || !silenced) {
			try(dir)
		}
	}
	return silenced
}

// matches reports whether dir silences a finding of rule from analyzer,
// marking it and its matching names as used when mark is set.
func (dir *directive) matches(analyzer, rule string, mark bool) bool {
	if dir.names == nil {
		dir.used = dir.used || mark
		return true
	}
	found := false
	for i := range dir.names {
		n := &dir.names[i]
		if Covers(n.text, analyzer, rule) {
			found = true
			n.used = n.used || mark
		}
	}
	dir.used = dir.used || (found && mark)
	return found
}

// isAll reports whether a name silences every tracelint finding.
func isAll(n string) bool {
	return strings.EqualFold(n, "tracelint") || strings.EqualFold(n, "all")
}

// Insertion returns where to insert what, to silence rule on the given
// line of file: after the names of a directive already ending the line
// (",TL201"), before another trailing comment, which becomes the reason
// ("//nolint:TL201 "), or at the end of the line (" //nolint:TL201").
// src is the file's text.
func Insertion(fset *token.FileSet, file *ast.File, src []byte, line int, rule string) (token.Pos, string) {
	tf := fset.File(file.Pos())
	end := token.Pos(tf.Base() + tf.Size())
	if line < tf.LineCount() {
		end = tf.LineStart(line+1) - 1
	}
	for _, group := range file.Comments {
		for _, c := range group.List {
			if fset.Position(c.Slash).Line != line || c.Slash > end {
				continue
			}
			if names, _, ok := parse(c.Text); ok && names != nil {
				list, _, _ := strings.Cut(c.Text, " //")
				return c.Slash + token.Pos(len(strings.TrimRight(list, " "))), "," + rule
			}
			from, to := tf.Offset(tf.LineStart(line)), tf.Offset(c.Slash)
			if to <= len(src) && strings.TrimSpace(string(src[from:to])) != "" {
				return c.Slash, "//nolint:" + rule + " "
			}
		}
	}
	return end, " //nolint:" + rule
}
