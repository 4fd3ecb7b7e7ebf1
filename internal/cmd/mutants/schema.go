package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// envVar selects the mutant a schema binary runs; 0 or unset runs none.
const envVar = "TRACELINT_MUTANT"

// A schemaPkg is a package rewritten so that every mutant is in it,
// switched on by envVar.
type schemaPkg struct {
	dir     string
	files   map[string][]byte // file name → rewritten source, the switch file included
	mutants []*mutant
}

// A wrap puts open before and close after a byte range of a file.
type wrap struct {
	start, end  int
	open, close string
	id          int
}

// schema rewrites the non-test Go files of the package in dir. Each
// mutation only inserts text around an expression, so mutations nest:
//
//	if c {                 → if tlmutIf(1, c) {
//	x && y                 → (tlmutOn(2) || (x)) && (tlmutOn(3) || (y))
//	x || y                 → (!tlmutOn(4) && (x)) || (!tlmutOn(5) && (y))
//
// The operand keeps parentheses of its own: in a || b || c, the left
// operand is a || b, and !tlmutOn(4) && a || b would drop only a.
//
// and, with no mutant selected, every condition evaluates as written,
// short-circuits included.
func schema(dir string) (*schemaPkg, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	p := &schemaPkg{dir: dir, files: map[string][]byte{}}
	pkgName := ""
	id := 0
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
		if err != nil {
			return nil, err
		}
		pkgName = f.Name.Name
		off := func(pos token.Pos) int { return fset.Position(pos).Offset }
		text := func(n ast.Node) string { return string(src[off(n.Pos()):off(n.End())]) }
		var wraps []wrap
		add := func(n ast.Node, open, close, what string) {
			id++
			wraps = append(wraps, wrap{off(n.Pos()), off(n.End()), fmt.Sprintf(open, id), close, id})
			p.mutants = append(p.mutants, &mutant{ID: id, Pkg: dir, File: name, Line: fset.Position(n.Pos()).Line, What: what})
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.IfStmt:
				add(n.Cond, "tlmutIf(%d, ", ")", "if "+oneLine(text(n.Cond))+" negated")
			case *ast.BinaryExpr:
				whole := oneLine(text(n))
				switch n.Op {
				case token.LAND:
					add(n.Y, "(tlmutOn(%d) || (", "))", whole+" without its right operand")
					add(n.X, "(tlmutOn(%d) || (", "))", whole+" without its left operand")
				case token.LOR:
					add(n.Y, "(!tlmutOn(%d) && (", "))", whole+" without its right operand")
					add(n.X, "(!tlmutOn(%d) && (", "))", whole+" without its left operand")
				}
			}
			return true
		})
		p.files[name] = apply(src, wraps)
	}
	if pkgName == "" {
		return nil, fmt.Errorf("%s: no Go files", dir)
	}
	p.files[filepath.Join(dir, "tlmut_schema.go")] = []byte(fmt.Sprintf(`package %s

import (
	"os"
	"strconv"
)

var tlmutActive, _ = strconv.Atoi(os.Getenv(%q))

func tlmutOn(id int) bool { return id == tlmutActive }

func tlmutIf(id int, c bool) bool { return c != (id == tlmutActive) }
`, pkgName, envVar))
	return p, nil
}

// apply inserts the wraps' texts. At one offset, closings come before
// openings, the inner range closes first and the outer range opens first.
func apply(src []byte, wraps []wrap) []byte {
	type insert struct {
		at, kind, span, id int // kind 0 closes, 1 opens
		text               string
	}
	var ins []insert
	for _, w := range wraps {
		ins = append(ins, insert{w.start, 1, w.end - w.start, w.id, w.open}, insert{w.end, 0, w.end - w.start, w.id, w.close})
	}
	sort.Slice(ins, func(i, j int) bool {
		a, b := ins[i], ins[j]
		switch {
		case a.at != b.at:
			return a.at < b.at
		case a.kind != b.kind:
			return a.kind < b.kind
		case a.span != b.span:
			if a.kind == 1 {
				return a.span > b.span
			}
			return a.span < b.span
		case a.kind == 1:
			return a.id < b.id
		}
		return a.id > b.id
	})
	var out []byte
	last := 0
	for _, in := range ins {
		out = append(out, src[last:in.at]...)
		out = append(out, in.text...)
		last = in.at
	}
	return append(out, src[last:]...)
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 100 {
		s = s[:97] + "..."
	}
	return s
}
