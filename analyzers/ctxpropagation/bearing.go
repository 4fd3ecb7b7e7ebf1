package ctxpropagation

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/tracelint/tracelint/internal/otelapi"
)

// A context variable is trace-bearing when what it holds came from the
// function's caller or from the request:
//
//	func (s *Server) Get(ctx context.Context, ...)      // a parameter
//	func handle(w http.ResponseWriter, r *http.Request) // a carrier parameter
//	ctx := r.Context()                                  // an accessor of one
//	ctx, cancel := context.WithTimeout(ctx, d)          // derived from one
//	ctx := prop.Extract(context.Background(), carrier)  // a trace carried in
//
// A context the function made from a root of its own (ctx :=
// context.Background(), signal.NotifyContext(context.Background(), ...)),
// a receiver, and a local value that happens to have a Context method (an
// outgoing request built here, a client) carry nothing to lose: passing them
// on changes no trace.

// bearingVars returns the trace-bearing variables of the outermost function
// at outer, computing them once per function.
func (c *checker) bearingVars(outer inspector.Cursor) map[*types.Var]bool {
	if b, ok := c.bearing[outer.Node()]; ok {
		return b
	}
	bearing := make(map[*types.Var]bool)
	params := make(map[*types.Var]bool) // every parameter, for accessors such as c.Request()
	sources := make(map[*types.Var][]ast.Expr)
	addSource := func(lhs ast.Expr, rhs ast.Expr) {
		if v, ok := c.objectOf(lhs).(*types.Var); ok && c.contextKind(v.Type()) != notContext {
			sources[v] = append(sources[v], rhs)
		}
	}
	for n := range outer.Preorder((*ast.FuncType)(nil), (*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)) {
		switch n := n.Node().(type) {
		case *ast.FuncType:
			if n.Params == nil || c.isCommandAction(n) {
				continue
			}
			decl, isDecl := outer.Node().(*ast.FuncDecl)
			lifetime := isDecl && decl.Type == n && c.processContextParams(decl)
			for _, field := range n.Params.List {
				for _, name := range field.Names {
					v, ok := c.pass.TypesInfo.Defs[name].(*types.Var)
					if !ok {
						continue
					}
					params[v] = true
					if k := c.contextKind(v.Type()); k == isCarrier || k == isContext && !lifetime {
						bearing[v] = true
					}
				}
			}
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				switch {
				case len(n.Lhs) == len(n.Rhs):
					addSource(lhs, n.Rhs[i])
				case len(n.Rhs) == 1:
					addSource(lhs, n.Rhs[0])
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				switch {
				case len(n.Names) == len(n.Values):
					addSource(name, n.Values[i])
				case len(n.Values) == 1:
					addSource(name, n.Values[0])
				}
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for v, rhss := range sources {
			if bearing[v] {
				continue
			}
			for _, rhs := range rhss {
				if c.bearingExpr(rhs, bearing) || c.accessorOf(rhs, params) {
					bearing[v], changed = true, true
					break
				}
			}
		}
	}
	c.bearing[outer.Node()] = bearing
	return bearing
}

// bearingExpr reports whether e mentions a trace-bearing variable, or
// calls a function that puts a trace into a context (a propagator's
// Extract, trace.ContextWithSpanContext and kin). Function literals in e
// are not looked into.
func (c *checker) bearingExpr(e ast.Expr, bearing map[*types.Var]bool) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.Ident:
			if v, ok := c.pass.TypesInfo.Uses[n].(*types.Var); ok && bearing[v] {
				found = true
			}
		case *ast.CallExpr:
			if fn, ok := typeutil.Callee(c.pass.TypesInfo, n).(*types.Func); ok && otelapi.CarriesTrace(fn) {
				found = true
			}
		}
		return !found
	})
	return found
}

// accessorOf reports whether e reads a request out of a parameter through
// field selections and calls without arguments, such as echo's
// c.Request(), gin's c.Request or c.Request.Context().
func (c *checker) accessorOf(e ast.Expr, params map[*types.Var]bool) bool {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			v, ok := c.pass.TypesInfo.Uses[x].(*types.Var)
			return ok && params[v]
		case *ast.SelectorExpr:
			e = x.X
		case *ast.CallExpr:
			sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			if !ok || len(x.Args) != 0 {
				return false
			}
			e = sel.X
		default:
			return false
		}
	}
}

// outermostFunc returns the outermost function declaration or literal
// around cur.
func outermostFunc(cur inspector.Cursor) (inspector.Cursor, bool) {
	var outer inspector.Cursor
	found := false
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		outer, found = fc, true
	}
	return outer, found
}

// isCommandAction reports whether a function of type ft handles a command
// line command: it takes a *cobra.Command, or a urfave/cli *cli.Command
// (v3's Action(ctx, cmd)). Its context is the process's, made in main from
// a root and cancelled by a signal: it carries no request's trace, so
// passing it instead of a fresh root changes nothing.
func (c *checker) isCommandAction(ft *ast.FuncType) bool {
	for _, field := range ft.Params.List {
		t := c.pass.TypesInfo.TypeOf(field.Type)
		if t == nil {
			continue
		}
		named := namedOf(t)
		if named == nil || named.Obj().Pkg() == nil || named.Obj().Name() != "Command" {
			continue
		}
		switch path := named.Obj().Pkg().Path(); {
		case path == "github.com/spf13/cobra", strings.HasPrefix(path, "github.com/urfave/cli"):
			return true
		}
	}
	return false
}

// callbackBoundary returns the position of the innermost function literal
// around cur that is stored for later (storedLit; a returned literal is the
// function's own continuation, see outlives): a callback such as
// http.Transport{Dial: func...} runs once per event, on behalf of whoever
// triggers it, so a context of the function that built it belongs to
// another piece of work. It returns token.NoPos when there is none.
func callbackBoundary(cur inspector.Cursor) token.Pos {
	for lit := range cur.Enclosing((*ast.FuncLit)(nil)) {
		parent := lit.Parent().Node()
		if _, returned := parent.(*ast.ReturnStmt); !returned && storedLit(parent, lit.Node().(*ast.FuncLit)) {
			return lit.Node().Pos()
		}
	}
	return token.NoPos
}

// storedLit reports whether the function literal lit, a child of parent,
// is kept to run later rather than run by the code around it: the value
// of a field in a composite literal, assigned to a field or an element,
// appended to a slice, or returned. A literal called on the spot, given
// to a call as an argument (which usually runs it: cache.Take, once.Do,
// g.Go) or assigned to a local variable runs here.
func storedLit(parent ast.Node, lit *ast.FuncLit) bool {
	switch parent := parent.(type) {
	case *ast.KeyValueExpr:
		return parent.Value == lit
	case *ast.AssignStmt:
		for i, rhs := range parent.Rhs {
			if rhs != lit || i >= len(parent.Lhs) {
				continue
			}
			switch ast.Unparen(parent.Lhs[i]).(type) {
			case *ast.SelectorExpr, *ast.IndexExpr:
				return true
			}
		}
	case *ast.CallExpr:
		id, ok := ast.Unparen(parent.Fun).(*ast.Ident)
		return ok && id.Name == "append" && parent.Fun != lit
	case *ast.ReturnStmt:
		return true
	}
	return false
}

// storedLits returns the function literals in n that are stored for later
// (storedLit), for walks that do not track parents.
func storedLits(n ast.Node) map[*ast.FuncLit]bool {
	stored := make(map[*ast.FuncLit]bool)
	ast.Inspect(n, func(parent ast.Node) bool {
		var children []ast.Expr
		switch p := parent.(type) {
		case *ast.KeyValueExpr:
			children = []ast.Expr{p.Value}
		case *ast.AssignStmt:
			children = p.Rhs
		case *ast.CallExpr:
			children = p.Args
		case *ast.ReturnStmt:
			children = p.Results
		}
		for _, child := range children {
			if lit, ok := child.(*ast.FuncLit); ok && storedLit(parent, lit) {
				stored[lit] = true
			}
		}
		return true
	})
	return stored
}
