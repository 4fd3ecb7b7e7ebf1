package attrkeys

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/tracelint/tracelint/internal/attrsite"
	"github.com/tracelint/tracelint/internal/otelapi"
)

// key is what the checker knows of a key expression.
type key struct {
	// text is the key when constant is set, or the start of the key when
	// prefix is set; empty when neither is known.
	text     string
	constant bool
	prefix   bool
	// semconv is set for a constant of a semconv package, which is correct
	// by construction.
	semconv bool
	// lit is the string literal that spells the key, in this package, for
	// fixes: the key expression itself or the value of the constant it
	// names; nil when there is none.
	lit *ast.BasicLit
}

// resolveKey finds out what e, a key expression, holds. A constant is
// resolved through types.Info, wherever it is declared, and so is the
// String() of a string constant (see attrsite.ConstKey). Of a key built at
// run time, the constant start is kept:
//
//	"http.request.header." + name
//	attribute.Key("http.request.header." + name)
//	fmt.Sprintf("http.request.header.%s", name)
func (c *checker) resolveKey(e ast.Expr) key {
	e = ast.Unparen(e)
	if tv, ok := c.pass.TypesInfo.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		k := key{text: constant.StringVal(tv.Value), constant: true}
		k.semconv, k.lit = c.origin(e)
		return k
	}
	if text, ok := attrsite.ConstKey(c.pass.TypesInfo, e); ok {
		return key{text: text, constant: true} // K.String(): no literal to fix
	}
	if init := c.fixedVarInit(e); init != nil {
		return c.resolveKey(init) // var keyOrder = attribute.Key("shop.order"), never reassigned
	}
	switch e := e.(type) {
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			if left := c.resolveKey(e.X); left.constant || left.prefix {
				return key{text: left.text, prefix: true}
			}
		}
	case *ast.CallExpr:
		if arg, ok := c.conversionArg(e); ok {
			return c.resolveKey(arg)
		}
		fn, _ := typeutil.Callee(c.pass.TypesInfo, e).(*types.Func)
		if fn != nil && fn.FullName() == "fmt.Sprintf" && len(e.Args) > 0 {
			if f := c.resolveKey(e.Args[0]); f.constant {
				if i := strings.IndexByte(f.text, '%'); i > 0 {
					return key{text: f.text[:i], prefix: true}
				}
			}
		}
	}
	return key{}
}

// fixedVarInit returns the initializer of the package-level variable e
// names, when the package never changes it (see attrsite.FixedVars).
func (c *checker) fixedVarInit(e ast.Expr) ast.Expr {
	if c.fixedVars == nil {
		c.fixedVars = attrsite.NewFixedVars(c.pass.Pkg, c.pass.TypesInfo, c.pass.Files)
	}
	return c.fixedVars.Init(e)
}

// conversionArg returns x of a conversion T(x).
func (c *checker) conversionArg(call *ast.CallExpr) (ast.Expr, bool) {
	if len(call.Args) != 1 {
		return nil, false
	}
	if tv, ok := c.pass.TypesInfo.Types[call.Fun]; ok && tv.IsType() {
		return call.Args[0], true
	}
	return nil, false
}

// origin reports whether the constant expression e names a constant of a
// semconv package, and finds the literal that spells it in this package.
func (c *checker) origin(e ast.Expr) (semconv bool, lit *ast.BasicLit) {
	switch e := ast.Unparen(e).(type) {
	case *ast.BasicLit:
		return false, e
	case *ast.CallExpr:
		if arg, ok := c.conversionArg(e); ok {
			return c.origin(arg)
		}
	case *ast.Ident, *ast.SelectorExpr:
		id, _ := e.(*ast.Ident)
		if sel, ok := e.(*ast.SelectorExpr); ok {
			id = sel.Sel
		}
		k, ok := c.pass.TypesInfo.Uses[id].(*types.Const)
		if !ok || k.Pkg() == nil {
			return false, nil
		}
		if otelapi.IsSemconvPackage(k.Pkg().Path()) {
			return true, nil
		}
		if k.Pkg() == c.pass.Pkg {
			return false, c.constLit(k)
		}
	}
	return false, nil
}

// constLit returns the string literal a constant of this package is
// declared with, as in const keyOrder = "shop.order.id"; nil when its value
// is anything else.
func (c *checker) constLit(k *types.Const) *ast.BasicLit {
	if c.consts == nil {
		c.consts = make(map[*types.Const]*ast.BasicLit)
		for _, f := range c.pass.Files {
			for _, d := range f.Decls {
				gd, ok := d.(*ast.GenDecl)
				if !ok || gd.Tok != token.CONST {
					continue
				}
				for _, spec := range gd.Specs {
					vs := spec.(*ast.ValueSpec)
					for i, name := range vs.Names {
						if i >= len(vs.Values) {
							break
						}
						obj, _ := c.pass.TypesInfo.Defs[name].(*types.Const)
						if _, lit := c.origin(vs.Values[i]); obj != nil && lit != nil && lit.Kind == token.STRING {
							c.consts[obj] = lit
						}
					}
				}
			}
		}
	}
	return c.consts[k]
}
