// Package suppress reads the //nolint directives Go developers know from
// golangci-lint, so that tools which report tracelint's findings outside
// golangci-lint (the editor server) honour them the same way.
//
// A directive names what it silences after a colon, separated by commas:
// //nolint:TL201, //nolint:spanend, //nolint:tracelint, or a bare //nolint
// for everything. It silences findings on its own line; placed on the first
// line of a top-level declaration or in its doc comment, it silences the
// whole declaration. Text after a second // is the reason and is ignored.
package suppress

import (
	"go/ast"
	"go/token"
	"strings"
)

// Directives are the //nolint directives of one file.
type Directives struct {
	fset  *token.FileSet
	lines map[int][]string // line -> names; nil names: every finding
	decls []span           // declarations silenced as a whole
}

type span struct {
	from, to token.Pos
	names    []string
}

// Read collects the directives of file.
func Read(fset *token.FileSet, file *ast.File) *Directives {
	d := &Directives{fset: fset, lines: make(map[int][]string)}
	for _, group := range file.Comments {
		for _, c := range group.List {
			if names, ok := parse(c.Text); ok {
				d.lines[fset.Position(c.Slash).Line] = names
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
		names, ok := d.lines[fset.Position(decl.Pos()).Line]
		if !ok && doc != nil {
			for _, c := range doc.List {
				if names, ok = parse(c.Text); ok {
					break
				}
			}
		}
		if ok {
			d.decls = append(d.decls, span{decl.Pos(), decl.End(), names})
		}
	}
	return d
}

// parse returns the names a comment's directive lists, nil for a bare
// //nolint, and false when the comment is no directive.
func parse(text string) ([]string, bool) {
	rest, ok := strings.CutPrefix(text, "//nolint")
	if !ok {
		return nil, false
	}
	rest, _, _ = strings.Cut(rest, "//")
	rest = strings.TrimSpace(rest)
	if rest == "" {
		return nil, true
	}
	list, ok := strings.CutPrefix(rest, ":")
	if !ok {
		return nil, false // //nolintfoo is no directive
	}
	var names []string
	for name := range strings.SplitSeq(list, ",") {
		if name = strings.TrimSpace(name); name != "" {
			names = append(names, name)
		}
	}
	return names, true
}

// Silenced reports whether a finding of rule (an ID such as TL201) from the
// analyzer named analyzer, at pos, is silenced by a directive.
func (d *Directives) Silenced(pos token.Pos, analyzer, rule string) bool {
	if names, ok := d.lines[d.fset.Position(pos).Line]; ok && matches(names, analyzer, rule) {
		return true
	}
	for _, s := range d.decls {
		if s.from <= pos && pos < s.to && matches(s.names, analyzer, rule) {
			return true
		}
	}
	return false
}

func matches(names []string, analyzer, rule string) bool {
	if names == nil {
		return true
	}
	for _, n := range names {
		if strings.EqualFold(n, "tracelint") || strings.EqualFold(n, "all") ||
			strings.EqualFold(n, analyzer) || strings.EqualFold(n, rule) {
			return true
		}
	}
	return false
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
			if names, ok := parse(c.Text); ok && names != nil {
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
