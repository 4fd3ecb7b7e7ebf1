package ctxpropagation

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"
)

// IsCommandPackage reports whether pkg holds a command's wiring: package
// main, a package under a directory named cmd (cmd/run, cmd/courier), or
// one that imports a command-line framework (cobra, urfave/cli, kingpin,
// kong), such as amtool's cli package. A context.Context parameter of a
// function declared there is the process's context, made in main from a
// root and a signal: it carries no request's trace. On bench/'s services
// none of about 500 findings in such packages was worth acting on.
func IsCommandPackage(pkg *types.Package) bool {
	if pkg.Name() == "main" {
		return true
	}
	for elem := range strings.SplitSeq(pkg.Path(), "/") {
		if elem == "cmd" {
			return true
		}
	}
	for _, imp := range pkg.Imports() {
		for _, framework := range cliFrameworks {
			if imp.Path() == framework || strings.HasPrefix(imp.Path(), framework+"/") {
				return true
			}
		}
	}
	return false
}

// cliFrameworks are the module paths of command-line frameworks, without
// their major version suffixes.
var cliFrameworks = []string{
	"github.com/spf13/cobra",
	"github.com/urfave/cli",
	"github.com/alecthomas/kingpin",
	"github.com/alecthomas/kong",
}

// serveMethods are the methods that run a server until it stops. A function
// that calls one (or hands it over: graceful.Graceful(srv.ListenAndServe,
// ...)) is start-up code, and its context is the server's lifetime.
var serveMethods = map[string]bool{
	"Serve":             true,
	"ServeTLS":          true,
	"ListenAndServe":    true,
	"ListenAndServeTLS": true,
}

// processContextParams reports whether the context.Context parameters of
// decl hold the lifetime of the process or of a server rather than a
// request's: decl is declared in a command package (IsCommandPackage) or
// starts a server (serveMethods). Carrier parameters (a request, a
// framework context) and the parameters of function literals inside decl
// (handlers, interceptors) still carry their request.
func (c *checker) processContextParams(decl *ast.FuncDecl) bool {
	if c.command {
		return true
	}
	if decl.Body == nil {
		return false
	}
	serves := false
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok && serveMethods[sel.Sel.Name] {
			if _, isMethod := c.pass.TypesInfo.Uses[sel.Sel].(*types.Func); isMethod {
				serves = true
			}
		}
		return !serves
	})
	return serves
}

// setupRoot reports whether the fresh root call at cur bounds the set-up
// work of a constructor with a timeout of its own:
//
//	func NewDatastore(ctx context.Context, url string) (*Datastore, error) {
//		initCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
//
// A constructor runs once, at start-up, and its ctx is the caller's
// lifetime; the deadline is the point of the root.
func (c *checker) setupRoot(cur inspector.Cursor) bool {
	outer, ok := outermostFunc(cur)
	if !ok {
		return false
	}
	decl, ok := outer.Node().(*ast.FuncDecl)
	return ok && c.declaresConstructor(decl) && boundedByTimeout(c.derivedFrom(cur), cur)
}

// declaresConstructor reports whether decl is named New... or new... and
// returns what it builds first (not an error or a context).
func (c *checker) declaresConstructor(decl *ast.FuncDecl) bool {
	results := decl.Type.Results
	if !constructorName(decl.Name.Name) || results == nil || len(results.List) == 0 {
		return false
	}
	t := c.pass.TypesInfo.TypeOf(results.List[0].Type)
	return t != nil && c.contextKind(t) == notContext && !types.Identical(t, types.Universe.Lookup("error").Type())
}

// constructorName reports whether a function of this name builds something:
// New..., new....
func constructorName(name string) bool {
	return strings.HasPrefix(name, "new") || strings.HasPrefix(name, "New")
}

// boundedByTimeout reports whether expr, the expression that the root at
// root flows into (see derivedFrom), is a context.WithTimeout or
// WithDeadline call (or their Cause forms) deriving from it.
func boundedByTimeout(expr, root inspector.Cursor) bool {
	if expr == root {
		return false
	}
	call, ok := expr.Node().(*ast.CallExpr)
	if !ok {
		return false
	}
	id := nameIdent(call.Fun)
	return id != nil && (strings.HasPrefix(id.Name, "WithTimeout") || strings.HasPrefix(id.Name, "WithDeadline"))
}
