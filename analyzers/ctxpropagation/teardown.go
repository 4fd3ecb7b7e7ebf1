package ctxpropagation

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"
)

// teardownRoot reports whether the fresh root call at cur serves teardown,
// where the request's context is done or about to be, so a fresh root is
// the right context:
//
//	defer srv.Shutdown(context.Background())       // a teardown call
//	t.Cleanup(func() { db.Close(context.TODO()) }) // a cleanup hook
//	<-ctx.Done()
//	srv.Shutdown(context.Background())             // after the context is done
//	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
//	srv.Shutdown(sctx)                             // a root made for a shutdown call
//	defer func() {
//		ctx, cancel := context.WithTimeout(context.Background(), grace) // a bounded deferred cleanup
//		...
//	}()
func (c *checker) teardownRoot(cur inspector.Cursor) bool {
	if c.inCleanupCode(cur) || c.afterDone(cur) {
		return true
	}
	// The root as an argument, directly or through a context.With function.
	expr := c.derivedFrom(cur)
	if inDefer(cur) && boundedByTimeout(expr, cur) {
		// A deferred cleanup bounded by a timeout of its own:
		// ctx, cancel := context.WithTimeout(context.Background(), grace).
		return true
	}
	if outer, ok := expr.Parent().Node().(*ast.CallExpr); ok && expr.Node() != outer.Fun && c.isTeardownCall(outer) {
		return true
	}
	// The variable it is assigned to, passed to a teardown call.
	v := c.assignedTo(expr)
	if v == nil {
		return false
	}
	outer, ok := outermostFunc(cur)
	if !ok {
		return false
	}
	for cc := range outer.Preorder((*ast.CallExpr)(nil)) {
		other := cc.Node().(*ast.CallExpr)
		if !c.isTeardownCall(other) {
			continue
		}
		for _, arg := range other.Args {
			if c.objectOf(arg) == v {
				return true
			}
		}
	}
	return false
}

// assignedTo returns the variable that the expression at cur is assigned
// to (its first one for a call with several results), or nil.
func (c *checker) assignedTo(cur inspector.Cursor) types.Object {
	switch parent := cur.Parent().Node().(type) {
	case *ast.AssignStmt:
		for i, rhs := range parent.Rhs {
			if rhs == cur.Node() && (len(parent.Lhs) == len(parent.Rhs) || i == 0) {
				return c.objectOf(parent.Lhs[i])
			}
		}
	case *ast.ValueSpec:
		for i, rhs := range parent.Values {
			if rhs == cur.Node() && i < len(parent.Names) {
				return c.pass.TypesInfo.Defs[parent.Names[i]]
			}
		}
	}
	return nil
}

// teardownWords are the words of the names of functions that stop, close or
// clean up something.
var teardownWords = []string{"shutdown", "stop", "close", "drain", "teardown", "clean", "terminate", "flush", "release"}

// isTeardownCall reports whether call calls a function or method whose name
// says it stops, closes or cleans up something (Shutdown, GracefulStop,
// CloseAll, ForceFlush).
func (c *checker) isTeardownCall(call *ast.CallExpr) bool {
	id := nameIdent(call.Fun)
	if id == nil {
		return false
	}
	name := strings.ToLower(id.Name)
	for _, w := range teardownWords {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

// inCleanupCode reports whether cur lies in a function literal given to a
// Cleanup-like hook (t.Cleanup, OnStop, RegisterOnShutdown): code that runs
// when the work is over. (A deferred call is not: the function's context
// is still live while it runs, unless the root goes to a teardown call.)
func (c *checker) inCleanupCode(cur inspector.Cursor) bool {
	for anc := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch anc.Node().(type) {
		case *ast.FuncDecl:
			return false
		case *ast.FuncLit:
			if hook, ok := anc.Parent().Node().(*ast.CallExpr); ok && hook.Fun != anc.Node() && c.isTeardownCall(hook) {
				return true
			}
		}
	}
	return false
}

// afterDone reports whether cur runs after a context is known to be done:
// in a select case receiving from its Done channel, or after a statement of
// an enclosing block that waits for it (<-ctx.Done()).
func (c *checker) afterDone(cur inspector.Cursor) bool {
	for anc := range cur.Enclosing() {
		switch n := anc.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return false
		case *ast.CommClause:
			if n.Comm != nil && c.receivesDone(n.Comm) {
				return true
			}
		}
		// Earlier statements of the block that holds anc.
		block, ok := anc.Parent().Node().(*ast.BlockStmt)
		if !ok {
			if cc, ok := anc.Parent().Node().(*ast.CaseClause); ok {
				for _, s := range cc.Body {
					if s.End() <= anc.Node().Pos() && c.receivesDone(s) {
						return true
					}
				}
			}
			continue
		}
		for _, s := range block.List {
			if s.End() <= anc.Node().Pos() && c.receivesDone(s) {
				return true
			}
		}
	}
	return false
}

// receivesDone reports whether the statement s waits for a context to be
// done: <-ctx.Done(), or v := <-ctx.Done() (as a select case, too).
func (c *checker) receivesDone(s ast.Stmt) bool {
	var x ast.Expr
	switch s := s.(type) {
	case *ast.ExprStmt:
		x = s.X
	case *ast.AssignStmt:
		if len(s.Rhs) == 1 {
			x = s.Rhs[0]
		}
	}
	recv, ok := ast.Unparen(x).(*ast.UnaryExpr)
	if !ok || recv.Op != token.ARROW {
		return false
	}
	call, ok := ast.Unparen(recv.X).(*ast.CallExpr)
	if !ok {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Done" {
		return false
	}
	t := c.pass.TypesInfo.TypeOf(sel.X)
	return t != nil && isContextValue(t)
}

// inDefer reports whether cur lies in a deferred call of its function (in
// its arguments, or in the body of a deferred function literal).
func inDefer(cur inspector.Cursor) bool {
	for anc := range cur.Enclosing((*ast.DeferStmt)(nil), (*ast.FuncDecl)(nil)) {
		_, ok := anc.Node().(*ast.DeferStmt)
		return ok
	}
	return false
}
