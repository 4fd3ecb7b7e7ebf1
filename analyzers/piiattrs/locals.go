package piiattrs

import (
	"go/ast"
	"go/types"
)

// assigned returns every expression the package assigns to v: the right
// side of v := e and v = e, and, for v, err := f(), the call. The index of
// the whole package is built once, on first use; localDef, definedBy and
// errorTexts read it.
func (c *checker) assigned(v *types.Var) []ast.Expr {
	if c.assigns == nil {
		c.assigns = make(map[*types.Var][]ast.Expr)
		for _, f := range c.pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				as, ok := n.(*ast.AssignStmt)
				if !ok || len(as.Lhs) != len(as.Rhs) && len(as.Rhs) != 1 {
					return true
				}
				for i, lhs := range as.Lhs {
					if i >= len(as.Rhs) {
						break // conn, err := net.Dial(...): the first result is the value
					}
					if id, ok := lhs.(*ast.Ident); ok {
						if lv, ok := c.pass.TypesInfo.ObjectOf(id).(*types.Var); ok {
							c.assigns[lv] = append(c.assigns[lv], as.Rhs[i])
						}
					}
				}
				return true
			})
		}
	}
	return c.assigns[v]
}

// localDef returns the expression a local variable is defined from, when
// the package assigns it once (v := expr; for v, err := f(), the call).
func (c *checker) localDef(v *types.Var) ast.Expr {
	if v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return nil
	}
	if all := c.assigned(v); len(all) == 1 {
		return all[0]
	}
	return nil
}

// definedBy returns the call a local variable is defined from, judged
// then as the value itself: b in `b, _ := json.Marshal(order);
// attribute.String("order", string(b))`, or s in `s := strings.TrimSpace(u.Email)`.
func (c *checker) definedBy(v *types.Var) (*ast.CallExpr, bool) {
	call, ok := ast.Unparen(c.localDef(v)).(*ast.CallExpr)
	return call, ok
}
