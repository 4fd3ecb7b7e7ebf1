package ctxpropagation

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/tracelint/tracelint/internal/otelapi"
	"github.com/tracelint/tracelint/internal/report"
)

// assign checks the assignments TL106 is about.
func (c *checker) assign(cur inspector.Cursor, assign *ast.AssignStmt) {
	if !c.rep.Enabled(TL106) || len(assign.Rhs) != 1 {
		return
	}
	call, ok := ast.Unparen(assign.Rhs[0]).(*ast.CallExpr)
	if !ok || len(call.Args) == 0 {
		return
	}
	fn, _ := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if fn == nil {
		return
	}
	sig := fn.Signature()
	if sig.Params().Len() == 0 || !otelapi.IsContext(sig.Params().At(0).Type()) || sig.Results().Len() != len(assign.Lhs) {
		return
	}
	ctxIdx := otelapi.ContextResult(sig)
	if ctxIdx < 0 {
		return
	}
	c.discardedDerivation(cur, call, fn, assign.Lhs[ctxIdx])
	if fn.Name() == "WithContext" && sig.Results().Len() == 2 {
		c.groupContext(cur, assign, call, ctxIdx)
		return
	}
	if assign.Tok == token.ASSIGN && (otelapi.IsStart(fn) || isContextDerivation(fn)) {
		c.loopRederivation(cur, assign, call, fn, ctxIdx)
	}
}

// isContextDerivation reports whether fn is one of the context package's
// With functions (WithCancel, WithTimeout, WithValue, ...).
func isContextDerivation(fn *types.Func) bool {
	return fn.Pkg() != nil && fn.Pkg().Path() == "context" && strings.HasPrefix(fn.Name(), "With")
}

// groupContext checks the closures given to a group made by a
// WithContext-style constructor:
//
//	g, gctx := errgroup.WithContext(ctx)
//	g.Go(func() error { return fetch(ctx) }) // the group's cancellation is lost
func (c *checker) groupContext(cur inspector.Cursor, assign *ast.AssignStmt, call *ast.CallExpr, ctxIdx int) {
	group, ok := c.objectOf(assign.Lhs[1-ctxIdx]).(*types.Var)
	if !ok {
		return
	}
	parent, suffix := c.exprKey(call.Args[0])
	if parent == nil {
		return
	}
	derived, _ := c.objectOf(assign.Lhs[ctxIdx]).(*types.Var)
	if derived != nil && derived.Name() == "_" {
		derived = nil
	}
	if derived == parent {
		return // g, ctx := errgroup.WithContext(ctx) reassigns ctx: later uses are the group's
	}
	fc, _, ok := enclosingFunc(cur)
	if !ok {
		return
	}
	for gc := range fc.Preorder((*ast.CallExpr)(nil)) {
		use := gc.Node().(*ast.CallExpr)
		sel, ok := ast.Unparen(use.Fun).(*ast.SelectorExpr)
		if !ok || use.Pos() < assign.End() || c.objectOf(sel.X) != group {
			continue
		}
		for i, arg := range use.Args {
			if _, ok := arg.(*ast.FuncLit); ok {
				c.parentInGroup(gc.ChildAt(edge.CallExpr_Args, i), parent, suffix, derived, types.ExprString(sel.X))
			}
		}
	}
}

// parentInGroup reports each call argument in the closure lit that passes
// the group's parent context rather than the group's own.
func (c *checker) parentInGroup(lit inspector.Cursor, parent *types.Var, suffix string, derived *types.Var, group string) {
	for ac := range lit.Preorder((*ast.CallExpr)(nil)) {
		use := ac.Node().(*ast.CallExpr)
		if fn, _ := typeutil.Callee(c.pass.TypesInfo, use).(*types.Func); fn != nil && fn.FullName() == "context.WithoutCancel" {
			continue // a deliberate detachment
		}
		for _, arg := range use.Args {
			if v, s := c.exprKey(arg); v != parent || s != suffix || !isContextValue(c.pass.TypesInfo.TypeOf(arg)) {
				continue
			}
			name := types.ExprString(arg)
			f := report.Finding{Rule: TL106, Pos: arg.Pos(), End: arg.End()}
			if derived == nil {
				f.Message = fmt.Sprintf("%s is the parent of group %q's context, so this call is not cancelled with the group; bind the context WithContext returns and pass it", name, group)
			} else {
				f.Message = fmt.Sprintf("%s is the parent of group %q's context, so this call is not cancelled with the group; pass %s", name, group, derived.Name())
				if _, obj := c.pass.Pkg.Scope().Innermost(arg.Pos()).LookupParent(derived.Name(), arg.Pos()); obj == derived {
					f.Fix = &analysis.SuggestedFix{
						Message:   "Pass " + derived.Name(),
						TextEdits: []analysis.TextEdit{{Pos: arg.Pos(), End: arg.End(), NewText: []byte(derived.Name())}},
					}
				}
			}
			c.rep.Report(f)
		}
	}
}

// loopRederivation checks a context derived from itself inside a loop:
//
//	for _, item := range items {
//		ctx, span = tracer.Start(ctx, "item") // nests under the previous item
func (c *checker) loopRederivation(cur inspector.Cursor, assign *ast.AssignStmt, call *ast.CallExpr, fn *types.Func, ctxIdx int) {
	v, ok := c.objectOf(call.Args[0]).(*types.Var)
	if !ok || c.objectOf(assign.Lhs[ctxIdx]) != v {
		return
	}
	for anc := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		var body *ast.BlockStmt
		switch loop := anc.Node().(type) {
		case *ast.ForStmt:
			body = loop.Body
		case *ast.RangeStmt:
			body = loop.Body
		default:
			return
		}
		if v.Pos() >= anc.Node().Pos() || call.Pos() < body.Pos() {
			continue // declared in the loop, or in its header
		}
		if fn.Name() == "WithValue" && c.boundedLoop(anc.Node()) {
			return // a few values put in one after another, on purpose
		}
		consequence := "so each iteration's span nests under the previous one"
		if !otelapi.IsStart(fn) {
			consequence = "so the chain of contexts grows with every iteration"
		}
		c.rep.Report(report.Finding{
			Rule: TL106,
			Pos:  call.Pos(),
			End:  call.End(),
			Message: fmt.Sprintf("%s is derived from itself on every iteration of the loop, %s; derive a context for each iteration with := from the context the loop started with",
				v.Name(), consequence),
		})
		return
	}
}

// boundedLoop reports whether loop runs a number of times its data fixes
// (a range over a slice, map, array, string or integer, a counted for
// loop), rather than until something happens (for {}, a range over a
// channel or function): growing a context by one value per iteration of
// the former is a deliberate way to set several values. A for loop counts
// when it has a condition and a post statement; where its counter starts
// does not matter.
func (c *checker) boundedLoop(loop ast.Node) bool {
	switch loop := loop.(type) {
	case *ast.RangeStmt:
		switch c.pass.TypesInfo.TypeOf(loop.X).Underlying().(type) {
		case *types.Chan, *types.Signature:
			return false
		}
		return true
	case *ast.ForStmt:
		return loop.Cond != nil && loop.Post != nil
	}
	return false
}
