package attrsite

import (
	"go/ast"
	"go/token"
	"go/types"
)

// FixedVars knows the package-level variables of a package that are
// constants in all but name: declared with a single-valued initializer, and
// never assigned again nor taken the address of in the package.
//
//	var orderKey = attribute.Key("shop.order.id")
//
// Keys and values held in them are checked like constants.
type FixedVars struct {
	pkg  *types.Package
	info *types.Info
	init map[*types.Var]ast.Expr
}

// NewFixedVars indexes the package-level variables of pkg, whose files and
// type information are given.
func NewFixedVars(pkg *types.Package, info *types.Info, files []*ast.File) *FixedVars {
	fv := &FixedVars{pkg: pkg, info: info, init: make(map[*types.Var]ast.Expr)}
	changed := make(map[*types.Var]bool)
	mark := func(e ast.Expr) {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok {
				changed[v] = true
			}
		}
	}
	for _, f := range files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				if len(vs.Names) != len(vs.Values) {
					continue
				}
				for i, name := range vs.Names {
					if v, ok := info.Defs[name].(*types.Var); ok {
						fv.init[v] = vs.Values[i]
					}
				}
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for _, lhs := range n.Lhs {
					mark(lhs)
				}
			case *ast.IncDecStmt:
				mark(n.X)
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					mark(n.X)
				}
			}
			return true
		})
	}
	for v := range changed {
		delete(fv.init, v)
	}
	return fv
}

// Init returns the initializer of the fixed variable that e names, or nil.
func (fv *FixedVars) Init(e ast.Expr) ast.Expr {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := fv.info.Uses[id].(*types.Var)
	if !ok || v.Pkg() != fv.pkg || v.Parent() != fv.pkg.Scope() {
		return nil
	}
	return fv.init[v]
}

// ConstKey is ConstKey that also sees through fixed variables:
// var k = attribute.Key("a.b"); k.String(v).
func (fv *FixedVars) ConstKey(e ast.Expr) (string, bool) {
	if s, ok := ConstKey(fv.info, e); ok {
		return s, true
	}
	e = ast.Unparen(e)
	if init := fv.Init(e); init != nil {
		return fv.ConstKey(init)
	}
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 0 {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "String" {
			if init := fv.Init(sel.X); init != nil {
				return fv.ConstKey(init)
			}
		}
	}
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 {
		if tv, ok := fv.info.Types[call.Fun]; ok && tv.IsType() {
			return fv.ConstKey(call.Args[0]) // attribute.Key(k) of a fixed k
		}
	}
	return "", false
}
