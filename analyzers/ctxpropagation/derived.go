package ctxpropagation

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/tracelint/tracelint/internal/otelapi"
	"github.com/tracelint/tracelint/internal/report"
)

// derivationWhat returns what the derivation function fn puts into the
// context it returns, for messages ("its deadline", "the baggage"), or ""
// when fn is not one whose result matters.
func derivationWhat(fn *types.Func) string {
	if fn.Pkg() == nil {
		return ""
	}
	switch path, name := fn.Pkg().Path(), fn.Name(); {
	case path == "context":
		switch {
		case strings.HasPrefix(name, "WithTimeout"), strings.HasPrefix(name, "WithDeadline"):
			return "its deadline"
		case strings.HasPrefix(name, "WithCancel"):
			return "its cancellation"
		case name == "WithValue":
			return "its value"
		}
	case path == "google.golang.org/grpc/metadata" && (name == "NewOutgoingContext" || name == "AppendToOutgoingContext"):
		return "the outgoing metadata"
	case path == "go.opentelemetry.io/otel/baggage" && name == "ContextWithBaggage":
		return "the baggage"
	case otelapi.CarriesTrace(fn):
		if name == "Extract" {
			return "the extracted trace"
		}
		return "the span"
	}
	return ""
}

// discardedDerivation checks a derivation whose context is dropped (TL106):
//
//	metadata.AppendToOutgoingContext(ctx, "k", "v") // the result is not kept
//	_, cancel := context.WithTimeout(ctx, d)         // the deadline never applies
//	ctx = baggage.ContextWithBaggage(ctx, b)         // and ctx is not used again
//
// The context package's own functions as statements are left to go vet's
// unusedresult.
func (c *checker) discardedDerivation(cur inspector.Cursor, call *ast.CallExpr, fn *types.Func, lhs ast.Expr) {
	what := derivationWhat(fn)
	if what == "" {
		return
	}
	name := calleeText(call)
	switch {
	case lhs == nil:
		if fn.Pkg().Path() == "context" {
			return
		}
		c.reportDerivation(call, fmt.Sprintf("the context %s returns is not kept, so %s never reaches the work; assign it and pass it on", name, what))
	case isBlank(lhs):
		c.reportDerivation(call, fmt.Sprintf("the context %s returns is discarded, so %s never reaches the work; bind it and pass it on", name, what))
	default:
		v, ok := c.objectOf(lhs).(*types.Var)
		if ok && !c.results[v] && !c.readAfter(cur, v) {
			c.reportDerivation(call, fmt.Sprintf("%s is derived by %s but not used afterwards, so %s never reaches the work; pass %s on", v.Name(), name, what, v.Name()))
		}
	}
}

// reportDerivation reports a lost derivation at call.
func (c *checker) reportDerivation(call *ast.CallExpr, msg string) {
	c.rep.Report(report.Finding{Rule: TL106, Pos: call.Pos(), End: call.End(), Message: msg})
}

// readAfter reports whether v, assigned at cur, may be read afterwards: a
// mention after the assignment in the function (other than as the target
// of another assignment), a mention anywhere in a
// loop around the assignment (the next iteration), or any mention in a
// function literal or through its address. A variable declared outside
// the function that assigns it counts as read.
func (c *checker) readAfter(cur inspector.Cursor, v *types.Var) bool {
	fc, body, ok := enclosingFunc(cur)
	if !ok || v.Pos() < fc.Node().Pos() {
		return true
	}
	after := cur.Node().End()
	var loops []ast.Node
	for anc := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		if _, ok := anc.Node().(*ast.FuncLit); ok {
			break
		}
		if _, ok := anc.Node().(*ast.FuncDecl); ok {
			break
		}
		loops = append(loops, anc.Node())
	}
	read := false
	inLit := 0
	writes := make(map[*ast.Ident]bool) // v = ... overwrites, it does not read
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		if read {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			inLit++
			ast.Inspect(n.Body, visit)
			inLit--
			return false
		case *ast.AssignStmt:
			if n.Tok == token.ASSIGN || n.Tok == token.DEFINE {
				for _, lhs := range n.Lhs {
					if id, ok := ast.Unparen(lhs).(*ast.Ident); ok {
						writes[id] = true
					}
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND && c.objectOf(n.X) == v {
				read = true
			}
		case *ast.Ident:
			if c.pass.TypesInfo.Uses[n] != v || writes[n] {
				break
			}
			if inLit > 0 || n.Pos() >= after {
				read = true
			}
			for _, loop := range loops {
				if loop.Pos() <= n.Pos() && n.Pos() < loop.End() {
					read = true
				}
			}
		}
		return !read
	}
	ast.Inspect(body, visit)
	return read
}

// derivationStmt checks an expression statement that calls a derivation
// function and drops its context.
func (c *checker) derivationStmt(cur inspector.Cursor, stmt *ast.ExprStmt) {
	call, ok := ast.Unparen(stmt.X).(*ast.CallExpr)
	if !ok {
		return
	}
	if fn, _ := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func); fn != nil {
		c.discardedDerivation(cur, call, fn, nil)
	}
}
