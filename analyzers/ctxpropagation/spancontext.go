package ctxpropagation

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/tracelint/tracelint/internal/otelapi"
	"github.com/tracelint/tracelint/internal/rules"
)

// discardedSpanContext checks a span start whose context result is
// discarded while the span is kept (TL103):
//
//	_, span := tracer.Start(ctx, "load")
//	defer span.End()
//	db.QueryContext(ctx, q) // a sibling of "load", not its child
func (c *checker) discardedSpanContext(cur inspector.Cursor, call *ast.CallExpr, fn *types.Func) {
	if !c.rep.Enabled(TL103) || len(call.Args) == 0 {
		return
	}
	assign, ok := cur.Parent().Node().(*ast.AssignStmt)
	if !ok || len(assign.Rhs) != 1 {
		return
	}
	sig := fn.Signature()
	ctxIdx, spanIdx := otelapi.ContextResult(sig), otelapi.SpanResult(sig)
	if ctxIdx < 0 || spanIdx < 0 || len(assign.Lhs) != sig.Results().Len() ||
		!isBlank(assign.Lhs[ctxIdx]) || isBlank(assign.Lhs[spanIdx]) {
		return
	}
	parent, suffix := c.exprKey(call.Args[0])
	if parent == nil {
		return
	}
	_, body, ok := enclosingFunc(cur)
	if !ok {
		return
	}
	span := c.objectOf(assign.Lhs[spanIdx])
	end := c.spanEnd(body, span, call.End())
	var later *ast.CallExpr
	usedAfterEnd := false
	ast.Inspect(body, func(n ast.Node) bool {
		other, ok := n.(*ast.CallExpr)
		if !ok || other.Pos() < call.End() {
			return true
		}
		for _, arg := range other.Args {
			if v, s := c.exprKey(arg); v == parent && s == suffix && isContextValue(c.pass.TypesInfo.TypeOf(arg)) {
				if other.Pos() < end {
					if later == nil {
						later = other
					}
				} else {
					usedAfterEnd = true
				}
			}
		}
		return true
	})
	if later == nil {
		return // a leaf span
	}
	name := types.ExprString(call.Args[0])
	f := rules.Finding{
		Rule: TL103,
		Pos:  call.Pos(),
		End:  call.End(),
		Message: fmt.Sprintf("the context of span %q is discarded and %s is passed on instead, so later spans become its siblings, not its children; bind the returned context and pass it",
			types.ExprString(assign.Lhs[spanIdx]), name),
		Related: []analysis.RelatedInformation{{Pos: later.Pos(), End: later.End(), Message: name + " is passed on here"}},
	}
	if suffix == "" && !usedAfterEnd && c.rebindable(assign, parent) {
		f.Fix = &analysis.SuggestedFix{
			Message: "Bind the span's context to " + parent.Name(),
			TextEdits: []analysis.TextEdit{{
				Pos: assign.Lhs[ctxIdx].Pos(), End: assign.Lhs[ctxIdx].End(), NewText: []byte(parent.Name()),
			}},
		}
	}
	c.rep.Report(f)
}

// spanEnd returns the position of the first call span.End() (or Finish)
// after pos that is not deferred, or the end of body.
func (c *checker) spanEnd(body *ast.BlockStmt, span types.Object, after token.Pos) token.Pos {
	end := body.End()
	deferred := make(map[*ast.CallExpr]bool)
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.DeferStmt:
			deferred[n.Call] = true
		case *ast.CallExpr:
			sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
			if !ok || !otelapi.EndMethods[sel.Sel.Name] || deferred[n] || n.Pos() < after || n.Pos() >= end {
				return true
			}
			if c.objectOf(sel.X) == span {
				if _, ok := typeutil.Callee(c.pass.TypesInfo, n).(*types.Func); ok {
					end = n.Pos()
				}
			}
		}
		return true
	})
	return end
}

// rebindable reports whether assigning the start's context to parent, in
// place of "_", reassigns parent rather than declaring a new variable that
// shadows it: a plain assignment, or a := in the scope parent belongs to.
func (c *checker) rebindable(assign *ast.AssignStmt, parent *types.Var) bool {
	if assign.Tok == token.ASSIGN {
		return true
	}
	return c.pass.Pkg.Scope().Innermost(assign.Pos()) == parent.Parent()
}

// isBlank reports whether e is the blank identifier.
func isBlank(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && id.Name == "_"
}
