package lint

import (
	"strings"

	"github.com/tracelint/tracelint/internal/rust/syntax"
)

// imports are a file's use declarations: the path each local name stands
// for, and the paths imported whole with a glob.
type imports struct {
	names map[string]string // local name -> full path ("span_of" -> "tracing::info_span")
	globs []string          // "tracing", "tracing::prelude"
	// macroUse lists the crates of #[macro_use] extern crate lines.
	macroUse map[string]bool
}

// readImports reads, in one walk, the use declarations anywhere in the
// file (a use in a function body counts for the whole file, which is close
// enough for names as distinctive as the tracing macros), the file's
// constants and statics by name, and whether its code names headers.
func (f *file) readImports() {
	f.imports = imports{names: make(map[string]string), macroUse: make(map[string]bool)}
	f.consts = make(map[string][]*syntax.Node)
	f.headers = -1
	for n := range f.root.Preorder() {
		switch n.Kind {
		case "const_item", "static_item":
			name := f.text(n.ChildByField("name"))
			f.consts[name] = append(f.consts[name], n)
		case "identifier", "type_identifier", "field_identifier":
			if w := strings.ToLower(f.text(n)); strings.Contains(w, "header") || strings.Contains(w, "metadata") {
				f.headers = 1
			}
		case "use_declaration":
			f.useTree(n.ChildByField("argument"), "")
		case "extern_crate_declaration":
			if attr := previousAttribute(n); attr != nil && strings.Contains(f.text(attr), "macro_use") {
				f.imports.macroUse[f.text(n.ChildByField("name"))] = true
			}
		}
	}
}

// previousAttribute returns the attribute item right before n, or nil.
func previousAttribute(n *syntax.Node) *syntax.Node {
	if n.Parent == nil {
		return nil
	}
	var prev *syntax.Node
	for _, c := range n.Parent.Children {
		if c == n {
			if prev != nil && prev.Kind == "attribute_item" {
				return prev
			}
			return nil
		}
		if c.Kind != "line_comment" && c.Kind != "block_comment" {
			prev = c
		}
	}
	return nil
}

// useTree records one use tree under prefix.
func (f *file) useTree(n *syntax.Node, prefix string) {
	if n == nil {
		return
	}
	join := func(p string) string {
		p = strings.TrimPrefix(p, "::")
		if prefix == "" {
			return p
		}
		return prefix + "::" + p
	}
	switch n.Kind {
	case "identifier", "scoped_identifier", "crate", "self", "super":
		full := join(f.text(n))
		f.imports.names[lastSegment(full)] = full
	case "use_as_clause":
		full := join(f.text(n.ChildByField("path")))
		if alias := f.text(n.ChildByField("alias")); alias != "_" {
			f.imports.names[alias] = full
		}
	case "use_wildcard":
		p := strings.TrimSuffix(strings.TrimSpace(f.text(n)), "*")
		f.imports.globs = append(f.imports.globs, join(strings.TrimSuffix(p, "::")))
	case "scoped_use_list":
		p := prefix
		if path := n.ChildByField("path"); path != nil {
			p = join(f.text(path))
		}
		for _, c := range n.ChildByField("list").NamedChildren() {
			f.useTree(c, p)
		}
	case "use_list":
		for _, c := range n.NamedChildren() {
			f.useTree(c, prefix)
		}
	}
}

// lastSegment returns the last segment of a path: "info" of "tracing::info".
func lastSegment(path string) string {
	if i := strings.LastIndex(path, "::"); i >= 0 {
		return path[i+2:]
	}
	return path
}

// resolve returns the full path a written path stands for: its first
// segment replaced by what the file imports under that name.
func (f *file) resolve(written string) string {
	written = strings.TrimPrefix(strings.ReplaceAll(written, " ", ""), "::")
	first, rest, scoped := strings.Cut(written, "::")
	full, ok := f.imports.names[first]
	if !ok {
		return written
	}
	if scoped {
		return full + "::" + rest
	}
	return full
}

// fromCrate reports whether a written path names an item of crate: written
// out (tracing::info), imported (use tracing::info), or a bare name when
// the file imports crate's items with a glob or its macros with
// #[macro_use].
func (f *file) fromCrate(written, crate string, macro bool) (string, bool) {
	full := f.resolve(written)
	if strings.HasPrefix(full, crate+"::") {
		return lastSegment(full), true
	}
	if strings.Contains(full, "::") {
		return "", false
	}
	if _, imported := f.imports.names[full]; imported {
		return "", false // imported from elsewhere
	}
	if macro && f.imports.macroUse[crate] {
		return full, true
	}
	for _, g := range f.imports.globs {
		if g == crate || strings.HasPrefix(g, crate+"::") {
			return full, true
		}
	}
	return "", false
}

// text returns n's source, or "" for nil.
func (f *file) text(n *syntax.Node) string {
	if n == nil {
		return ""
	}
	return n.Text(f.src)
}
