package spanend

import (
	"go/ast"
	"go/types"
	"strconv"

	"github.com/tracelint/tracelint/internal/otelapi"
)

// A team's own start helper often hands out a function to call instead of
// the span:
//
//	func Trace(ctx context.Context, name string) (context.Context, func(*error)) {
//		ctx, span := tracer.Start(ctx, name)
//		return ctx, func(err *error) { ...; span.End() }
//	}
//
//	ctx, finish := obs.Trace(ctx, "load")
//	defer finish(&err)
//
// The returned function is the obligation: TL201 when it is not called on
// some path, TL202 when it is dropped.

// endFuncStartersKey names the map, in the configuration's memo.Cache, of
// the index of the end function result of a helper of the module (-1 when
// it is not one), by its position: "file:line:name" -> int.
type endFuncStartersKey struct{}

// endFuncResult returns the index of fn's result that ends the span fn
// starts, or -1: fn is declared in the module (with spanend.infer-wrappers),
// calls a Start... or start... function, and returns at that index a
// function literal (directly or through a local variable) that ends a span,
// or a span's End method value.
func (s *starters) endFuncResult(fn *types.Func) int {
	if s.mod.Root == "" { // no module is read with infer-wrappers off
		return -1
	}
	fn = fn.Origin()
	res := fn.Signature().Results()
	candidate := -1
	for i := range res.Len() {
		if _, ok := res.At(i).Type().Underlying().(*types.Signature); ok {
			candidate = i
			break
		}
	}
	if candidate < 0 || otelapi.SpanResult(fn.Signature()) >= 0 {
		return -1
	}
	pos := s.pass.Fset.Position(fn.Pos())
	key := pos.Filename + ":" + strconv.Itoa(pos.Line) + ":" + fn.Name()
	if v, ok := s.cache.Map(endFuncStartersKey{}).Load(key); ok {
		return v.(int)
	}
	idx := -1
	if decl := s.mod.Decl(s.pass.Fset, fn); decl != nil && returnsEndFunc(decl.Body, candidate) {
		idx = candidate
	}
	s.cache.Map(endFuncStartersKey{}).Store(key, idx)
	return idx
}

// returnsEndFunc reports whether body starts a span (a call whose name
// starts with Start or start) and returns, at result idx, a function that
// ends a span: a literal that calls an end method, a local variable holding
// one, or a method value such as span.End.
func returnsEndFunc(body *ast.BlockStmt, idx int) bool {
	starts := false
	lits := make(map[string]*ast.FuncLit) // local variables holding a literal
	var returned []ast.Expr
	inspectBody(body, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.CallExpr:
			starts = starts || isStartName(n)
		case *ast.AssignStmt:
			for i, rhs := range n.Rhs {
				if lit, ok := rhs.(*ast.FuncLit); ok && len(n.Lhs) == len(n.Rhs) {
					if id, ok := n.Lhs[i].(*ast.Ident); ok {
						lits[id.Name] = lit
					}
				}
			}
		case *ast.ReturnStmt:
			if len(n.Results) > idx {
				returned = append(returned, n.Results[idx])
			}
		}
	})
	if !starts {
		return false
	}
	for _, e := range returned {
		switch e := ast.Unparen(e).(type) {
		case *ast.FuncLit:
			if endsSomeSpan(e.Body) {
				return true
			}
		case *ast.Ident:
			if lit := lits[e.Name]; lit != nil && endsSomeSpan(lit.Body) {
				return true
			}
		case *ast.SelectorExpr:
			if otelapi.EndMethods[e.Sel.Name] {
				return true
			}
		}
	}
	return false
}

// endsSomeSpan reports whether n calls an end method (End, Finish) on an
// identifier.
func endsSomeSpan(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if sel, ok := call.Fun.(*ast.SelectorExpr); ok && otelapi.EndMethods[sel.Sel.Name] {
				if _, ok := sel.X.(*ast.Ident); ok {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// A helper may also hand out a value whose method ends the span:
//
//	sc := obs.Open(ctx, "load")
//	defer sc.Close()
//
// The value is the obligation, and that method ends it.

// closerStartersKey names the map, in the configuration's memo.Cache, of
// closerResult's answers: "file:line:name" -> closer.
type closerStartersKey struct{}

type closer struct {
	idx    int    // the result holding the value, -1 when fn is not such a helper
	method string // the method that ends the span
}

// closerResult returns the index of fn's result whose method ends the span
// fn starts, and that method's name, or -1: fn is declared in the module
// (with spanend.infer-wrappers), calls a Start... or start... function, and
// returns a value of a type of the module with a method that ends a span
// held in a field of its receiver (s.span.End()).
func (s *starters) closerResult(fn *types.Func) (int, string) {
	if s.mod.Root == "" || fn.Signature().Results().Len() == 0 || otelapi.SpanResult(fn.Signature()) >= 0 {
		return -1, ""
	}
	fn = fn.Origin()
	pos := s.pass.Fset.Position(fn.Pos())
	key := pos.Filename + ":" + strconv.Itoa(pos.Line) + ":" + fn.Name()
	if v, ok := s.cache.Map(closerStartersKey{}).Load(key); ok {
		c := v.(closer)
		return c.idx, c.method
	}
	c := closer{idx: -1}
	if decl := s.mod.Decl(s.pass.Fset, fn); decl != nil && startsSomething(decl.Body) {
		res := fn.Signature().Results()
		for i := range res.Len() {
			if m := s.endingMethod(res.At(i).Type()); m != "" {
				c = closer{idx: i, method: m}
				break
			}
		}
	}
	s.cache.Map(closerStartersKey{}).Store(key, c)
	return c.idx, c.method
}

// endingMethod returns the name of a method of t (a named type of the
// module, or a pointer to one) whose body ends a span held in a field of
// its receiver, or "".
func (s *starters) endingMethod(t types.Type) string {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil || otelapi.IsSpanType(named) {
		return ""
	}
	for i := range named.NumMethods() {
		m := named.Method(i)
		decl := s.mod.Decl(s.pass.Fset, m)
		if decl == nil || decl.Recv == nil || len(decl.Recv.List) == 0 || len(decl.Recv.List[0].Names) == 0 {
			continue
		}
		recv := decl.Recv.List[0].Names[0].Name
		found := false
		ast.Inspect(decl.Body, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				if sel, ok := call.Fun.(*ast.SelectorExpr); ok && otelapi.EndMethods[sel.Sel.Name] {
					if field, ok := sel.X.(*ast.SelectorExpr); ok {
						if id, ok := field.X.(*ast.Ident); ok && id.Name == recv {
							found = true
						}
					}
				}
			}
			return !found
		})
		if found {
			return m.Name()
		}
	}
	return ""
}

// startsSomething reports whether body calls a Start... or start...
// function outside nested function literals.
func startsSomething(body *ast.BlockStmt) bool {
	starts := false
	inspectBody(body, func(n ast.Node) {
		if call, ok := n.(*ast.CallExpr); ok && isStartName(call) {
			starts = true
		}
	})
	return starts
}
