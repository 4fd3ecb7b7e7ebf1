package spanend

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"github.com/tracelint/tracelint/internal/memo"
	"github.com/tracelint/tracelint/internal/modsource"
	"github.com/tracelint/tracelint/internal/otelapi"
)

// maxHelperDepth bounds how far paramUse follows a span through calls of
// the helper's own package.
const maxHelperDepth = 3

// spanUse is what a function does with a span it receives as an argument.
type spanUse struct {
	// takesOver: it ends, stores, returns or passes the span on (or its
	// source cannot be read), so the caller no longer owns it.
	takesOver bool
	// records: it records an error into the span (RecordError, SetStatus).
	records bool
}

// helpers answers, from source, whether a function that receives a span
// takes ownership of it. A helper such as recordErr(span, err) or
// markFailed(span, err) only records into the span: the caller must still
// end it, so the call does not hide a leak.
type helpers struct {
	fset  *token.FileSet
	mod   *modsource.Module
	cache *memo.Cache
}

// helperUsesKey names the map, in the configuration's memo.Cache, of
// paramUse's answers, by the callee's position and the argument's index:
// "file:line:name:k" -> spanUse.
type helperUsesKey struct{}

// paramUse returns what fn does with its k-th parameter, a span. Callees
// whose source is not in the module, interface methods and variadic
// parameters take the span over.
func (h *helpers) paramUse(fn *types.Func, k int) spanUse {
	sig := fn.Signature()
	if h == nil || h.mod.Root == "" || k >= sig.Params().Len() || sig.Variadic() && k == sig.Params().Len()-1 {
		return spanUse{takesOver: true}
	}
	pos := h.fset.Position(fn.Pos())
	key := pos.Filename + ":" + strconv.Itoa(pos.Line) + ":" + fn.Name() + ":" + strconv.Itoa(k)
	if v, ok := h.cache.Map(helperUsesKey{}).Load(key); ok {
		return v.(spanUse)
	}
	use := spanUse{takesOver: true}
	if decl := h.mod.Decl(h.fset, fn); decl != nil {
		use = h.declParamUse(decl, pos.Filename, k, 0)
	}
	h.cache.Map(helperUsesKey{}).Store(key, use)
	return use
}

// declParamUse is paramUse for the declaration decl, in the file named
// file, read without types: the parameter is followed by name.
func (h *helpers) declParamUse(decl *ast.FuncDecl, file string, k, depth int) spanUse {
	name := modsource.ParamName(decl, k)
	if name == "" || name == "_" {
		return spanUse{}
	}
	var use spanUse
	var stack []ast.Node
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if use.takesOver {
			return false
		}
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if id, ok := n.(*ast.Ident); ok && id.Name == name && len(stack) > 0 {
			u := h.identUse(stack, id, file, depth)
			use.takesOver = use.takesOver || u.takesOver
			use.records = use.records || u.records
		}
		stack = append(stack, n)
		return true
	})
	return use
}

// identUse classifies one mention id of a span parameter; stack holds its
// syntactic ancestors, innermost last.
func (h *helpers) identUse(stack []ast.Node, id *ast.Ident, file string, depth int) spanUse {
	for _, n := range stack {
		if _, ok := n.(*ast.FuncLit); ok {
			return spanUse{takesOver: true} // captured: it may run later
		}
	}
	parent := stack[len(stack)-1]
	switch p := parent.(type) {
	case *ast.SelectorExpr:
		if p.Sel == id {
			return spanUse{} // x.span: a field or method of that name, not the parameter
		}
		call, ok := stack[len(stack)-2].(*ast.CallExpr)
		if !ok || call.Fun != p {
			return spanUse{takesOver: true} // a method value, span.End
		}
		switch name := p.Sel.Name; {
		case otelapi.EndMethods[name]:
			return spanUse{takesOver: true}
		default:
			if _, ok := otelapi.ErrorRecorders[name]; ok {
				return spanUse{records: true}
			}
		}
		return spanUse{}
	case *ast.BinaryExpr:
		if p.Op == token.EQL || p.Op == token.NEQ {
			return spanUse{}
		}
	case *ast.CallExpr:
		for k, arg := range p.Args {
			if arg != id {
				continue
			}
			// Followed only into plain calls of the same package.
			if fun, ok := ast.Unparen(p.Fun).(*ast.Ident); ok && depth < maxHelperDepth {
				if sib, _ := h.mod.Sibling(file, fun.Name); sib != nil {
					return h.declParamUse(sib, file, k, depth+1)
				}
			}
		}
	}
	return spanUse{takesOver: true}
}
