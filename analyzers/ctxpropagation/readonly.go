package ctxpropagation

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/tracelint/tracelint/internal/modsource"
)

// maxReadOnlyDepth bounds how deep readOnlyParam follows a context through
// calls of the same package.
const maxReadOnlyDepth = 3

// readOnlyCallee reports whether the call passes its k-th argument, a
// context, to code that only reads it: waits on Done, asks Err, Deadline or
// Value, or hands it to a FromContext getter. Such a callee cannot start a
// span under the context, so a span start whose context is discarded before
// it is a leaf in effect (TL103). Callees of the module are read from
// source, interface methods through the implementations next to the
// interface; the standard library only reads a context, except the context
// package itself and the packages that may be instrumented (net, net/http,
// database/sql). Anything else may start a span.
func (c *checker) readOnlyCallee(call *ast.CallExpr, k int) bool {
	fn, _ := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	path := fn.Pkg().Path()
	if first, _, _ := strings.Cut(path, "/"); !strings.Contains(first, ".") {
		switch path {
		case "context", "net", "net/http", "database/sql":
			return false
		}
		return true
	}
	if isGetter(fn.Name()) {
		return true
	}
	var decls []*ast.FuncDecl
	if decl := c.decls[fn]; decl != nil {
		decls = append(decls, decl)
	} else if decl := c.mod.Decl(c.pass.Fset, fn); decl != nil {
		decls = append(decls, decl)
	} else if recv := fn.Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) {
		decls = c.mod.Methods(c.pass.Fset, fn.Pos(), fn.Name())
	}
	if len(decls) == 0 {
		return false
	}
	for _, decl := range decls {
		file := c.pass.Fset.Position(fn.Pos()).Filename
		if !c.readOnlyParam(decl, file, k, nil) {
			return false
		}
	}
	return true
}

// isGetter reports whether a function of this name only reads a value out
// of a context (marker.FromContext, trace.SpanFromContext).
func isGetter(name string) bool {
	return strings.HasSuffix(name, "FromContext") || name == "Value"
}

// param is the i-th parameter of a function declaration.
type param struct {
	decl *ast.FuncDecl
	i    int
}

// readOnlyParam reports whether decl, declared in the package of file,
// only reads its i-th parameter (see readOnlyCallee), following it through
// calls of package-level functions of the same package. open lists the
// parameters being read already, from the callee down: a call that passes
// the context back to one of them (recursion) adds no use of its own.
func (c *checker) readOnlyParam(decl *ast.FuncDecl, file string, i int, open []param) bool {
	open = append(open, param{decl, i})
	name := modsource.ParamName(decl, i)
	if name == "" || name == "_" {
		return true
	}
	if decl.Body == nil {
		return false
	}
	ok := true
	var stack []ast.Node
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if !ok {
			return false
		}
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if id, isID := n.(*ast.Ident); isID && id.Name == name && len(stack) > 0 {
			ok = c.readUse(stack[len(stack)-1], id, file, open)
		}
		stack = append(stack, n)
		return true
	})
	return ok
}

// readUse reports whether the mention id of a context parameter, whose
// syntactic parent is parent, only reads it; open is as for readOnlyParam.
func (c *checker) readUse(parent ast.Node, id *ast.Ident, file string, open []param) bool {
	switch p := parent.(type) {
	case *ast.SelectorExpr:
		switch p.Sel.Name {
		case "Done", "Err", "Deadline", "Value":
			return p.X == id
		}
	case *ast.CallExpr:
		for k, arg := range p.Args {
			if arg != id {
				continue
			}
			switch fun := ast.Unparen(p.Fun).(type) {
			case *ast.SelectorExpr:
				return isGetter(fun.Sel.Name)
			case *ast.Ident:
				if isGetter(fun.Name) {
					return true
				}
				sib, _ := c.mod.Sibling(file, fun.Name)
				if sib == nil {
					return false
				}
				if slices.Contains(open, param{sib, k}) {
					return true
				}
				return len(open) <= maxReadOnlyDepth && c.readOnlyParam(sib, file, k, open)
			}
		}
	}
	return false
}
