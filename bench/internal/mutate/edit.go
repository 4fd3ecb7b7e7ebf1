package mutate

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/edge"

	"github.com/tracelint/tracelint/internal/otelapi"
)

// attrImportName is the name under which a file that does not import the
// OpenTelemetry attribute package gets it.
const attrImportName = "tlbenchattribute"

// keyPlaceholder stands for the attribute key in the text of a RecordEmail
// edit until the mutations are numbered.
const keyPlaceholder = "\x00key\x00"

// emailKeys are the personal-data keys RecordEmail rotates through.
var emailKeys = []string{"user.email", "customer.email", "contact_email", "billing.email_address"}

// site is one chosen mutation before it is applied.
type site struct {
	file *file
	// anchor is the byte offset, in the original source, of the node
	// tracelint reports at; extra is the number of lines from the anchor's
	// line to the reported one (1 for a statement inserted after the
	// anchor's line).
	anchor int
	extra  int
	edits  []edit
	// needsAttr says the edits name the attribute package as
	// attrImportName, which the file must import.
	needsAttr bool
	m         Mutation
}

// edit replaces src[start:end] by text.
type edit struct {
	start, end int
	text       string
	own        *site // the site the edit belongs to; nil for an import
}

// off returns the byte offset of pos in f.
func (f *file) off(pos token.Pos) int { return f.tf.Offset(pos) }

// text returns the source of n.
func (f *file) text(n ast.Node) string { return string(f.src[f.off(n.Pos()):f.off(n.End())]) }

// oneLine returns the source of n with its runs of white space folded to
// one space, for notes.
func (f *file) oneLine(n ast.Node) string { return strings.Join(strings.Fields(f.text(n)), " ") }

// replace returns the edit that replaces n by text.
func (f *file) replace(n ast.Node, text string) edit {
	return edit{start: f.off(n.Pos()), end: f.off(n.End()), text: text}
}

// apply writes the sites' edits, file by file, and returns their mutations
// with the lines they have after all edits.
func apply(sites []*site) ([]Mutation, error) {
	byFile := make(map[*file][]*site)
	var files []*file
	for i, s := range sites {
		if _, seen := byFile[s.file]; !seen {
			files = append(files, s.file)
		}
		byFile[s.file] = append(byFile[s.file], s)
		if s.m.Kind == RecordEmail {
			key := emailKeys[i%len(emailKeys)]
			for j := range s.edits {
				s.edits[j].text = strings.ReplaceAll(s.edits[j].text, keyPlaceholder, key)
			}
			s.m.Note = strings.ReplaceAll(s.m.Note, keyPlaceholder, key)
		}
	}
	var out []Mutation
	rewritten := make(map[*file][]byte)
	for _, f := range files {
		fs := byFile[f]
		var edits []edit
		for _, s := range fs {
			for _, e := range s.edits {
				e.own = s
				edits = append(edits, e)
			}
		}
		if slices.ContainsFunc(fs, func(s *site) bool { return s.needsAttr }) {
			e, err := f.importEdit()
			if err != nil {
				return nil, err
			}
			edits = append(edits, e)
		}
		slices.SortStableFunc(edits, func(a, b edit) int { return a.start - b.start })
		for i := 1; i < len(edits); i++ {
			if edits[i].start < edits[i-1].end {
				return nil, fmt.Errorf("mutate: %s: overlapping edits at offsets %d and %d", f.rel, edits[i-1].start, edits[i].start)
			}
		}
		for _, s := range fs {
			s.m.Line = f.tf.Line(f.tf.Pos(s.anchor)) + s.extra
			for _, e := range edits {
				if e.own != s && e.end <= s.anchor {
					s.m.Line += strings.Count(e.text, "\n") - bytes.Count(f.src[e.start:e.end], []byte("\n"))
				}
			}
			out = append(out, s.m)
		}
		src := slices.Clone(f.src)
		for i := len(edits) - 1; i >= 0; i-- {
			e := edits[i]
			src = slices.Concat(src[:e.start], []byte(e.text), src[e.end:])
		}
		rewritten[f] = src
	}
	// Nothing is written before every file's edits are known to apply.
	for _, f := range files {
		if err := os.WriteFile(f.path, rewritten[f], f.mode); err != nil {
			return nil, err
		}
	}
	slices.SortStableFunc(out, func(a, b Mutation) int {
		if c := strings.Compare(a.File, b.File); c != 0 {
			return c
		}
		return a.Line - b.Line
	})
	return out, nil
}

// importEdit returns the edit that imports the attribute package as
// attrImportName: a declaration of its own on the line after the package
// clause, which moves every later line down by two.
func (f *file) importEdit() (edit, error) {
	at := f.off(f.syntax.Name.End())
	nl := bytes.IndexByte(f.src[at:], '\n')
	if nl < 0 {
		return edit{}, fmt.Errorf("mutate: %s: no line after the package clause", f.rel)
	}
	text := fmt.Sprintf("\nimport %s %q\n", attrImportName, otelapi.Attribute)
	return edit{start: at + nl, end: at + nl, text: text}, nil
}

// scopeAt returns the innermost scope at pos.
func (f *file) scopeAt(pos token.Pos) *types.Scope {
	if s := f.pkg.Types.Scope().Innermost(pos); s != nil {
		return s
	}
	return f.pkg.Types.Scope()
}

// lookup returns the object name denotes at pos.
func (f *file) lookup(name string, pos token.Pos) types.Object {
	_, obj := f.scopeAt(pos).LookupParent(name, pos)
	return obj
}

// importName returns the name under which f imports path, usable at pos
// (not shadowed there), and the package name object; "" when there is none.
func (f *file) importName(path string, pos token.Pos) (string, *types.PkgName) {
	for _, imp := range f.syntax.Imports {
		var pn *types.PkgName
		if imp.Name != nil {
			pn, _ = f.pkg.TypesInfo.Defs[imp.Name].(*types.PkgName)
		} else {
			pn, _ = f.pkg.TypesInfo.Implicits[imp].(*types.PkgName)
		}
		if pn == nil || pn.Imported().Path() != path || pn.Name() == "_" || pn.Name() == "." {
			continue
		}
		if f.lookup(pn.Name(), pos) == pn {
			return pn.Name(), pn
		}
	}
	return "", nil
}

// attrName returns how code at pos names the attribute package, and
// whether the file must import it under that name first.
func (f *file) attrName(pos token.Pos) (string, bool) {
	if name, _ := f.importName(otelapi.Attribute, pos); name != "" {
		return name, false
	}
	if f.lookup(attrImportName, pos) != nil {
		return "", false
	}
	return attrImportName, true
}

// canImportAttr reports whether the package can import the attribute
// package: it is among the package's dependencies, so the module requires
// the module that provides it.
func (p *pkg) canImportAttr() bool {
	if p.attrReachable == 0 {
		p.attrReachable = -1
		seen := make(map[*types.Package]bool)
		var walk func(*types.Package) bool
		walk = func(t *types.Package) bool {
			if seen[t] {
				return false
			}
			seen[t] = true
			return t.Path() == otelapi.Attribute || slices.ContainsFunc(t.Imports(), walk)
		}
		if walk(p.Types) {
			p.attrReachable = 1
		}
	}
	return p.attrReachable > 0
}

// removable reports whether the nodes can be deleted from the function at
// u without breaking the build: no import loses its last use, and no local
// variable of the function loses its last read. On success the package
// uses are reserved, so later sites of the file see them gone.
func (f *file) removable(u unit, nodes ...ast.Node) bool {
	inRemoved := func(pos token.Pos) bool {
		return slices.ContainsFunc(nodes, func(n ast.Node) bool { return n.Pos() <= pos && pos < n.End() })
	}
	pkgs := make(map[*types.PkgName]int)
	locals := make(map[*types.Var]bool)
	for _, n := range nodes {
		ast.Inspect(n, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok {
				return true
			}
			switch obj := f.pkg.TypesInfo.Uses[id].(type) {
			case *types.PkgName:
				pkgs[obj]++
			case *types.Var:
				if obj.Kind() == types.LocalVar {
					locals[obj] = true
				}
			}
			return true
		})
	}
	for pn, n := range pkgs {
		if f.pkgUses[pn] <= n {
			return false
		}
	}
	if len(locals) > 0 {
		read := make(map[*types.Var]bool)
		for cur := range u.cur.Preorder((*ast.Ident)(nil)) {
			id := cur.Node().(*ast.Ident)
			v, ok := f.pkg.TypesInfo.Uses[id].(*types.Var)
			if !ok || !locals[v] || inRemoved(id.Pos()) {
				continue
			}
			// An assignment is not a read: x = y, x += y, x++ leave x unused.
			if k := cur.ParentEdgeKind(); k == edge.AssignStmt_Lhs || k == edge.IncDecStmt_X {
				continue
			}
			read[v] = true
		}
		if len(read) < len(locals) {
			return false
		}
	}
	for pn, n := range pkgs {
		f.pkgUses[pn] -= n
	}
	return true
}

// lineStmt returns where a statement can be inserted after stmt, on a line
// of its own: the end of stmt's last line, and stmt's indentation. It fails
// when stmt does not start its line or code follows it on its last line.
func (f *file) lineStmt(stmt ast.Node) (int, string, bool) {
	start, end := f.off(stmt.Pos()), f.off(stmt.End())
	lineStart := f.off(f.tf.LineStart(f.tf.Line(stmt.Pos())))
	indent := f.src[lineStart:start]
	if len(bytes.TrimLeft(indent, " \t")) != 0 {
		return 0, "", false
	}
	lineEnd := bytes.IndexByte(f.src[end:], '\n')
	if lineEnd < 0 {
		return 0, "", false
	}
	lineEnd += end
	if rest := bytes.TrimSpace(f.src[end:lineEnd]); len(rest) > 0 && !bytes.HasPrefix(rest, []byte("//")) {
		return 0, "", false
	}
	return lineEnd, string(indent), true
}
