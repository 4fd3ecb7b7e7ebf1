package driver

import (
	"fmt"
	"go/ast"
	"go/token"
	"os"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/tracelint/tracelint/internal/finding"
	"github.com/tracelint/tracelint/internal/report"
)

// item is a finding with what the JSON output and the //nolint check need.
type item struct {
	finding.Finding
	// pkgID is the ID of the package (or test variant) it was found in,
	// the key of the JSON output.
	pkgID string
	// seq is its place among its analyzer's diagnostics on that package:
	// the JSON output lists them in the analyzer's order.
	seq int
	// file is the file it is in, when that is a file of a checked package;
	// line is its line there, not adjusted by //line directives.
	file *fileInfo
	line int
}

// fileInfo is a Go file of a checked package.
type fileInfo struct {
	name      string // absolute
	fset      *token.FileSet
	syntax    *ast.File // from the first package that holds it
	pkg       *packages.Package
	size      int // when it was parsed
	generated bool
}

// analysisError is an analyzer that failed on a package.
type analysisError struct {
	pkgID, analyzer, msg string
}

// result is what the analysis found, before any //nolint is applied.
type result struct {
	loaded *loaded
	items  []*item
	errs   []analysisError
	files  map[string]*fileInfo // by absolute name
	order  []*fileInfo          // in the order the packages name them
	src    map[string][]byte    // file contents read, by absolute name
}

// analyze runs the selected analyzers on the packages that type-check and
// converts their diagnostics, each once: a file of a package and of its
// test variant yields every diagnostic twice.
func (r *run) analyze(l *loaded) (*result, error) {
	res := &result{loaded: l, files: make(map[string]*fileInfo), src: make(map[string][]byte)}
	for _, p := range l.clean {
		for _, f := range p.Syntax {
			tf := p.Fset.File(f.FileStart)
			if tf == nil || res.files[tf.Name()] != nil {
				continue
			}
			fi := &fileInfo{name: tf.Name(), fset: p.Fset, syntax: f, pkg: p, size: tf.Size(), generated: ast.IsGenerated(f)}
			res.files[fi.name] = fi
			res.order = append(res.order, fi)
		}
	}
	if len(l.clean) == 0 || len(r.opts.analyzers) == 0 {
		return res, nil
	}
	graph, err := checker.Analyze(r.opts.analyzers, l.clean, &checker.Options{
		Sequential:  strings.Contains(r.opts.debug, "p"),
		SanityCheck: strings.Contains(r.opts.debug, "s"),
	})
	if err != nil {
		return nil, err
	}
	type key struct {
		a *analysis.Analyzer
		p *packages.Package
	}
	actions := make(map[key]*checker.Action)
	for _, act := range graph.Roots {
		actions[key{act.Analyzer, act.Package}] = act
	}
	seen := make(map[string]bool)
	for _, p := range l.clean {
		for _, a := range r.opts.analyzers {
			act := actions[key{a, p}]
			if act == nil {
				continue
			}
			if act.Err != nil {
				res.errs = append(res.errs, analysisError{p.ID, a.Name, act.Err.Error()})
				continue
			}
			for i, d := range act.Diagnostics {
				it := r.convert(res, act, d)
				it.seq = i
				k := fmt.Sprintf("%s:%d:%d:%d:%d:%s:%s", it.Pos.File, it.Pos.Line, it.Pos.Column, it.End.Line, it.End.Column, a.Name, d.Message)
				if seen[k] {
					continue
				}
				seen[k] = true
				res.items = append(res.items, it)
			}
		}
	}
	return res, nil
}

// convert converts a diagnostic of act.
func (r *run) convert(res *result, act *checker.Action, d analysis.Diagnostic) *item {
	fset := act.Package.Fset
	end := d.End
	if !end.IsValid() {
		end = d.Pos
	}
	it := &item{
		Finding: finding.Finding{
			Rule:     d.Category,
			Analyzer: act.Analyzer.Name,
			Package:  act.Package.PkgPath,
			Pos:      r.position(fset, d.Pos, true),
			End:      r.position(fset, end, true),
			Message:  d.Message,
			URL:      d.URL,
		},
		pkgID: act.Package.ID,
	}
	if tf := fset.File(d.Pos); tf != nil {
		it.file = res.files[tf.Name()]
		it.line = fset.PositionFor(d.Pos, false).Line
	}
	for _, rel := range d.Related {
		relEnd := rel.End
		if !relEnd.IsValid() {
			relEnd = rel.Pos
		}
		it.Related = append(it.Related, finding.Related{
			Pos: r.position(fset, rel.Pos, true), End: r.position(fset, relEnd, true), Message: rel.Message,
		})
	}
	for _, sf := range d.SuggestedFixes {
		fix := finding.Fix{Message: sf.Message}
		for _, te := range sf.TextEdits {
			teEnd := te.End
			if !teEnd.IsValid() {
				teEnd = te.Pos
			}
			// Edits apply to the file itself, whatever //line says.
			fix.Edits = append(fix.Edits, finding.Edit{
				Pos: r.position(fset, te.Pos, false), End: r.position(fset, teEnd, false), NewText: string(te.NewText),
			})
		}
		it.Fixes = append(it.Fixes, fix)
	}
	for _, f := range act.Package.Syntax {
		if f.FileStart <= d.Pos && d.Pos <= f.FileEnd {
			it.Func = enclosingFunc(f, d.Pos)
			break
		}
	}
	it.LineText = finding.LineText(res.read(r.paths.Abs(it.Pos.File)), it.Pos.Offset)
	return it
}

// position converts pos, as //line directives adjust it or not.
func (r *run) position(fset *token.FileSet, pos token.Pos, adjusted bool) finding.Position {
	if !pos.IsValid() {
		return finding.Position{}
	}
	p := fset.PositionFor(pos, adjusted)
	if adjusted && p.Filename != fset.PositionFor(pos, false).Filename {
		// A //line directive names another file (cgo's generated files
		// name the user's): the offset in it is unknown.
		return finding.Position{File: r.paths.Rel(p.Filename), Line: p.Line, Column: p.Column, Offset: -1}
	}
	return finding.Position{File: r.paths.Rel(p.Filename), Line: p.Line, Column: p.Column, Offset: p.Offset}
}

// read returns the contents of the named file, nil when it cannot be
// read, reading each file once.
func (res *result) read(name string) []byte {
	b, ok := res.src[name]
	if !ok {
		b, _ = os.ReadFile(name)
		res.src[name] = b
	}
	return b
}

// enclosingFunc names the top-level function or method of f that holds
// pos: "Handle", "(*Server).Get", "Server.Name"; "" outside any.
func enclosingFunc(f *ast.File, pos token.Pos) string {
	for _, decl := range f.Decls {
		fn, ok := decl.(*ast.FuncDecl)
		if !ok || pos < fn.Pos() || pos >= fn.End() {
			continue
		}
		if fn.Recv == nil || len(fn.Recv.List) == 0 {
			return fn.Name.Name
		}
		typ := fn.Recv.List[0].Type
		star := ""
		if s, ok := typ.(*ast.StarExpr); ok {
			star, typ = "*", s.X
		}
		// A generic receiver, Server[T], is named without its parameters.
		switch t := typ.(type) {
		case *ast.IndexExpr:
			typ = t.X
		case *ast.IndexListExpr:
			typ = t.X
		}
		name := "?"
		if id, ok := typ.(*ast.Ident); ok {
			name = id.Name
		}
		if star != "" {
			return "(*" + name + ")." + fn.Name.Name
		}
		return name + "." + fn.Name.Name
	}
	return ""
}

// internalError reports whether f is an analyzer's report of its own
// failure.
func internalError(f *finding.Finding) bool { return f.Rule == report.InternalErrorCategory }
