package spanend

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// Spans of a no-op tracer are never exported: there is nothing to leak.

// noopProviders are the constructors of no-op tracer providers.
var noopProviders = map[string]bool{
	"go.opentelemetry.io/otel/trace/noop.NewTracerProvider": true,
	"go.opentelemetry.io/otel/trace.NewNoopTracerProvider":  true,
}

// noopTypes are the no-op tracer and provider types.
var noopTypes = map[string]bool{
	"go.opentelemetry.io/otel/trace/noop.Tracer":         true,
	"go.opentelemetry.io/otel/trace/noop.TracerProvider": true,
}

// maxNoopDepth bounds how many variables isNoop follows.
const maxNoopDepth = 4

// noopStart reports whether call starts its span on a no-op tracer: the
// receiver is noop.Tracer{}, a provider's Tracer of noop.NewTracerProvider()
// or trace.NewNoopTracerProvider(), or a variable (of the function or the
// package) that only ever holds one.
func (c *checker) noopStart(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	return ok && c.isNoop(sel.X, 0)
}

// isNoop reports whether e is a no-op tracer or tracer provider.
func (c *checker) isNoop(e ast.Expr, depth int) bool {
	e = ast.Unparen(e)
	if t := c.pass.TypesInfo.TypeOf(e); t != nil {
		if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil && noopTypes[n.Obj().Pkg().Path()+"."+n.Obj().Name()] {
			return true
		}
	}
	switch e := e.(type) {
	case *ast.CallExpr:
		if fn, ok := typeutil.Callee(c.pass.TypesInfo, e).(*types.Func); ok && noopProviders[fn.FullName()] {
			return true
		}
		if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Tracer" {
			return c.isNoop(sel.X, depth)
		}
	case *ast.CompositeLit:
		return false // typed above
	case *ast.Ident:
		v, ok := c.pass.TypesInfo.Uses[e].(*types.Var)
		if !ok || depth >= maxNoopDepth {
			return false
		}
		values := c.valuesOf(v)
		if len(values) == 0 {
			return false
		}
		for _, rhs := range values {
			if !c.isNoop(rhs, depth+1) {
				return false
			}
		}
		return true
	}
	return false
}

// valuesOf returns every expression the package assigns to v: for one of
// several results of a call, the call.
func (c *checker) valuesOf(v *types.Var) []ast.Expr {
	if c.assigned == nil {
		c.assigned = make(map[*types.Var][]ast.Expr)
		for _, f := range c.pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.AssignStmt:
					for i, lhs := range n.Lhs {
						if w, ok := identObj(c.pass.TypesInfo, lhs).(*types.Var); ok {
							rhs := n.Rhs[0] // a call with several results
							if len(n.Lhs) == len(n.Rhs) {
								rhs = n.Rhs[i]
							}
							c.assigned[w] = append(c.assigned[w], rhs)
						}
					}
				case *ast.ValueSpec:
					for i, name := range n.Names {
						if w, ok := c.pass.TypesInfo.Defs[name].(*types.Var); ok && len(n.Values) > 0 {
							rhs := n.Values[0]
							if len(n.Names) == len(n.Values) {
								rhs = n.Values[i]
							}
							c.assigned[w] = append(c.assigned[w], rhs)
						}
					}
				}
				return true
			})
		}
	}
	return c.assigned[v]
}
