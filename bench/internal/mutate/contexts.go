package mutate

import (
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/tracelint/tracelint/analyzers/ctxpropagation"
	"github.com/tracelint/tracelint/internal/otelapi"
)

// backgroundContext finds a context parameter passed on in a call, and
// passes a fresh root instead (TL101):
//
//	func (s *Server) Get(ctx context.Context, id string) (*Item, error) {
//		s.log(ctx, id)
//		return s.store.Load(ctx, id)   -> s.store.Load(context.Background(), id)
//
// Only where the call's parameter is a context.Context, the parameter is
// used elsewhere too, and the file names the context package "context".
// The roots TL101 accepts by design are not seeded: in a goroutine (a go
// statement's call or function literal), in "if ctx == nil", as the first
// argument of a trace carrier (trace.ContextWithSpanContext, a propagator's
// Extract), a context kept by a long-lived object (s.ctx, s.cancel =
// context.WithCancel(ctx)), and anywhere in a function that links spans.
func (f *file) backgroundContext(u unit) *site {
	if !f.importsPath("context") || f.linksSpans(u) {
		return nil
	}
	info := f.pkg.TypesInfo
	for cur := range u.cur.Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if tv, ok := info.Types[call.Fun]; !ok || tv.IsType() || tv.IsBuiltin() {
			continue
		}
		sig, ok := info.TypeOf(call.Fun).Underlying().(*types.Signature)
		if !ok {
			continue
		}
		fn, _ := typeutil.Callee(info, call).(*types.Func)
		if fn != nil && fn.FullName() == "context.WithoutCancel" {
			continue
		}
		for i, arg := range call.Args {
			id, ok := arg.(*ast.Ident)
			if !ok {
				continue
			}
			param, ok := info.Uses[id].(*types.Var)
			if !ok || param.Kind() != types.ParamVar || !otelapi.IsContext(param.Type()) || param.Name() == "_" {
				continue
			}
			if pt := paramType(sig, i, call.Ellipsis.IsValid()); pt == nil || !otelapi.IsContext(pt) {
				continue
			}
			if i == 0 && fn != nil && otelapi.CarriesTrace(fn) || i == 0 && f.lifetimeContext(cur, fn) {
				continue
			}
			if f.detached(cur.ChildAt(edge.CallExpr_Args, i), param) || f.uses(u, param) < 2 {
				continue
			}
			if pn, ok := f.lookup("context", id.Pos()).(*types.PkgName); !ok || pn.Imported().Path() != "context" {
				continue
			}
			const root = "context.Background()"
			return &site{
				file:   f,
				anchor: f.off(id.Pos()),
				edits:  []edit{f.replace(id, root)},
				m: Mutation{Rules: []string{"TL101"},
					Note: id.Name + " -> " + root + " in " + f.oneLine(call.Fun) + "(...)"},
			}
		}
	}
	return nil
}

// paramType returns the type of the parameter that receives argument i, or
// nil when a variadic parameter receives it.
func paramType(sig *types.Signature, i int, ellipsis bool) types.Type {
	params := sig.Params()
	if i >= params.Len() || sig.Variadic() && i == params.Len()-1 && !ellipsis {
		return nil
	}
	return params.At(i).Type()
}

// importsPath reports whether f imports path.
func (f *file) importsPath(path string) bool {
	for _, imp := range f.syntax.Imports {
		if strings.Trim(imp.Path.Value, "`\"") == path {
			return true
		}
	}
	return false
}

// linksSpans reports whether the function links spans (trace.WithLinks,
// trace.LinkFromContext, span.AddLink): TL101 trusts all its roots.
func (f *file) linksSpans(u unit) bool {
	for cur := range u.cur.Preorder((*ast.CallExpr)(nil)) {
		if fn, ok := typeutil.Callee(f.pkg.TypesInfo, cur.Node().(*ast.CallExpr)).(*types.Func); ok && otelapi.LinksSpans(fn) {
			return true
		}
	}
	return false
}

// lifetimeContext reports whether the call at cur derives a context
// (context.WithCancel and kin) that a long-lived object keeps, or that is
// then handed to a trace carrier:
//
//	s.ctx, s.cancel = context.WithCancel(ctx)
//	w := &Worker{ctx: context.WithoutValues(ctx)}
func (f *file) lifetimeContext(cur inspector.Cursor, fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "context" || !strings.HasPrefix(fn.Name(), "With") {
		return false
	}
	switch parent := cur.Parent().Node().(type) {
	case *ast.AssignStmt:
		for _, lhs := range parent.Lhs {
			if _, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok {
				return true
			}
		}
		if id, ok := parent.Lhs[0].(*ast.Ident); ok {
			v := f.pkg.TypesInfo.ObjectOf(id)
			fc, _ := enclosingFunc(cur)
			for c := range fc.Preorder((*ast.CallExpr)(nil)) {
				call := c.Node().(*ast.CallExpr)
				carrier, ok := typeutil.Callee(f.pkg.TypesInfo, call).(*types.Func)
				if ok && otelapi.CarriesTrace(carrier) && len(call.Args) > 0 {
					if aid, ok := ast.Unparen(call.Args[0]).(*ast.Ident); ok && f.pkg.TypesInfo.Uses[aid] == v {
						return true
					}
				}
			}
		}
	case *ast.KeyValueExpr:
		_, ok := cur.Parent().Parent().Node().(*ast.CompositeLit)
		return ok
	}
	return false
}

// detached reports whether the argument at arg runs in a goroutine started
// inside the function that declares param, or inside "if ctx == nil".
func (f *file) detached(arg inspector.Cursor, param *types.Var) bool {
	for anc := range arg.Enclosing((*ast.GoStmt)(nil), (*ast.IfStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch n := anc.Node().(type) {
		case *ast.GoStmt:
			return true
		case *ast.IfStmt:
			if n.Body.Pos() <= arg.Node().Pos() && f.isNilContextCheck(n.Cond) {
				return true
			}
		case *ast.FuncLit, *ast.FuncDecl:
			if n.Pos() <= param.Pos() && param.Pos() < n.End() {
				return false // param belongs to this function
			}
		}
	}
	return false
}

// isNilContextCheck matches "ctx == nil", either way round.
func (f *file) isNilContextCheck(cond ast.Expr) bool {
	bin, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || bin.Op != token.EQL {
		return false
	}
	info := f.pkg.TypesInfo
	for _, pair := range [][2]ast.Expr{{bin.X, bin.Y}, {bin.Y, bin.X}} {
		if info.Types[pair[1]].IsNil() && isContextValue(info.TypeOf(pair[0])) {
			return true
		}
	}
	return false
}

// uses counts the identifiers of the function that denote v.
func (f *file) uses(u unit, v types.Object) int {
	n := 0
	for c := range u.cur.Preorder((*ast.Ident)(nil)) {
		if f.pkg.TypesInfo.Uses[c.Node().(*ast.Ident)] == v {
			n++
		}
	}
	return n
}

// nonContextVariant finds a call of a context-taking variant and calls the
// function without the context instead (TL102):
//
//	rows, err := s.db.QueryContext(ctx, q, id)   -> s.db.Query(q, id)
//	slog.InfoContext(ctx, "loaded", "id", id)    -> slog.Info("loaded", "id", id)
//	req, err := http.NewRequestWithContext(ctx, m, u, nil)  -> http.NewRequest(m, u, nil)
//
// The callee is FContext or FWithContext, its first parameter a
// context.Context, and the same receiver (or package) has F with the same
// signature less the context, and no way to receive one. A context stays in
// scope after the edit, and no variable or import loses its last use.
func (f *file) nonContextVariant(u unit) *site {
	info := f.pkg.TypesInfo
	for cur := range u.cur.Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		fn, ok := typeutil.Callee(info, call).(*types.Func)
		if !ok || fn.Pkg() == nil || fn.Pkg().Path() == "context" || len(call.Args) == 0 {
			continue
		}
		sig := fn.Signature()
		if sig.Params().Len() == 0 || !otelapi.IsContext(sig.Params().At(0).Type()) ||
			sig.TypeParams().Len() > 0 || sig.RecvTypeParams().Len() > 0 {
			continue
		}
		if _, tuple := info.TypeOf(call.Args[0]).(*types.Tuple); tuple {
			continue // FooContext(pair())
		}
		var name *ast.Ident
		var recv types.Type // the receiver's type, for a method
		switch fun := ast.Unparen(call.Fun).(type) {
		case *ast.SelectorExpr:
			name = fun.Sel
			if sel := info.Selections[fun]; sel != nil {
				if sel.Kind() != types.MethodVal {
					continue
				}
				recv = sel.Recv()
			}
		case *ast.Ident:
			name = fun
		default:
			continue
		}
		for _, base := range variantBases(fn.Name()) {
			g := f.sibling(fn, base, recv, call)
			if g == nil || g.Signature().TypeParams().Len() > 0 || !ctxpropagation.SameAfterContext(g.Signature(), sig) || receivesContext(g.Signature()) ||
				g.FullName() == "google.golang.org/grpc.Dial" {
				continue
			}
			if !f.contextInScope(call.Pos()) || !f.removable(u, call.Args[0]) || !f.variantMatters(cur, call, fn) {
				break
			}
			del := edit{start: f.off(call.Args[0].Pos()), end: f.off(call.Rparen)}
			if len(call.Args) > 1 {
				del.end = f.off(call.Args[1].Pos())
			}
			return &site{
				file:   f,
				anchor: f.off(call.Pos()),
				edits:  []edit{f.replace(name, base), del},
				m: Mutation{Rules: []string{"TL102"},
					Note: f.oneLine(call.Fun) + "(" + f.oneLine(call.Args[0]) + ", ...) -> " +
						strings.TrimSuffix(f.oneLine(call.Fun), fn.Name()) + base + "(...)"},
			}
		}
	}
	return nil
}

// variantMatters reports whether replacing call, a call of the context
// variant fn, by the plain call loses something by ctxpropagation's
// definition: the context passed is not a fresh root written in place
// (context.Background()), the request it builds is not returned straight
// away (the caller gives it its context), and the variant reads
// its context (ctxpropagation.ReadsContext: not a module's logger variant
// that drops it).
func (f *file) variantMatters(cur inspector.Cursor, call *ast.CallExpr, fn *types.Func) bool {
	if arg, ok := ast.Unparen(call.Args[0]).(*ast.CallExpr); ok {
		if root, ok := typeutil.Callee(f.pkg.TypesInfo, arg).(*types.Func); ok && otelapi.IsFreshRoot(root) {
			return false
		}
	}
	if _, returned := cur.Parent().Node().(*ast.ReturnStmt); returned && fn.Signature().Results().Len() > 0 && isCarrier(fn.Signature().Results().At(0).Type()) {
		return false
	}
	return ctxpropagation.ReadsContext(f.pkg.memo, f.pkg.Fset, fn, filepath.Dir(f.pkg.Fset.Position(call.Pos()).Filename))
}

// variantBases returns the names a function called name may be the
// context-taking variant of: QueryContext of Query, NewRequestWithContext
// of NewRequest.
func variantBases(name string) []string {
	var bases []string
	for _, suffix := range []string{"WithContext", "Context"} {
		if base, ok := strings.CutSuffix(name, suffix); ok && base != "" {
			bases = append(bases, base)
		}
	}
	return bases
}

// sibling returns the function or method named base that a call of fn can
// call instead: a method of the same receiver, callable on the same
// operand, or a function of the same package, visible at the call.
func (f *file) sibling(fn *types.Func, base string, recv types.Type, call *ast.CallExpr) *types.Func {
	var obj types.Object
	switch {
	case recv != nil:
		obj, _, _ = types.LookupFieldOrMethod(recv, true, fn.Pkg(), base)
		g, ok := obj.(*types.Func)
		if !ok {
			return nil
		}
		// A pointer method needs an addressable operand, which a value
		// receiver of fn does not promise.
		_, recvPtr := types.Unalias(recv).Underlying().(*types.Pointer)
		if isPointerRecv(g) && !isPointerRecv(fn) && !recvPtr && !types.IsInterface(recv) {
			return nil
		}
		return g
	default:
		obj = fn.Pkg().Scope().Lookup(base)
		if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && f.lookup(base, id.Pos()) != obj {
			return nil // shadowed, or not this package's
		}
	}
	g, ok := obj.(*types.Func)
	if !ok || g.Pkg() != f.pkg.Types && !g.Exported() {
		return nil
	}
	return g
}

func isPointerRecv(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	if recv == nil {
		return false
	}
	_, ok := types.Unalias(recv.Type()).(*types.Pointer)
	return ok
}

// receivesContext reports whether a function with signature sig can be
// given a context: a parameter (or receiver) that is a context, carries one
// (a Context() method) or is a testing type. TL102 leaves such calls alone.
func receivesContext(sig *types.Signature) bool {
	for v := range sig.Params().Variables() {
		if isContextValue(v.Type()) || isCarrier(v.Type()) || isTestingType(v.Type()) {
			return true
		}
	}
	return sig.Recv() != nil && (isContextValue(sig.Recv().Type()) || isCarrier(sig.Recv().Type()))
}

// contextInScope reports whether a variable of the function (not of the
// package, not a named result) that is a context, or carries one, is in
// scope at pos.
func (f *file) contextInScope(pos token.Pos) bool {
	pkgScope := f.pkg.Types.Scope()
	for sc := f.scopeAt(pos); sc != nil && sc != pkgScope && sc.Parent() != pkgScope; sc = sc.Parent() {
		for _, name := range sc.Names() {
			v, ok := sc.Lookup(name).(*types.Var)
			if ok && name != "_" && v.Kind() != types.ResultVar && (isContextValue(v.Type()) || isCarrier(v.Type())) &&
				f.lookup(name, pos) == v {
				return true
			}
		}
	}
	return false
}

// isContextValue reports whether t is context.Context or implements it.
func isContextValue(t types.Type) bool {
	if t == nil {
		return false
	}
	if otelapi.IsContext(t) {
		return true
	}
	for _, m := range []string{"Deadline", "Done", "Err", "Value"} {
		if !hasMethod(t, m) {
			return false
		}
	}
	return true
}

// isCarrier reports whether t has a method Context() context.Context, as
// *http.Request has, and is not a testing type.
func isCarrier(t types.Type) bool {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "Context")
	fn, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	sig := fn.Signature()
	return sig.Params().Len() == 0 && sig.Results().Len() == 1 && otelapi.IsContext(sig.Results().At(0).Type()) && !isTestingType(t)
}

// isTestingType reports whether t is a type of package testing, or a
// pointer to one.
func isTestingType(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "testing"
}
