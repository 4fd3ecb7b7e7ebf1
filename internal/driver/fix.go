package driver

import (
	"bytes"
	"cmp"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ast/astutil"
)

// fixed is what -fix did.
type fixed struct {
	fixes, files int
	// overlapping counts the fixes left out because an edit overlaps one
	// of a fix already taken.
	overlapping int
	// remaining are the findings whose fix was not applied, or that have
	// none.
	remaining []*item
}

// edit is a fix's replacement of bytes [start, end) of a file.
type edit struct {
	start, end int
	text       string
}

// applyFixes applies the first fix of each finding, in the order of the
// findings, and writes the files, or with -diff prints their diff. A fix
// is left out, whole, when an edit overlaps an edit already taken (an
// identical edit is taken once), when it edits a generated file, or when
// a file changed since it was loaded. Files that were gofmt-formatted are
// formatted again, and imports the fixes left unused are removed.
func (r *run) applyFixes(res *result, items []*item) (fixed, error) {
	var out fixed
	taken := make(map[string][]edit) // by absolute file name
	changed := make(map[string]bool) // files found changed on disk
	var errs []string
	for _, it := range items {
		if len(it.Fixes) == 0 {
			out.remaining = append(out.remaining, it)
			continue
		}
		edits, ok, why := r.fixEdits(res, it, changed)
		if why != "" {
			errs = append(errs, why)
		}
		if !ok {
			out.remaining = append(out.remaining, it)
			continue
		}
		next := make(map[string][]edit)
		for name, es := range edits {
			merged, ok := merge(taken[name], es)
			if !ok {
				next = nil
				break
			}
			next[name] = merged
		}
		if next == nil {
			out.overlapping++
			out.remaining = append(out.remaining, it)
			continue
		}
		for name, es := range next {
			taken[name] = es
		}
		out.fixes++
	}

	for _, name := range slices.Sorted(maps.Keys(taken)) {
		before := res.read(name)
		after := applyEdits(before, taken[name])
		after = tidy(name, before, after, res.files[name])
		if bytes.Equal(before, after) {
			continue
		}
		out.files++
		if r.opts.diff {
			fmt.Fprint(r.stdout, unified(r.paths.Rel(name), before, after))
			continue
		}
		mode := os.FileMode(0o644)
		if st, err := os.Stat(name); err == nil {
			mode = st.Mode().Perm()
		}
		if err := os.WriteFile(name, after, mode); err != nil {
			errs = append(errs, fmt.Sprintf("-fix: %v", err))
		}
	}
	if len(errs) > 0 {
		return out, fmt.Errorf("%s", strings.Join(errs, "\ntracelint: "))
	}
	return out, nil
}

// fixEdits returns the edits of it's first fix, by file, and whether they
// can be applied, with an error message when a file changed on disk.
func (r *run) fixEdits(res *result, it *item, changed map[string]bool) (map[string][]edit, bool, string) {
	edits := make(map[string][]edit)
	for _, e := range it.Fixes[0].Edits {
		name := r.paths.Abs(e.Pos.File)
		fi := res.files[name]
		if fi != nil && fi.generated {
			return nil, false, ""
		}
		src := res.read(name)
		switch {
		case changed[name]:
			return nil, false, ""
		case src == nil || fi != nil && len(src) != fi.size:
			changed[name] = true
			return nil, false, fmt.Sprintf("-fix: %s changed since tracelint read it; its fixes are not applied", r.paths.Rel(name))
		case e.Pos.Offset < 0 || e.Pos.Offset > e.End.Offset || e.End.Offset > len(src) || e.Pos.File != e.End.File:
			return nil, false, "" // a malformed edit
		}
		edits[name] = append(edits[name], edit{e.Pos.Offset, e.End.Offset, e.NewText})
	}
	for name, es := range edits {
		merged, ok := merge(nil, es) // a fix whose own edits overlap is malformed
		if !ok {
			return nil, false, ""
		}
		edits[name] = merged
	}
	return edits, true, ""
}

// merge adds the edits add to the sorted edits have, and reports false
// when one overlaps an edit of have: a replacement that covers any other
// edit's bytes, or two different insertions at one place (their order
// would be a guess). An edit identical to one of have is dropped.
func merge(have, add []edit) ([]edit, bool) {
	out := slices.Clone(have)
	for _, e := range add {
		dup := false
		for _, h := range out {
			switch {
			case h == e:
				dup = true
			case overlap(h, e):
				return nil, false
			}
		}
		if !dup {
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(a, b edit) int { return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end)) })
	return out, true
}

// overlap reports whether two different edits conflict.
func overlap(a, b edit) bool {
	if a.start == a.end && b.start == b.end {
		return a.start == b.start // two insertions at one place
	}
	if a.start == a.end {
		return b.start < a.start && a.start < b.end
	}
	if b.start == b.end {
		return a.start < b.start && b.start < a.end
	}
	return a.start < b.end && b.start < a.end
}

// applyEdits applies sorted, non-overlapping edits to src.
func applyEdits(src []byte, edits []edit) []byte {
	var b bytes.Buffer
	last := 0
	for _, e := range edits {
		b.Write(src[last:e.start])
		b.WriteString(e.text)
		last = e.end
	}
	b.Write(src[last:])
	return b.Bytes()
}

// tidy formats a fixed file again when it was gofmt-formatted before the
// fixes, and removes the imports the fixes left unused (a fix that
// replaces context.Background() may leave "context" unused). It returns
// after unchanged when after does not parse.
func tidy(name string, before, after []byte, fi *fileInfo) []byte {
	if formatted, err := format.Source(before); err == nil && bytes.Equal(formatted, before) {
		if f, err := format.Source(after); err == nil {
			after = f
		}
	}
	fset := token.NewFileSet()
	old, err := parser.ParseFile(fset, name, before, parser.SkipObjectResolution)
	if err != nil {
		return after
	}
	f, err := parser.ParseFile(fset, name, after, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return after
	}
	usedBefore, usedAfter := qualifiers(old), qualifiers(f)
	type imp struct{ name, path string }
	var unused []imp
	for _, spec := range f.Imports {
		importPath, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			continue
		}
		local, explicit := importName(spec, importPath, fi)
		if local == "_" || local == "." || importPath == "C" {
			continue
		}
		if usedBefore[local] && !usedAfter[local] {
			unused = append(unused, imp{explicit, importPath})
		}
	}
	removed := false
	for _, u := range unused { // DeleteNamedImport edits f.Imports
		removed = astutil.DeleteNamedImport(fset, f, u.name, u.path) || removed
	}
	if !removed {
		return after
	}
	var b bytes.Buffer
	if err := format.Node(&b, fset, f); err != nil {
		return after
	}
	return b.Bytes()
}

// qualifiers returns the names used as the X of a selector x.Sel: the
// names an import may be used by. A local variable of an import's name
// counts too, which only keeps an import.
func qualifiers(f *ast.File) map[string]bool {
	used := make(map[string]bool)
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok {
				used[id.Name] = true
			}
		}
		return true
	})
	return used
}

// importName returns the name an import is used by in the file, and the
// name written in the import spec ("" when none): the package's name,
// which go/packages knows, may differ from its path's last element.
func importName(spec *ast.ImportSpec, importPath string, fi *fileInfo) (string, string) {
	if spec.Name != nil {
		return spec.Name.Name, spec.Name.Name
	}
	if fi != nil {
		if p := fi.pkg.Imports[importPath]; p != nil && p.Name != "" {
			return p.Name, ""
		}
	}
	return path.Base(importPath), ""
}
