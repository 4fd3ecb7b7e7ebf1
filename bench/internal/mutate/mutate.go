// Package mutate seeds known tracing defects into a scratch copy of a Go
// module, so that the benchmark can measure tracelint's recall: how many of
// the seeded defects it reports, at the right line and under the right rule.
//
// Each kind of defect is one small textual edit of a site that is correct
// before the edit (a span ended on every path, a context passed on): the
// rewritten module still compiles, and the only new defect in a function is
// the seeded one. Sites are chosen from the type-checked syntax, at most one
// per function, the first eligible one in source order.
package mutate

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/packages"

	"github.com/tracelint/tracelint/analyzers/ctxpropagation"
	"github.com/tracelint/tracelint/internal/memo"
)

// Kind names one kind of seeded defect.
type Kind string

// The kinds of seeded defects, with the rules that report them.
const (
	// DropEnd removes a span's End call (TL201).
	DropEnd Kind = "drop-end"
	// BackgroundContext replaces a context argument by context.Background() (TL101).
	BackgroundContext Kind = "background-context"
	// DiscardStartCtx discards the context a span start returns (TL103).
	DiscardStartCtx Kind = "discard-start-ctx"
	// NonContextVariant replaces XContext(ctx, args...) by X(args...) (TL102).
	NonContextVariant Kind = "non-context-variant"
	// MisspellKey misspells a semantic-convention attribute key (TL301).
	MisspellKey Kind = "misspell-key"
	// RecordEmail records an e-mail address as a span attribute (TL402).
	RecordEmail Kind = "record-email"
	// ErrorEmail records an error whose message holds an e-mail address (TL403).
	ErrorEmail Kind = "error-email"
)

// Kinds lists every kind, in the order above.
var Kinds = []Kind{DropEnd, BackgroundContext, DiscardStartCtx, NonContextVariant, MisspellKey, RecordEmail, ErrorEmail}

// Mutation is one seeded defect.
type Mutation struct {
	Kind Kind
	// File is the slash path of the edited file, relative to the module root.
	File string
	// Line is where tracelint is expected to report the defect, counted
	// after all edits of the run were applied.
	Line int
	// Func is the function the defect is in: "(*Server).Check", "handle";
	// a function literal counts as the declaration it is written in.
	Func string
	// Rules are the rule IDs any of which counts as finding the defect.
	Rules []string
	// Note says what was changed, e.g. `span.End() -> _ = span`.
	Note string
}

// Seed loads the packages of the module at dir (non-test files, default
// build tags), picks at most one site of the given kind in each function (the
// first eligible one in source order), rewrites the files in place and
// returns the mutations, ordered by file, then line. At most limit mutations
// are made; 0 means no limit.
//
// Generated files, files under testdata or vendor, the functions main and
// init, and packages that do not type-check are left alone. The rewritten
// module still compiles.
func Seed(dir string, kind Kind, limit int) ([]Mutation, error) {
	if !slices.Contains(Kinds, kind) {
		return nil, fmt.Errorf("mutate: unknown kind %q", kind)
	}
	if limit < 0 {
		return nil, fmt.Errorf("mutate: negative limit %d", limit)
	}
	root, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
			packages.NeedSyntax | packages.NeedTypes | packages.NeedTypesInfo,
		Dir: root,
	}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		return nil, fmt.Errorf("mutate: loading %s: %w", root, err)
	}
	slices.SortFunc(pkgs, func(a, b *packages.Package) int { return strings.Compare(a.PkgPath, b.PkgPath) })

	var sites []*site
	cache := memo.New()
	for _, pkg := range pkgs {
		if len(pkg.Errors) > 0 || pkg.IllTyped || pkg.Types == nil || pkg.TypesInfo == nil {
			continue // skipped, not fatal: the rest of the module is still worth seeding
		}
		p := newPackage(pkg, cache)
		for _, syntax := range pkg.Syntax {
			f, err := p.file(root, syntax)
			if err != nil {
				return nil, err
			}
			if f == nil {
				continue
			}
			sites = append(sites, f.seed(kind)...)
		}
	}
	slices.SortStableFunc(sites, func(a, b *site) int {
		if c := strings.Compare(a.file.rel, b.file.rel); c != 0 {
			return c
		}
		return a.anchor - b.anchor
	})
	if limit > 0 && len(sites) > limit {
		sites = sites[:limit]
	}
	return apply(sites)
}

// pkg is a loaded package and what the sites of all its files share.
type pkg struct {
	*packages.Package
	attrReachable int // 0: not computed, 1: yes, -1: no
	semconvKeys   map[string]bool
	memo          *memo.Cache // the module sources ctxpropagation.ReadsContext reads
}

func newPackage(p *packages.Package, cache *memo.Cache) *pkg { return &pkg{Package: p, memo: cache} }

// file is one source file that may receive sites.
type file struct {
	pkg    *pkg
	syntax *ast.File
	tf     *token.File
	path   string // absolute
	rel    string // slash path relative to the module root
	src    []byte
	mode   os.FileMode
	root   inspector.Cursor
	// pkgUses counts the remaining uses of each imported package name in
	// the file, so that no edit removes the last one.
	pkgUses map[*types.PkgName]int
}

// file returns the file of syntax when sites may be seeded in it, or nil.
func (p *pkg) file(root string, syntax *ast.File) (*file, error) {
	tf := p.Fset.File(syntax.FileStart)
	if tf == nil {
		return nil, nil
	}
	path := tf.Name()
	rel, ok := relPath(root, path)
	if !ok {
		return nil, nil // e.g. a cgo-generated file in the build cache
	}
	if strings.HasSuffix(rel, "_test.go") || !strings.HasSuffix(rel, ".go") || ast.IsGenerated(syntax) {
		return nil, nil
	}
	for _, dir := range strings.Split(rel, "/") {
		if dir == "testdata" || dir == "vendor" {
			return nil, nil
		}
	}
	for _, imp := range syntax.Imports {
		if imp.Path.Value == `"C"` {
			return nil, nil // cgo: the syntax is not the file's own
		}
	}
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(src) != tf.Size() {
		return nil, nil // changed since it was loaded
	}
	f := &file{
		pkg:     p,
		syntax:  syntax,
		tf:      tf,
		path:    path,
		rel:     rel,
		src:     src,
		mode:    info.Mode().Perm(),
		root:    inspector.New([]*ast.File{syntax}).Root(),
		pkgUses: make(map[*types.PkgName]int),
	}
	ast.Inspect(syntax, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if pn, ok := p.TypesInfo.Uses[id].(*types.PkgName); ok {
				f.pkgUses[pn]++
			}
		}
		return true
	})
	return f, nil
}

// relPath returns path relative to root, as a slash path, when it lies
// inside root, also when one of them is reached through a symbolic link.
func relPath(root, path string) (string, bool) {
	if rel, err := filepath.Rel(root, path); err == nil && filepath.IsLocal(rel) {
		return filepath.ToSlash(rel), true
	}
	realRoot, err1 := filepath.EvalSymlinks(root)
	realPath, err2 := filepath.EvalSymlinks(path)
	if err1 != nil || err2 != nil {
		return "", false
	}
	if rel, err := filepath.Rel(realRoot, realPath); err == nil && filepath.IsLocal(rel) {
		return filepath.ToSlash(rel), true
	}
	return "", false
}

// unit is a function that receives at most one site: a declaration with
// every function literal in it, or a function literal at package level.
type unit struct {
	cur  inspector.Cursor // the *ast.FuncDecl or *ast.FuncLit
	name string
}

// seed returns the sites of kind in f, at most one per function.
func (f *file) seed(kind Kind) []*site {
	find := map[Kind]func(unit) *site{
		DropEnd:           f.dropEnd,
		BackgroundContext: f.backgroundContext,
		DiscardStartCtx:   f.discardStartCtx,
		NonContextVariant: f.nonContextVariant,
		MisspellKey:       f.misspellKey,
		RecordEmail:       f.recordEmail,
		ErrorEmail:        f.errorEmail,
	}[kind]
	switch kind {
	case BackgroundContext, DiscardStartCtx, NonContextVariant:
		if ctxpropagation.IsTestScaffold(f.pkg.PkgPath, f.pkg.Syntax, f.pkg.Fset) {
			return nil // outside ctxpropagation's default scope
		}
		if kind != DiscardStartCtx && ctxpropagation.IsCommandPackage(f.pkg.Types) {
			return nil // a command's context is the process's: no trace to lose
		}
	}
	var out []*site
	for _, u := range f.units() {
		if s := find(u); s != nil {
			s.m.Kind, s.m.File, s.m.Func = kind, f.rel, u.name
			out = append(out, s)
		}
	}
	return out
}

// units returns the functions of f in source order, without main and init.
func (f *file) units() []unit {
	var units []unit
	for cur := range f.root.Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.FuncDecl:
			if n.Body == nil || n.Recv == nil && (n.Name.Name == "main" || n.Name.Name == "init") {
				continue
			}
			units = append(units, unit{cur, funcName(n)})
		case *ast.FuncLit:
			if _, inFunc := enclosingFunc(cur.Parent()); inFunc {
				continue // part of its declaration's unit
			}
			units = append(units, unit{cur, f.litName(cur)})
		}
	}
	return units
}

// funcName names a declared function: "handle", "(*Server).Check",
// "Server.Check".
func funcName(decl *ast.FuncDecl) string {
	if decl.Recv == nil || len(decl.Recv.List) == 0 {
		return decl.Name.Name
	}
	t := decl.Recv.List[0].Type
	star := false
	if s, ok := t.(*ast.StarExpr); ok {
		t, star = s.X, true
	}
	switch x := t.(type) { // drop type parameters: (*List[T]).Push is (*List).Push
	case *ast.IndexExpr:
		t = x.X
	case *ast.IndexListExpr:
		t = x.X
	}
	name := types.ExprString(t)
	if star {
		return "(*" + name + ")." + decl.Name.Name
	}
	return name + "." + decl.Name.Name
}

// litName names a function literal at package level after the variable it
// initialises ("handler"), or by its line when it has none.
func (f *file) litName(cur inspector.Cursor) string {
	for anc := range cur.Enclosing((*ast.ValueSpec)(nil)) {
		spec := anc.Node().(*ast.ValueSpec)
		for i, v := range spec.Values {
			if i < len(spec.Names) && v.Pos() <= cur.Node().Pos() && cur.Node().End() <= v.End() {
				return spec.Names[i].Name
			}
		}
	}
	return "func@" + strconv.Itoa(f.tf.Line(cur.Node().Pos()))
}

// enclosingFunc returns the innermost function declaration or literal
// around cur, cur included.
func enclosingFunc(cur inspector.Cursor) (inspector.Cursor, bool) {
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return fc, true
	}
	return inspector.Cursor{}, false
}

// funcBody returns the body of a function declaration or literal.
func funcBody(n ast.Node) *ast.BlockStmt {
	switch n := n.(type) {
	case *ast.FuncDecl:
		return n.Body
	case *ast.FuncLit:
		return n.Body
	}
	return nil
}
