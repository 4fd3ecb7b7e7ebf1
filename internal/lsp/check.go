package lsp

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"slices"
	"strings"
	"unicode/utf16"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	tlfinding "github.com/tracelint/tracelint/internal/finding"
	"github.com/tracelint/tracelint/internal/suppress"
)

// loadMode is what the analyzers need: syntax and types of the package,
// export data of its dependencies.
const loadMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedTypes | packages.NeedTypesSizes |
	packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedModule

// result is what one analysis of a package directory found, by file.
type result struct {
	files    map[string][]finding // every Go file of the package, even without findings
	problems []string             // configuration or type errors, for the log
}

// finding is one diagnostic, converted for the protocol, with the fixes
// offered as code actions.
type finding struct {
	diag     diagnostic
	fixes    []fix
	silencer *edit // the //nolint edit; nil for errors that are no rule's
}

// fix is a suggested fix as edits by file.
type fix struct {
	title string
	edits map[string][]edit
}

// edit replaces the text between two positions.
type edit struct {
	from, to position
	text     string
}

// position is a zero-based line and UTF-16 column, as the protocol counts.
type position struct{ line, col uint32 }

// diagnostic is a finding in protocol terms.
type diagnostic struct {
	file     string
	from, to position
	rule     string // the rule ID, or "" for a load error
	url      string
	message  string
	related  []related
}

type related struct {
	file     string
	from, to position
	message  string
}

// readingOverlay returns copies of analyzers whose passes read the open
// buffers of overlay() before the files on disk: the checker's own
// Pass.ReadFile reads the disk only, and spanend reads a file to place its
// fix.
func readingOverlay(analyzers []*analysis.Analyzer, overlay func() map[string][]byte) []*analysis.Analyzer {
	out := make([]*analysis.Analyzer, len(analyzers))
	for i, a := range analyzers {
		c := *a
		c.Run = func(pass *analysis.Pass) (any, error) {
			disk := pass.ReadFile
			buffers := overlay()
			pass.ReadFile = func(name string) ([]byte, error) {
				if b, ok := buffers[name]; ok {
					return b, nil
				}
				return disk(name)
			}
			return a.Run(pass)
		}
		out[i] = &c
	}
	return out
}

// load loads the package in dir, its tests included, with the unsaved
// buffers in overlay.
//
// An overlay given to go/packages makes it type-check every dependency
// from source, not from export data (six seconds instead of under one on a
// package of openfga). While the buffers import what their files on disk
// import, the package's file list and dependencies are those on disk, so
// load parses the buffers in place of the files instead, which keeps export
// data for the dependencies; only a buffer with other imports, or without a
// file, goes to go/packages as an overlay.
func load(dir string, overlay map[string][]byte) ([]*packages.Package, error) {
	cfg := &packages.Config{Mode: loadMode, Dir: dir, Tests: true}
	if len(overlay) > 0 {
		if sameImports(overlay) {
			cfg.ParseFile = func(fset *token.FileSet, name string, src []byte) (*ast.File, error) {
				if b, ok := overlay[name]; ok {
					src = b
				}
				return parser.ParseFile(fset, name, src, parser.AllErrors|parser.ParseComments|parser.SkipObjectResolution)
			}
		} else {
			cfg.Overlay = overlay
		}
	}
	return packages.Load(cfg, ".")
}

// sameImports reports whether every buffer has a file on disk that
// imports the same packages.
func sameImports(buffers map[string][]byte) bool {
	for name, text := range buffers {
		disk, err := os.ReadFile(name)
		if err != nil {
			return false
		}
		a, errA := importsOf(name, text)
		b, errB := importsOf(name, disk)
		if errA != nil || errB != nil || !slices.Equal(a, b) {
			return false
		}
	}
	return true
}

// importsOf returns the sorted import paths of a Go file's text.
func importsOf(name string, src []byte) ([]string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.ImportsOnly|parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	var paths []string
	for _, imp := range f.Imports {
		paths = append(paths, imp.Path.Value)
	}
	slices.Sort(paths)
	return paths, nil
}

// check analyses the package in dir and returns its findings by file.
func check(analyzers []*analysis.Analyzer, dir string, overlay map[string][]byte) *result {
	res := &result{files: make(map[string][]finding)}
	pkgs, err := load(dir, overlay)
	if err != nil {
		res.problems = append(res.problems, err.Error())
		return res
	}
	texts := newTexts(overlay)
	var clean []*packages.Package
	for _, p := range pkgs {
		for _, f := range p.CompiledGoFiles {
			if _, ok := res.files[f]; !ok {
				res.files[f] = nil
			}
		}
		if len(p.Errors) == 0 {
			clean = append(clean, p)
			continue
		}
		// Test variants repeat their package's errors: report them once.
		if !strings.HasSuffix(p.ID, ".test]") && !strings.HasSuffix(p.ID, ".test") {
			res.addErrors(p, texts)
		}
	}
	if len(clean) == 0 {
		return res
	}
	graph, err := checker.Analyze(analyzers, clean, nil)
	if err != nil {
		res.problems = append(res.problems, err.Error())
		return res
	}
	seen := make(map[string]bool)
	directives := make(map[*ast.File]*suppress.Directives) // read once per file, for every analyzer
	for act := range graph.All() {
		if !act.IsRoot {
			continue
		}
		if act.Err != nil {
			res.addProblem(act.Package, fmt.Sprintf("%s: %v", act.Analyzer.Name, act.Err), texts, nil)
			continue
		}
		for _, d := range act.Diagnostics {
			res.addDiagnostic(act, d, texts, seen, directives)
		}
	}
	for name, fs := range res.files {
		slices.SortFunc(fs, func(a, b finding) int {
			return cmp.Or(cmp.Compare(a.diag.from.line, b.diag.from.line),
				cmp.Compare(a.diag.from.col, b.diag.from.col),
				strings.Compare(a.diag.rule, b.diag.rule))
		})
		res.files[name] = fs
	}
	return res
}

// addDiagnostic converts d, reported by act, unless a test variant
// already reported it or a //nolint directive silences it.
func (r *result) addDiagnostic(act *checker.Action, d analysis.Diagnostic, texts *texts, seen map[string]bool, directives map[*ast.File]*suppress.Directives) {
	fset := act.Package.Fset
	start := fset.Position(d.Pos)
	if start.Filename == "" {
		return
	}
	key := fmt.Sprintf("%s:%d:%s:%s", start.Filename, start.Offset, d.Category, d.Message)
	if seen[key] {
		return
	}
	seen[key] = true
	file := fileOf(act.Package, d.Pos)
	if file != nil {
		dirs := directives[file]
		if dirs == nil {
			dirs = suppress.Read(fset, file)
			directives[file] = dirs
		}
		if dirs.Silenced(d.Pos, act.Analyzer.Name, d.Category) {
			return
		}
	}
	end := d.End
	if !end.IsValid() {
		end = d.Pos
	}
	from, to := texts.span(fset, d.Pos, end)
	f := finding{diag: diagnostic{
		file: start.Filename, from: from, to: to,
		rule: d.Category, url: d.URL, message: d.Message,
	}}
	for _, rel := range d.Related {
		rp := fset.Position(rel.Pos)
		rEnd := rel.End
		if !rEnd.IsValid() {
			rEnd = rel.Pos
		}
		rf, rt := texts.span(fset, rel.Pos, rEnd)
		f.diag.related = append(f.diag.related, related{file: rp.Filename, from: rf, to: rt, message: rel.Message})
	}
	for _, sf := range d.SuggestedFixes {
		fx := fix{title: sf.Message, edits: make(map[string][]edit)}
		for _, te := range sf.TextEdits {
			name := fset.Position(te.Pos).Filename
			teEnd := te.End
			if !teEnd.IsValid() {
				teEnd = te.Pos
			}
			ef, et := texts.span(fset, te.Pos, teEnd)
			fx.edits[name] = append(fx.edits[name], edit{ef, et, string(te.NewText)})
		}
		f.fixes = append(f.fixes, fx)
	}
	if file != nil && d.Category != "" {
		if src := texts.get(start.Filename); src != nil {
			pos, text := suppress.Insertion(fset, file, src, start.Line, d.Category)
			at, _ := texts.span(fset, pos, pos)
			f.silencer = &edit{at, at, text}
		}
	}
	r.files[start.Filename] = append(r.files[start.Filename], f)
}

// addErrors reports the load and type errors of p as one diagnostic on
// each file of the package, at the file's first error when it has one: the
// findings wait until the package type-checks.
func (r *result) addErrors(p *packages.Package, texts *texts) {
	var lines []string
	at := make(map[string]int)
	for _, e := range p.Errors {
		lines = append(lines, e.Error())
		if file, line, _, ok := tlfinding.ParsePos(e.Pos); ok && at[file] == 0 {
			at[file] = line
		}
	}
	if len(lines) > 5 {
		lines = append(lines[:5], fmt.Sprintf("and %d more", len(lines)-5))
	}
	r.addProblem(p, "tracelint cannot check this package until it type-checks:\n"+strings.Join(lines, "\n"), texts, at)
}

// addProblem reports msg on every file of p, on the line at gives the file
// or else the first, and keeps it for the log.
func (r *result) addProblem(p *packages.Package, msg string, texts *texts, at map[string]int) {
	r.problems = append(r.problems, msg)
	for _, file := range p.CompiledGoFiles {
		if fs := r.files[file]; len(fs) > 0 && fs[len(fs)-1].diag.rule == "" {
			continue // one problem per file is enough
		}
		line := max(at[file], 1)
		r.files[file] = append(r.files[file], finding{diag: diagnostic{
			file:    file,
			from:    position{line: uint32(line - 1)},
			to:      position{line: uint32(line - 1), col: utf16Len(texts.line(file, line))},
			message: msg,
		}})
	}
}

// fileOf returns the syntax tree of p that holds pos.
func fileOf(p *packages.Package, pos token.Pos) *ast.File {
	for _, f := range p.Syntax {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// texts reads file contents, open buffers first, for converting byte
// columns to the UTF-16 columns of the protocol.
type texts struct {
	overlay map[string][]byte
	read    map[string][]byte
	lines   map[string][]string
}

func newTexts(overlay map[string][]byte) *texts {
	return &texts{overlay: overlay, read: make(map[string][]byte), lines: make(map[string][]string)}
}

// get returns the text of the named file, nil when it cannot be read.
func (t *texts) get(name string) []byte {
	if b, ok := t.overlay[name]; ok {
		return b
	}
	b, ok := t.read[name]
	if !ok {
		b, _ = os.ReadFile(name)
		t.read[name] = b
	}
	return b
}

// line returns the text of the 1-based line of file.
func (t *texts) line(name string, line int) string {
	lines, ok := t.lines[name]
	if !ok {
		lines = strings.Split(string(t.get(name)), "\n")
		t.lines[name] = lines
	}
	if line < 1 || line > len(lines) {
		return ""
	}
	return lines[line-1]
}

// span converts two token positions to protocol positions.
func (t *texts) span(fset *token.FileSet, from, to token.Pos) (position, position) {
	return t.position(fset.Position(from)), t.position(fset.Position(to))
}

// position converts a token position (1-based line, byte column) to a
// protocol one (0-based line, UTF-16 column).
func (t *texts) position(p token.Position) position {
	if p.Line < 1 {
		return position{}
	}
	text := t.line(p.Filename, p.Line)
	col := min(max(p.Column-1, 0), len(text))
	return position{line: uint32(p.Line - 1), col: utf16Len(text[:col])}
}

// utf16Len is the length of s in UTF-16 code units.
func utf16Len(s string) uint32 {
	n := uint32(0)
	for _, r := range s {
		n += uint32(max(utf16.RuneLen(r), 1)) // an invalid rune is written as U+FFFD
	}
	return n
}
