package ctxpropagation

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"go/version"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/tracelint/tracelint/internal/modsource"
	"github.com/tracelint/tracelint/internal/otelapi"
	"github.com/tracelint/tracelint/internal/report"
)

// freshRoot checks a context.Background() or context.TODO() call (TL101).
func (c *checker) freshRoot(cur inspector.Cursor, call *ast.CallExpr, fn *types.Func) {
	if !c.rep.Enabled(TL101) {
		return
	}
	fc, _, ok := enclosingFunc(cur)
	if !ok || c.exemptTopLevel(fc) || c.inDetachFunc(cur) {
		return
	}
	avail, ok := c.contextAt(cur)
	if !ok {
		if span := c.ddSpanAt(cur); span != nil && !c.deliberateRoot(cur, call) {
			c.rootBesideSpan(call, qualifier(call)+fn.Name()+"()", span)
		}
		return
	}
	if c.deliberateRoot(cur, call) {
		return
	}
	root := qualifier(call) + fn.Name() + "()"
	where := c.outlives(cur, avail)
	replacement := avail.expr
	advice := "pass " + avail.expr + " so this work stays in the request's trace"
	if where != "" {
		advice = "pass context.WithoutCancel(" + avail.expr + ") to keep the trace without the request's cancellation"
		replacement = qualifier(call) + "WithoutCancel(" + avail.expr + ")"
		if !c.fileAtLeast(call.Pos(), "go1.21") {
			replacement = ""
		}
	}
	f := report.Finding{
		Rule: TL101,
		Pos:  call.Pos(),
		End:  call.End(),
		Message: fmt.Sprintf("%s %sstarts a new trace although %q is in scope; %s",
			root, where+strings.Repeat(" ", min(len(where), 1)), avail.v.Name(), advice),
	}
	if replacement != "" {
		f.Fix = &analysis.SuggestedFix{
			Message:   "Replace with " + replacement,
			TextEdits: []analysis.TextEdit{{Pos: call.Pos(), End: call.End(), NewText: []byte(replacement)}},
		}
	}
	c.rep.Report(f)
}

// exemptTopLevel reports whether fc is the body of main or init, or lies
// anywhere in a test, benchmark, fuzz test or example (closures and subtests
// included): where a program's root contexts belong.
func (c *checker) exemptTopLevel(fc inspector.Cursor) bool {
	if decl, ok := fc.Node().(*ast.FuncDecl); ok && decl.Recv == nil {
		if decl.Name.Name == "init" || decl.Name.Name == "main" && c.pass.Pkg.Name() == "main" {
			return true
		}
	}
	return c.inTest(fc)
}

// isTestFunc reports whether decl is a test, benchmark, fuzz test or
// example of a _test.go file.
func (c *checker) isTestFunc(decl *ast.FuncDecl) bool {
	if decl.Recv != nil || !isTestFile(c.pass.Fset.Position(decl.Pos()).Filename) {
		return false
	}
	for _, prefix := range []string{"Test", "Benchmark", "Fuzz", "Example"} {
		if rest, ok := strings.CutPrefix(decl.Name.Name, prefix); ok {
			r, _ := utf8.DecodeRuneInString(rest)
			return rest == "" || !unicode.IsLower(r)
		}
	}
	return false
}

// inDetachFunc reports whether cur lies in a function the configuration
// names in detach-funcs.
func (c *checker) inDetachFunc(cur inspector.Cursor) bool {
	if len(c.detach) == 0 {
		return false
	}
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		return c.detach[c.funcName(fc.Node().(*ast.FuncDecl))]
	}
	return false
}

// deliberateRoot reports whether a fresh root at cur is deliberate:
//
//	if ctx == nil { ctx = context.Background() }          // a defensive default
//	trace.ContextWithSpanContext(context.Background(), sc) // the trace carried over
//	bg := context.Background(); ...; prop.Extract(bg, carrier)
//	tracer.Start(context.Background(), "job", trace.WithLinks(trace.LinkFromContext(ctx)))
//
// The last form is accepted for any fresh root in a function that links
// spans (trace.WithLinks, trace.LinkFromContext, span.AddLink). Roots for
// teardown (teardownRoot) and for long-lived objects (lifetimeContext) are
// deliberate too.
func (c *checker) deliberateRoot(cur inspector.Cursor, call *ast.CallExpr) bool {
	for anc := range cur.Enclosing((*ast.IfStmt)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		ifs, ok := anc.Node().(*ast.IfStmt)
		if !ok {
			break
		}
		if c.isNilContextCheck(ifs.Cond) && ifs.Body.Pos() <= call.Pos() && call.End() <= ifs.Body.End() {
			return true
		}
	}
	if c.carriedOver(cur.Parent(), call) || c.lifetimeContext(cur) || c.teardownRoot(cur) || c.setupRoot(cur) || c.markedDeliberate(cur) {
		return true
	}
	// The variable the root, or the context a context.With function
	// derives from it, is assigned to: bg := context.Background(), or
	// bg, cancel := context.WithTimeout(context.Background(), d).
	v := c.assignedTo(c.derivedFrom(cur))
	outer, _ := outermostFunc(cur)
	facts := c.funcFacts(outer)
	return facts.links || v != nil && (facts.carried[v] || c.onlySignal(outer, v) || c.storedLater(outer, v))
}

// storedLater reports whether v is kept in a struct by the function at
// outer (&Store{gcCtx: gcCtx}, s.ctx = ctx): the lifetime context of a
// long-lived object, made in a local variable first.
func (c *checker) storedLater(outer inspector.Cursor, v types.Object) bool {
	for cur := range outer.Preorder((*ast.KeyValueExpr)(nil), (*ast.AssignStmt)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.KeyValueExpr:
			if _, ok := cur.Parent().Node().(*ast.CompositeLit); ok && c.objectOf(n.Value) == v {
				return true
			}
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if _, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && i < len(n.Rhs) && c.objectOf(n.Rhs[i]) == v {
					return true
				}
			}
		}
	}
	return false
}

// onlySignal reports whether every use of v in the function at outer asks
// whether it is done (v.Done(), v.Err()): a context made as a cancellation
// signal of its own, under which no work runs.
//
//	sleepCtx, cancel := context.WithCancel(context.Background())
//	select { case <-sleepCtx.Done(): case <-time.After(d): }
func (c *checker) onlySignal(outer inspector.Cursor, v types.Object) bool {
	uses := 0
	for cur := range outer.Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		if c.pass.TypesInfo.Uses[id] != v {
			continue
		}
		sel, ok := cur.Parent().Node().(*ast.SelectorExpr)
		if !ok || sel.X != id || sel.Sel.Name != "Done" && sel.Sel.Name != "Err" {
			return false
		}
		uses++
	}
	return uses > 0
}

// linksSpans reports whether the outermost function around cur links spans
// (trace.WithLinks, trace.LinkFromContext, span.AddLink): it detached its
// work into a trace of its own on purpose, so the parent context in scope
// is not the one its calls should get (TL102).
func (c *checker) linksSpans(cur inspector.Cursor) bool {
	outer, ok := outermostFunc(cur)
	return ok && c.funcFacts(outer).links
}

// rootFacts is what deliberateRoot needs to know about a whole function.
type rootFacts struct {
	links   bool                  // it links spans
	carried map[types.Object]bool // variables passed first to a trace carrier
}

// funcFacts computes rootFacts for the outermost function at fc, once.
func (c *checker) funcFacts(fc inspector.Cursor) *rootFacts {
	if f, ok := c.facts[fc.Node()]; ok {
		return f
	}
	f := &rootFacts{carried: make(map[types.Object]bool)}
	for cc := range fc.Preorder((*ast.CallExpr)(nil)) {
		call := cc.Node().(*ast.CallExpr)
		fn, _ := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
		switch {
		case fn == nil:
		case otelapi.LinksSpans(fn):
			f.links = true
		case otelapi.CarriesTrace(fn) && len(call.Args) > 0:
			if obj := c.objectOf(call.Args[0]); obj != nil {
				f.carried[obj] = true
			}
		}
	}
	c.facts[fc.Node()] = f
	return f
}

// lifetimeContext reports whether the root at cur, or the context a
// context.With function derives from it, is stored in a struct field: the
// context of a long-lived object, which must not belong to the request that
// happened to create the object.
//
//	s.ctx, s.cancel = context.WithCancel(context.Background())
//	w := &Worker{ctx: context.Background()}
func (c *checker) lifetimeContext(cur inspector.Cursor) bool {
	expr := c.derivedFrom(cur)
	switch parent := expr.Parent().Node().(type) {
	case *ast.AssignStmt:
		for _, lhs := range parent.Lhs {
			if _, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok {
				return true
			}
		}
	case *ast.KeyValueExpr:
		_, ok := expr.Parent().Parent().Node().(*ast.CompositeLit)
		return ok
	}
	return false
}

// derivedFrom returns the cursor of the context.With call that derives a
// context from the root at cur (context.WithTimeout(context.Background(),
// d)), or cur itself.
func (c *checker) derivedFrom(cur inspector.Cursor) inspector.Cursor {
	if outer, ok := cur.Parent().Node().(*ast.CallExpr); ok && len(outer.Args) > 0 && outer.Args[0] == cur.Node() {
		if fn, _ := typeutil.Callee(c.pass.TypesInfo, outer).(*types.Func); fn != nil && isContextDerivation(fn) {
			return cur.Parent()
		}
	}
	return cur
}

// carriedOver reports whether root is the first argument of a call at
// parent that puts a span into it (trace.ContextWithSpanContext and kin, a
// propagator's Extract).
func (c *checker) carriedOver(parent inspector.Cursor, root ast.Expr) bool {
	outer, ok := parent.Node().(*ast.CallExpr)
	if !ok || len(outer.Args) == 0 || outer.Args[0] != root {
		return false
	}
	fn, _ := typeutil.Callee(c.pass.TypesInfo, outer).(*types.Func)
	return fn != nil && otelapi.CarriesTrace(fn)
}

// isNilContextCheck matches "ctx == nil" (either way round) for a context.
func (c *checker) isNilContextCheck(cond ast.Expr) bool {
	bin, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || bin.Op != token.EQL {
		return false
	}
	for _, pair := range [][2]ast.Expr{{bin.X, bin.Y}, {bin.Y, bin.X}} {
		if c.pass.TypesInfo.Types[pair[1]].IsNil() {
			if t := c.pass.TypesInfo.TypeOf(pair[0]); t != nil && isContextValue(t) {
				return true
			}
		}
	}
	return false
}

// objectOf returns the object an identifier expression denotes, or nil.
func (c *checker) objectOf(e ast.Expr) types.Object {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	return c.pass.TypesInfo.ObjectOf(id)
}

// outlives reports whether the code at cur runs after the function that
// declares the available context may have returned: in a "go" statement (its
// function literal or the arguments of its call), or in a function literal
// that is returned or given to a cleanup hook (t.Cleanup). Such work should
// keep the trace but not the request's cancellation. (A literal stored as a
// callback sees no context from outside it: see contextAt.)
func (c *checker) outlives(cur inspector.Cursor, avail available) string {
	for anc := range cur.Enclosing((*ast.GoStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		if anc.Node().Pos() < avail.v.Pos() {
			if decl, ok := anc.Node().(*ast.FuncDecl); ok && c.onlyGoroutine(decl) {
				return "in a function that only runs as a goroutine"
			}
			return "" // the context belongs to this closure or goroutine
		}
		switch n := anc.Node().(type) {
		case *ast.GoStmt:
			return "in a goroutine"
		case *ast.FuncLit:
			switch parent := anc.Parent().Node().(type) {
			case *ast.ReturnStmt:
				return "in a returned closure"
			case *ast.CallExpr:
				if parent.Fun != n && c.isTeardownCall(parent) {
					return "in a cleanup hook"
				}
			}
		case *ast.FuncDecl:
			return ""
		}
	}
	return ""
}

// fileAtLeast reports whether the file holding pos is compiled with at least
// the Go version v, so a fix may use an API that version added.
func (c *checker) fileAtLeast(pos token.Pos, v string) bool {
	f := c.fileOf(pos)
	if f == nil {
		return true
	}
	fv := c.pass.TypesInfo.FileVersions[f]
	return fv == "" || version.Compare(fv, v) >= 0
}

// rootCreation is where a function without a context parameter creates a
// root context, directly or through a callee of the same kind.
type rootCreation struct {
	pos   token.Pos // in the pass's FileSet
	where string    // "store.go:42"
	what  string    // "context.Background()", or "helper(), which calls context.Background()"
}

// maxRootDepth bounds how deep TL104 follows callees without a context
// parameter.
const maxRootDepth = 4

// rootCreatingCall checks a call, made where a context is available, to a
// function that cannot receive one and creates a root context itself (TL104).
func (c *checker) rootCreatingCall(call *ast.CallExpr, fn *types.Func, rc *rootCreation, avail available) {
	c.rep.Report(report.Finding{
		Rule: TL104,
		Pos:  call.Pos(),
		End:  call.End(),
		Message: fmt.Sprintf("%s cannot receive %q and starts a new trace itself (%s at %s); add a context.Context parameter and pass %s",
			fn.Name(), avail.v.Name(), rc.what, rc.where, avail.expr),
		Related: []analysis.RelatedInformation{{Pos: rc.pos, Message: "the root context is created here"}},
	})
}

// receivesContext reports whether a function with signature sig can be
// given a context: a parameter (or receiver) that is one or carries one.
func (c *checker) receivesContext(sig *types.Signature) bool {
	for v := range sig.Params().Variables() {
		if isContextValue(v.Type()) || c.isCarrier(v.Type()) || isTestingType(v.Type()) {
			return true // a test helper can use t.Context()
		}
	}
	return sig.Recv() != nil && (isContextValue(sig.Recv().Type()) || c.isCarrier(sig.Recv().Type()))
}

// rootOf returns where fn, a function without a context parameter, creates
// a root context, or nil. Functions of this package are read with their
// types; functions of other packages of the module from their source.
func (c *checker) rootOf(fn *types.Func, depth int) *rootCreation {
	if rc, ok := c.roots[fn]; ok {
		return rc
	}
	c.roots[fn] = nil // a recursive call creates nothing new
	var rc *rootCreation
	switch {
	case depth > maxRootDepth, c.detach[fn.FullName()], isLifecycleMethod(fn):
	case fn.Pkg() == c.pass.Pkg:
		if decl := c.decls[fn]; decl != nil {
			rc = c.typedRootOf(decl, depth)
		}
	default:
		if decl, file := c.mod.DeclFile(c.pass.Fset, fn); decl != nil {
			rc = c.sourceRootOf(decl, file, fn, depth)
		}
	}
	c.roots[fn] = rc
	return rc
}

// isLifecycleMethod reports whether fn is a Close, Stop or Shutdown method
// without parameters: its signature is set by interfaces such as io.Closer,
// and a root context there serves teardown, not a request.
func isLifecycleMethod(fn *types.Func) bool {
	switch fn.Name() {
	case "Close", "Stop", "Shutdown":
		return fn.Signature().Recv() != nil && fn.Signature().Params().Len() == 0
	}
	return false
}

// typedRootOf finds a root context created in a function of this package.
func (c *checker) typedRootOf(decl *ast.FuncDecl, depth int) *rootCreation {
	if c.exemptTopLevelDecl(decl) {
		return nil
	}
	dc, ok := c.root.FindNode(decl)
	if !ok {
		return nil
	}
	var found *rootCreation
	dc.Inspect([]ast.Node{(*ast.GoStmt)(nil), (*ast.CallExpr)(nil), (*ast.FuncLit)(nil)}, func(cc inspector.Cursor) bool {
		if found != nil {
			return false
		}
		switch n := cc.Node().(type) {
		case *ast.GoStmt:
			return false // background work the callee starts on purpose
		case *ast.FuncLit:
			return !storedLit(cc.Parent().Node(), n)
		}
		call := cc.Node().(*ast.CallExpr)
		fn, _ := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
		switch {
		case fn == nil:
		case otelapi.IsFreshRoot(fn):
			if !c.deliberateRoot(cc, call) {
				found = &rootCreation{pos: call.Pos(), where: c.where(call.Pos()), what: qualifier(call) + fn.Name() + "()"}
			}
		case fn.Pkg() != nil && fn.Pkg().Path() != "context" && !c.receivesContext(fn.Signature()):
			if inner := c.rootOf(fn, depth+1); inner != nil {
				found = &rootCreation{pos: inner.pos, where: inner.where, what: fn.Name() + "(), which calls " + rootName(inner)}
			}
		}
		return found == nil
	})
	return found
}

// exemptTopLevelDecl is exemptTopLevel for a declaration.
func (c *checker) exemptTopLevelDecl(decl *ast.FuncDecl) bool {
	dc, ok := c.root.FindNode(decl)
	return ok && c.exemptTopLevel(dc)
}

// rootName is the innermost root-creating call of rc, for messages.
func rootName(rc *rootCreation) string {
	if _, inner, ok := strings.Cut(rc.what, "which calls "); ok {
		return inner
	}
	return rc.what
}

// where formats a position of this pass as "file.go:42".
func (c *checker) where(pos token.Pos) string {
	p := c.pass.Fset.Position(pos)
	return fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
}

// sourceRootOf finds a root context created in a function of another
// package of the module, read from source without types: a call of
// context.Background or context.TODO through the file's import of
// "context", or a call of a function of the same package, without a
// context parameter, that creates one. Roots carried over into a trace, and
// every root of a function that links spans, are deliberate.
func (c *checker) sourceRootOf(decl *ast.FuncDecl, file *ast.File, fn *types.Func, depth int) *rootCreation {
	if c.detach[fn.FullName()] || (decl.Recv == nil && (decl.Name.Name == "init" || decl.Name.Name == "main")) {
		return nil
	}
	// A file that does not import context creates no root itself, but may
	// call a function of its package that does.
	ctxName := modsource.ImportName(file, "context")
	var found *rootCreation
	linked := false
	stored := storedLits(decl.Body)
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if lit, ok := n.(*ast.FuncLit); ok && stored[lit] {
			return false // runs later, on someone else's behalf
		}
		if _, ok := n.(*ast.GoStmt); ok {
			return false // background work started on purpose
		}
		call, ok := n.(*ast.CallExpr)
		if !ok || linked {
			return !linked
		}
		switch callee := ast.Unparen(call.Fun).(type) {
		case *ast.SelectorExpr:
			switch otelapi.RoleOfName(callee.Sel.Name) {
			case otelapi.LinksRole:
				linked = true
			case otelapi.CarriesRole:
				return false // a root in its arguments is carried over
			case otelapi.FreshRootRole:
				if id, ok := callee.X.(*ast.Ident); ok && id.Name == ctxName && found == nil {
					found = c.sourceRoot(call.Pos(), ctxName+"."+callee.Sel.Name+"()")
				}
			}
		case *ast.Ident:
			if found != nil || depth >= maxRootDepth {
				break
			}
			sib, sibFile := c.mod.Sibling(c.mod.Position(decl.Pos()).Filename, callee.Name)
			if sib == nil || sib == decl || takesContextSyntax(sib, sibFile) {
				break
			}
			if inner := c.sourceRootOf(sib, sibFile, fn, depth+1); inner != nil {
				found = &rootCreation{pos: inner.pos, where: inner.where, what: callee.Name + "(), which calls " + rootName(inner)}
			}
		}
		return true
	})
	if linked {
		return nil
	}
	return found
}

// sourceRoot builds a rootCreation at pos, a position of a file parsed by
// modsource.
func (c *checker) sourceRoot(pos token.Pos, what string) *rootCreation {
	p := c.mod.Position(pos)
	return &rootCreation{
		pos:   c.mod.PassPos(c.pass.Fset, pos),
		where: fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line),
		what:  what,
	}
}

// takesContextSyntax reports whether decl, read without types, has a
// parameter written as context.Context or *http.Request.
func takesContextSyntax(decl *ast.FuncDecl, file *ast.File) bool {
	ctxName := modsource.ImportName(file, "context")
	httpName := modsource.ImportName(file, "net/http")
	for _, field := range decl.Type.Params.List {
		t := field.Type
		if star, ok := t.(*ast.StarExpr); ok {
			t = star.X
		}
		sel, ok := t.(*ast.SelectorExpr)
		if !ok {
			continue
		}
		if id, ok := sel.X.(*ast.Ident); ok &&
			(id.Name == ctxName && sel.Sel.Name == "Context" || id.Name == httpName && sel.Sel.Name == "Request") {
			return true
		}
	}
	return false
}

// lifetimeArgs checks the arguments of a call for a context that outlives
// requests while a trace-bearing one is in scope (TL101):
//
//	var bgCtx = context.Background()
//	func (s *Server) Get(ctx context.Context, id string) {
//		s.store.Load(bgCtx, id)  // a package-level context
//		s.store.Load(s.ctx, id)  // the server's lifetime context
//	}
//
// Either loses the request's trace exactly as context.Background() does.
//
// Not reported: teardown calls, getters (trace.SpanContextFromContext(s.ctx)
// reads a trace stashed there), constructors (newAggrGroup(d.ctx, ...) makes
// an object that lives as long as its owner), goroutines started with the
// lifetime context, and calls that get the request's context too
// (Merge(ctx, s.baseCtx)).
func (c *checker) lifetimeArgs(cur inspector.Cursor, call *ast.CallExpr) {
	if c.isTeardownCall(call) || c.isConstructor(call) {
		return
	}
	if id := nameIdent(call.Fun); id != nil && isGetter(id.Name) {
		return // trace.SpanContextFromContext(s.ctx) reads what was stashed there
	}
	if _, ok := cur.Parent().Node().(*ast.GoStmt); ok {
		return
	}
	for _, arg := range call.Args {
		what := c.lifetimeContextExpr(cur, arg)
		if what == "" {
			continue
		}
		fc, _, ok := enclosingFunc(cur)
		if !ok || c.exemptTopLevel(fc) || c.inDetachFunc(cur) || c.markedDeliberate(cur) {
			return
		}
		avail, ok := c.contextAt(cur)
		if !ok || c.passesContext(call, avail) {
			return
		}
		f := report.Finding{
			Rule: TL101,
			Pos:  arg.Pos(),
			End:  arg.End(),
			Message: fmt.Sprintf("%s is %s, not the request's: it starts a new trace although %q is in scope; pass %s so this work stays in the request's trace",
				types.ExprString(arg), what, avail.v.Name(), avail.expr),
		}
		if c.outlives(cur, avail) == "" {
			f.Fix = &analysis.SuggestedFix{
				Message:   "Replace with " + avail.expr,
				TextEdits: []analysis.TextEdit{{Pos: arg.Pos(), End: arg.End(), NewText: []byte(avail.expr)}},
			}
		}
		c.rep.Report(f)
	}
}

// lifetimeContextExpr says what kind of long-lived context arg is: a
// package-level variable, or a field of the receiver of the method around
// cur. It returns "" for anything else.
func (c *checker) lifetimeContextExpr(cur inspector.Cursor, arg ast.Expr) string {
	t := c.pass.TypesInfo.TypeOf(arg)
	if t == nil || !otelapi.IsContext(t) {
		return ""
	}
	switch arg := ast.Unparen(arg).(type) {
	case *ast.Ident:
		if v, ok := c.pass.TypesInfo.Uses[arg].(*types.Var); ok && v.Parent() != nil && v.Parent() == v.Pkg().Scope() {
			return "a package-level context"
		}
	case *ast.SelectorExpr:
		if sel := c.pass.TypesInfo.Selections[arg]; sel != nil && sel.Kind() == types.FieldVal {
			if recv := c.receiverOf(cur); recv != nil && c.objectOf(arg.X) == recv {
				return "the lifetime context of " + recv.Name()
			}
			return ""
		}
		if v, ok := c.pass.TypesInfo.Uses[arg.Sel].(*types.Var); ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
			return "a package-level context"
		}
	}
	return ""
}

// receiverOf returns the receiver of the method declaration around cur, or
// nil.
func (c *checker) receiverOf(cur inspector.Cursor) types.Object {
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		decl := fc.Node().(*ast.FuncDecl)
		if decl.Recv == nil || len(decl.Recv.List) == 0 || len(decl.Recv.List[0].Names) == 0 {
			return nil
		}
		return c.pass.TypesInfo.Defs[decl.Recv.List[0].Names[0]]
	}
	return nil
}

// isConstructor reports whether call calls a function named new... or
// New... that returns something other than a context: it builds an object
// that lives on after the call (NewContext and kin only derive a context).
func (c *checker) isConstructor(call *ast.CallExpr) bool {
	id := nameIdent(call.Fun)
	if id == nil || !constructorName(id.Name) {
		return false
	}
	t := c.pass.TypesInfo.TypeOf(call)
	return t != nil && !isContextValue(t)
}

// passesContext reports whether one of call's arguments is the available
// context avail (or its carrier's context).
func (c *checker) passesContext(call *ast.CallExpr, avail available) bool {
	for _, arg := range call.Args {
		if v, _ := c.exprKey(arg); v == avail.v {
			return true
		}
	}
	return false
}

// ddSpanAt returns a parameter in scope at cur that threads a Datadog span
// or span context instead of a context.Context (ddtrace.SpanContext,
// ddtrace.Span, v2's *tracer.Span and *tracer.SpanContext), or nil.
func (c *checker) ddSpanAt(cur inspector.Cursor) *types.Var {
	pos := cur.Node().Pos()
	inner := c.pass.Pkg.Scope().Innermost(pos)
	for s := inner; s != nil && s != c.pass.Pkg.Scope(); s = s.Parent() {
		for _, name := range s.Names() {
			v, ok := s.Lookup(name).(*types.Var)
			if ok && v.Pos() < pos && isDatadogSpan(v.Type()) && !c.results[v] {
				return v
			}
		}
	}
	return nil
}

// isDatadogSpan reports whether t is a Datadog span or span context type.
func isDatadogSpan(t types.Type) bool {
	named := namedOf(t)
	if named == nil || named.Obj().Pkg() == nil {
		return false
	}
	switch named.Obj().Pkg().Path() {
	case otelapi.DatadogV1I, otelapi.DatadogV2:
		return named.Obj().Name() == "Span" || named.Obj().Name() == "SpanContext"
	}
	return false
}

// rootBesideSpan reports a fresh root in code that threads a Datadog span
// or span context instead of a context (TL101). The span tree survives
// (the span context is passed by hand), but nothing that lives in a context
// does.
func (c *checker) rootBesideSpan(call *ast.CallExpr, root string, span *types.Var) {
	c.rep.Report(report.Finding{
		Rule: TL101,
		Pos:  call.Pos(),
		End:  call.End(),
		Message: fmt.Sprintf("%s drops the caller's context although %q is in scope: the span tree survives through %s, but deadlines, cancellation and "+
			"context-based instrumentation do not; take a context.Context instead (tracer.ContextWithSpan puts the span into it)",
			root, span.Name(), span.Name()),
	})
}

// onlyGoroutine reports whether the function declared by decl is called in
// this package, and only by go statements (go s.forward(req, body)): it runs
// after its caller may have returned, whatever context it was handed.
func (c *checker) onlyGoroutine(decl *ast.FuncDecl) bool {
	fn, ok := c.pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok {
		return false
	}
	if only, ok := c.goroutines[fn]; ok {
		return only
	}
	calls, inGo := 0, 0
	for cur := range c.root.Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if typeutil.Callee(c.pass.TypesInfo, call) != fn {
			continue
		}
		calls++
		if g, ok := cur.Parent().Node().(*ast.GoStmt); ok && g.Call == call {
			inGo++
		}
	}
	only := calls > 0 && calls == inGo
	c.goroutines[fn] = only
	return only
}
