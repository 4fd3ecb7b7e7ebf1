package ctxpropagation

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/memo"
	"github.com/tracelint/tracelint/internal/modsource"
	"github.com/tracelint/tracelint/internal/otelapi"
	"github.com/tracelint/tracelint/internal/report"
	"github.com/tracelint/tracelint/internal/rules"
)

var doc = rules.AnalyzerDoc("check that the request's context is passed on",
	`ctxpropagation checks that a context in scope is passed on, so that
downstream spans stay in the request's trace.`, Rules)

// Analyzer checks context propagation with each package's configuration: the
// .tracelint.yml found between the package's directory and its module root,
// or the defaults; its flag -ctxpropagation.config ("config" in a nogo
// configuration's analyzer_flags) names one file for every package instead.
// It is the value nogo and other drivers that load an analyzer package
// use.
var Analyzer = New(config.NewFinder("", rules.AllIDs()))

// New returns a ctxpropagation Analyzer that takes its configuration from src,
// unless its flag -ctxpropagation.config names a file, which then applies to every
// package (see [config.FlagSource]).
func New(src config.Source) *analysis.Analyzer {
	cache := memo.For(src) // before the flag's Source wraps src and hides its Cache
	a := &analysis.Analyzer{
		Name:     "ctxpropagation",
		Doc:      doc,
		URL:      rules.DocsBase + "TL101.md",
		Requires: []*analysis.Analyzer{inspect.Analyzer},
	}
	src = config.WithFlag(&a.Flags, src, rules.AllIDs())
	a.Run = report.Guard("ctxpropagation", func(pass *analysis.Pass) (any, error) {
		return nil, run(pass, src, cache)
	})
	return a
}

func run(pass *analysis.Pass, src config.Source, cache *memo.Cache) error {
	if len(pass.Files) == 0 {
		return nil
	}
	cfg, dir, err := report.ConfigFor(pass, src)
	if err != nil {
		return err
	}
	rep := report.New(pass, cfg, Rules)
	// A package whose imports never reach context has no context to drop;
	// it may still write trace headers by hand (TL105).
	if !rep.Enabled(TL105) && !otelapi.ImportsAny(pass.Pkg, []string{"context"}) {
		return nil
	}
	c := &checker{
		pass:       pass,
		cfg:        &cfg.Ctxpropagation,
		rep:        rep,
		mod:        cache.Sources().Module(dir),
		cache:      cache,
		detach:     make(map[string]bool),
		roots:      make(map[*types.Func]*rootCreation),
		variants:   make(map[*types.Func]*variant),
		scopes:     make(map[*types.Scope][]candidate),
		kinds:      make(map[types.Type]kind),
		facts:      make(map[ast.Node]*rootFacts),
		bearing:    make(map[ast.Node]map[*types.Var]bool),
		goroutines: make(map[*types.Func]bool),
	}
	for _, name := range cfg.Ctxpropagation.DetachFuncs {
		c.detach[name] = true
	}
	if !c.cfg.Tests && IsTestScaffold(pass.Pkg.Path(), pass.Files, pass.Fset) {
		return nil
	}
	c.command = IsCommandPackage(pass.Pkg)
	c.root = pass.ResultOf[inspect.Analyzer].(*inspector.Inspector).Root()
	c.indexDecls(c.root)
	for file := range c.root.Children() {
		if !c.cfg.Tests && isTestFile(pass.Fset.File(file.Node().Pos()).Name()) {
			continue
		}
		for cur := range file.Preorder((*ast.CallExpr)(nil), (*ast.AssignStmt)(nil), (*ast.ExprStmt)(nil), (*ast.IndexExpr)(nil), (*ast.CompositeLit)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.ExprStmt:
				if c.rep.Enabled(TL106) {
					c.derivationStmt(cur, n)
				}
			case *ast.CallExpr:
				c.call(cur, n)
			case *ast.AssignStmt:
				c.assign(cur, n)
			case *ast.IndexExpr:
				c.headerIndex(cur, n)
			case *ast.CompositeLit:
				c.headerLiteral(cur, n)
			}
		}
	}
	return nil
}

// IsTestScaffold reports whether a package, by its import path and its
// files, exists to support tests: an element of its path starts with
// "test" (testutil, testfixtures, testhelpers) or is e2e, fixtures or
// mocks, or one of its non-test files imports "testing". Its roots and
// helpers serve tests, not requests, so ctxpropagation skips it unless
// ctxpropagation.tests is set.
func IsTestScaffold(path string, files []*ast.File, fset *token.FileSet) bool {
	for elem := range strings.SplitSeq(path, "/") {
		switch {
		case strings.HasPrefix(elem, "test"), elem == "e2e", elem == "fixtures", elem == "mocks":
			return true
		}
	}
	for _, f := range files {
		if isTestFile(fset.File(f.Pos()).Name()) {
			continue
		}
		for _, imp := range f.Imports {
			if imp.Path.Value == `"testing"` {
				return true
			}
		}
	}
	return false
}

// checker holds the state of one pass.
type checker struct {
	pass    *analysis.Pass
	root    inspector.Cursor
	cfg     *config.Ctxpropagation
	rep     *report.Reporter
	mod     *modsource.Module // the module's sources, read for callees in other packages
	cache   *memo.Cache
	detach  map[string]bool // cfg.DetachFuncs
	command bool            // IsCommandPackage

	decls      map[*types.Func]*ast.FuncDecl    // functions declared in this package
	results    map[*types.Var]bool              // named results, which are not received contexts
	roots      map[*types.Func]*rootCreation    // TL104 verdicts, nil when a callee creates no root
	variants   map[*types.Func]*variant         // TL102 verdicts, nil when a callee has no context variant
	scopes     map[*types.Scope][]candidate     // contexts and carriers declared in each scope
	kinds      map[types.Type]kind              // contextKind's answers
	facts      map[ast.Node]*rootFacts          // funcFacts' answers, by outermost function
	bearing    map[ast.Node]map[*types.Var]bool // bearingVars' answers, by outermost function
	goroutines map[*types.Func]bool             // onlyGoroutine's answers
}

// indexDecls records the package's function declarations and the named
// results of every function.
func (c *checker) indexDecls(root inspector.Cursor) {
	c.decls = make(map[*types.Func]*ast.FuncDecl)
	c.results = make(map[*types.Var]bool)
	for cur := range root.Preorder((*ast.FuncDecl)(nil), (*ast.FuncType)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.FuncDecl:
			if fn, ok := c.pass.TypesInfo.Defs[n.Name].(*types.Func); ok && n.Body != nil {
				c.decls[fn] = n
			}
		case *ast.FuncType:
			if n.Results == nil {
				continue
			}
			for _, field := range n.Results.List {
				for _, name := range field.Names {
					if v, ok := c.pass.TypesInfo.Defs[name].(*types.Var); ok {
						c.results[v] = true
					}
				}
			}
		}
	}
}

// call dispatches a call to the rules that look at calls.
func (c *checker) call(cur inspector.Cursor, call *ast.CallExpr) {
	fn, _ := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if fn == nil {
		return
	}
	switch {
	case otelapi.IsFreshRoot(fn):
		c.freshRoot(cur, call, fn)
		return
	case otelapi.IsStart(fn) || c.startWrapper(fn):
		c.discardedSpanContext(cur, call, fn)
	}
	if c.rep.Enabled(TL101) {
		c.lifetimeArgs(cur, call)
	}
	c.headerCall(cur, call, fn)
	if fn.Pkg() == nil || fn.Pkg().Path() == "context" {
		return
	}
	if c.rep.Enabled(TL102) {
		if v := c.variantOf(call, fn); v != nil {
			fc, _, ok := enclosingFunc(cur)
			if avail, found := c.contextAt(cur); ok && found && !c.inTest(fc) && !c.inVariant(cur, v) && !c.contextAttachedLater(cur, fn) && !c.linksSpans(cur) {
				c.missingVariant(cur, call, fn, v, avail)
			}
			return
		}
	}
	if c.rep.Enabled(TL104) && !c.receivesContext(fn.Signature()) {
		if rc := c.rootOf(fn, 0); rc != nil {
			fc, _, ok := enclosingFunc(cur)
			if avail, found := c.contextAt(cur); ok && found && !c.exemptTopLevel(fc) && !c.inDetachFunc(cur) && !c.mentionsContext(call.Args, avail) {
				c.rootCreatingCall(call, fn, rc, avail)
			}
		}
	}
}

// inTest reports whether fc lies in a test, benchmark, fuzz test or example.
func (c *checker) inTest(fc inspector.Cursor) bool {
	for dc := range fc.Enclosing((*ast.FuncDecl)(nil)) {
		return c.isTestFunc(dc.Node().(*ast.FuncDecl))
	}
	return false
}

// available is a context that code can pass at some point.
type available struct {
	v    *types.Var
	expr string // what to pass: "ctx", or "r.Context()" for a carrier
}

// contextAt returns the trace-bearing context available at cur (see
// bearingVars): the nearest such variable of type context.Context (or of a
// type that implements it) declared before cur in an enclosing scope, else
// the nearest such variable whose type has a Context() context.Context
// method, such as *http.Request. Package-level variables, receivers and
// struct fields never count, nor, inside a function literal stored as a
// callback, the contexts from outside it (callbackBoundary).
func (c *checker) contextAt(cur inspector.Cursor) (available, bool) {
	pos := cur.Node().Pos()
	inner := c.pass.Pkg.Scope().Innermost(pos)
	outer, ok := outermostFunc(cur)
	if !ok {
		return available{}, false // at package level
	}
	bearing := c.bearingVars(outer)
	boundary := callbackBoundary(cur)
	var carrier available
	var carrierScope *types.Scope // where carrier is declared
	// Up to the file's scope, whose parent is the package's: neither holds
	// a variable of the function.
	for s := inner; s != nil && s.Parent() != c.pass.Pkg.Scope(); s = s.Parent() {
		var best *types.Var
		for _, cand := range c.candidates(s) {
			if _, obj := inner.LookupParent(cand.v.Name(), pos); obj != cand.v || !bearing[cand.v] || cand.v.Pos() < boundary {
				continue // declared after pos, shadowed, carrying no trace, or outside a callback
			}
			switch {
			case !cand.carrier:
				if best == nil || cand.v.Pos() > best.Pos() {
					best = cand.v
				}
			case carrierScope == nil || carrierScope == s && cand.v.Pos() > carrier.v.Pos():
				carrier = available{v: cand.v, expr: cand.v.Name() + ".Context()"}
				carrierScope = s
			}
		}
		if best != nil {
			return available{v: best, expr: best.Name()}, true
		}
	}
	return carrier, carrier.v != nil
}

// candidate is a variable of a scope that is, or carries, a context.
type candidate struct {
	v       *types.Var
	carrier bool
}

// candidates returns the variables of scope s that are contexts or carry
// one, computing them once per scope: a scope may hold thousands of
// variables and be searched from each of its calls.
func (c *checker) candidates(s *types.Scope) []candidate {
	if cands, ok := c.scopes[s]; ok {
		return cands
	}
	var cands []candidate
	for _, name := range s.Names() {
		v, ok := s.Lookup(name).(*types.Var)
		if !ok || c.results[v] {
			continue
		}
		switch kind := c.contextKind(v.Type()); kind {
		case isContext, isCarrier:
			cands = append(cands, candidate{v: v, carrier: kind == isCarrier})
		}
	}
	c.scopes[s] = cands
	return cands
}

// kind is what a type is to context propagation.
type kind int

const (
	notContext kind = iota + 1
	isContext       // a context.Context, or a type that implements it
	isCarrier       // has a Context() context.Context method
)

// contextKind classifies t, caching the answer per type.
func (c *checker) contextKind(t types.Type) kind {
	if k := c.kinds[t]; k != 0 {
		return k
	}
	k := notContext
	switch {
	case isContextValue(t):
		k = isContext
	case c.isCarrier(t):
		k = isCarrier
	}
	c.kinds[t] = k
	return k
}

// isContextValue reports whether a value of type t can be passed as a
// context.Context: t is context.Context, or implements it (a framework
// context such as *gin.Context, or a type parameter constrained by it).
func isContextValue(t types.Type) bool {
	if otelapi.IsContext(t) {
		return true
	}
	for _, m := range []string{"Deadline", "Done", "Err", "Value"} {
		if obj, _, _ := types.LookupFieldOrMethod(t, true, nil, m); obj == nil {
			return false
		}
	}
	return isContextMethods(t)
}

// isContextMethods checks the signature behind isContextValue's method
// names: Value(any) any, enough to tell a context from a type that merely
// shares the names. A type that embeds a context and shadows Value with
// another signature (urfave/cli v1's Value(name string) interface{}) is
// not a context: passing it as one does not compile.
func isContextMethods(t types.Type) bool {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "Value")
	fn, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	sig := fn.Signature()
	return sig.Params().Len() == 1 && sig.Results().Len() == 1 &&
		isAny(sig.Params().At(0).Type()) && isAny(sig.Results().At(0).Type())
}

// isAny reports whether t is the empty interface.
func isAny(t types.Type) bool {
	i, ok := t.Underlying().(*types.Interface)
	return ok && i.Empty()
}

// isCarrier reports whether t has a Context() context.Context method, such
// as *http.Request or *cobra.Command, and is not a long-lived object such as
// a client (isLongLived); the testing types only when the configuration asks
// for them.
func (c *checker) isCarrier(t types.Type) bool {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "Context")
	fn, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	sig := fn.Signature()
	if sig.Params().Len() != 0 || sig.Results().Len() != 1 || !otelapi.IsContext(sig.Results().At(0).Type()) {
		return false
	}
	if isLongLived(t) {
		return false
	}
	return c.cfg.TestingContext || !isTestingType(t)
}

// longLivedSuffixes end the names of types whose Context method returns the
// object's lifetime context, not a request's: a *kgo.Client, a connection,
// a pool, a server.
var longLivedSuffixes = []string{"Client", "Conn", "Connection", "Pool", "Producer", "Consumer", "Server", "Manager", "Engine", "Cluster"}

// isLongLived reports whether t, or what it points to, is a named type
// whose name says it lives longer than a request (longLivedSuffixes).
func isLongLived(t types.Type) bool {
	named := namedOf(t)
	if named == nil {
		return false
	}
	for _, suffix := range longLivedSuffixes {
		if strings.HasSuffix(named.Obj().Name(), suffix) {
			return true
		}
	}
	return false
}

// isTestingType reports whether t is *testing.T, *testing.B or *testing.F
// (or testing.TB).
func isTestingType(t types.Type) bool {
	named := namedOf(t)
	return named != nil && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == "testing"
}

// namedOf returns the named type t is, or points to, or nil.
func namedOf(t types.Type) *types.Named {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	named, _ := types.Unalias(t).(*types.Named)
	return named
}

// enclosingFunc returns the innermost function (declaration or literal)
// around cur, and its body.
func enclosingFunc(cur inspector.Cursor) (inspector.Cursor, *ast.BlockStmt, bool) {
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch n := fc.Node().(type) {
		case *ast.FuncDecl:
			return fc, n.Body, n.Body != nil
		case *ast.FuncLit:
			return fc, n.Body, true
		}
	}
	return inspector.Cursor{}, nil, false
}

// funcName returns the fully qualified name of the function declared by
// decl, for matching against configured names.
func (c *checker) funcName(decl *ast.FuncDecl) string {
	if fn, ok := c.pass.TypesInfo.Defs[decl.Name].(*types.Func); ok {
		return fn.FullName()
	}
	return ""
}

// exprKey returns a key for a context expression that is the same for two
// mentions of the same value: the variable of an identifier, optionally
// followed by ".Context()" for a carrier. It returns "" for anything else.
func (c *checker) exprKey(e ast.Expr) (*types.Var, string) {
	e = ast.Unparen(e)
	switch e := e.(type) {
	case *ast.Ident:
		v, _ := c.pass.TypesInfo.Uses[e].(*types.Var)
		return v, ""
	case *ast.CallExpr:
		sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr)
		if !ok || len(e.Args) != 0 || sel.Sel.Name != "Context" {
			return nil, ""
		}
		id, ok := ast.Unparen(sel.X).(*ast.Ident)
		if !ok {
			return nil, ""
		}
		v, _ := c.pass.TypesInfo.Uses[id].(*types.Var)
		return v, ".Context()"
	}
	return nil, ""
}

// calleeText returns the source text a call's function is written as, for
// messages: "http.NewRequest", "db.Query".
func calleeText(call *ast.CallExpr) string {
	return types.ExprString(call.Fun)
}

// qualifier returns the text that qualifies names of the package a call's
// function is selected from ("context." for context.Background(), "" for a
// dot import), so that a fix can name a sibling function the same way.
func qualifier(call *ast.CallExpr) string {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if id, ok := sel.X.(*ast.Ident); ok {
			return id.Name + "."
		}
	}
	return ""
}

// isTestFile reports whether the named file is a _test.go file.
func isTestFile(name string) bool { return strings.HasSuffix(name, "_test.go") }

// mentionsContext reports whether the available context is used anywhere in
// exprs: the callee gets it in some other form, such as an option
// (New(server.WithContext(ctx))) or a field of an argument.
func (c *checker) mentionsContext(exprs []ast.Expr, avail available) bool {
	found := false
	for _, e := range exprs {
		ast.Inspect(e, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && c.pass.TypesInfo.Uses[id] == avail.v {
				found = true
			}
			return !found
		})
	}
	return found
}
