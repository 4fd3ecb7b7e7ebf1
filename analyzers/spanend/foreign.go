package spanend

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/tracelint/tracelint/internal/otelapi"
	"github.com/tracelint/tracelint/internal/report"
)

// checkLoopDefers reports TL203: a deferred End of a span inside a loop
// body, where the nearest enclosing function is the one that loops.
func (c *checker) checkLoopDefers() {
	for _, d := range c.defers {
		v := c.deferredEnd(d.Node().(*ast.DeferStmt))
		if v == nil {
			continue
		}
		loop, ok := enclosingLoop(d)
		if !ok {
			continue
		}
		f := report.Finding{
			Rule: TL203,
			Pos:  d.Node().Pos(),
			End:  d.Node().End(),
			Message: fmt.Sprintf("span %q is ended by a defer inside a loop, so every iteration's span stays open until the function returns; call %s.%s() at the end of each iteration, or move the body into a function",
				v.Name(), v.Name(), otelapi.EndMethodOf(v.Type())),
		}
		// Report at the start when the loop starts the span, as other rules do.
		for _, s := range c.starts {
			if s.span == v && loop.Contains(s.cur) && s.call.Pos() < d.Node().Pos() {
				f.Pos, f.End = s.call.Pos(), s.call.End()
				f.Related = []analysis.RelatedInformation{{Pos: d.Node().Pos(), End: d.Node().End(), Message: "deferred here, inside the loop"}}
			}
		}
		c.rep.Report(f)
	}
}

// deferredEnd returns the span variable a defer statement ends:
//
//	defer span.End()
//	defer func() { ...; span.End() }()
func (c *checker) deferredEnd(d *ast.DeferStmt) *types.Var {
	if v := c.endedVar(d.Call); v != nil {
		return v
	}
	lit, ok := d.Call.Fun.(*ast.FuncLit)
	if !ok {
		return nil
	}
	var v *types.Var
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && v == nil {
			v = c.endedVar(call)
		}
		return v == nil
	})
	return v
}

// endedVar returns v when call is v.End() or v.Finish(...) on a span: a
// variable of a tracing API's span type, or one that holds a span the
// function starts (a wrapper's own span type). A Finish method alone does
// not make a span: gomock's Controller has one.
func (c *checker) endedVar(call *ast.CallExpr) *types.Var {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || !otelapi.EndMethods[sel.Sel.Name] {
		return nil
	}
	v, ok := identObj(c.pass.TypesInfo, sel.X).(*types.Var)
	if !ok || otelapi.EndMethodOf(v.Type()) != sel.Sel.Name {
		return nil
	}
	if otelapi.IsSpanType(v.Type()) || slices.ContainsFunc(c.starts, func(s *start) bool { return s.span == v }) {
		return v
	}
	return nil
}

// foreignSpan is a span a function takes from a context rather than
// starts:
//
//	trace.SpanFromContext(ctx).End()                  // end set, no variable
//	span := trace.SpanFromContext(ctx); ...; span.End() // variable set
type foreignSpan struct {
	getter string        // the getter as written, e.g. "trace.SpanFromContext"
	call   *ast.CallExpr // the getter's call
	end    *ast.CallExpr // an End call on the getter's result
	span   *types.Var
	fun    *funcInfo
}

// bindGetter records the span fetched by the getter call at cur, or returns
// nil when it is neither ended directly nor kept in a variable (of this
// function or an enclosing one).
func (c *checker) bindGetter(cur inspector.Cursor) *foreignSpan {
	call := cur.Node().(*ast.CallExpr)
	fs := &foreignSpan{getter: types.ExprString(call.Fun), call: call}
	switch k, idx := cur.ParentEdge(); k {
	case edge.SelectorExpr_X:
		if cur.Parent().ParentEdgeKind() == edge.CallExpr_Fun && otelapi.EndMethods[cur.Parent().Node().(*ast.SelectorExpr).Sel.Name] {
			fs.end = cur.Parent().Parent().Node().(*ast.CallExpr)
			return fs
		}
	case edge.AssignStmt_Rhs, edge.ValueSpec_Values:
		sig, ok := c.pass.TypesInfo.TypeOf(call.Fun).Underlying().(*types.Signature)
		if !ok || otelapi.SpanResult(sig) < 0 {
			return nil
		}
		var lhs []ast.Expr
		n := 0
		switch p := cur.Parent().Node().(type) {
		case *ast.AssignStmt:
			lhs, n = p.Lhs, len(p.Rhs)
		case *ast.ValueSpec:
			for _, name := range p.Names {
				lhs = append(lhs, name)
			}
			n = len(p.Values)
		}
		spanLHS, _ := pickResults(lhs, n, idx, sig, otelapi.SpanResult(sig), -1)
		v, ok := identObj(c.pass.TypesInfo, spanLHS).(*types.Var)
		fs.fun = c.funcOf(cur)
		if !ok || fs.fun == nil {
			return nil
		}
		fs.span = v
		fs.fun.track(v)
		return fs
	}
	return nil
}

// checkForeignEnds reports TL206 for every span taken from a context and
// ended, unless the same variable also holds a span the function starts.
func (c *checker) checkForeignEnds() {
	for _, fs := range c.foreign {
		if c.handedBack(fs.call) || c.emptyContext(fs.call) {
			continue
		}
		if fs.end != nil {
			c.reportForeign(fs.end, fs.getter+"(...)", nil)
			continue
		}
		if slices.ContainsFunc(c.starts, func(s *start) bool { return s.span == fs.span }) {
			continue
		}
		var ends []*ast.CallExpr
		for _, u := range fs.fun.usesOf(fs.span) {
			if u.end != nil {
				ends = append(ends, u.end)
			}
		}
		if len(ends) == 0 {
			continue
		}
		var related []analysis.RelatedInformation
		for _, e := range ends[1:] {
			related = append(related, analysis.RelatedInformation{Pos: e.Pos(), End: e.End(), Message: "ended here too"})
		}
		c.reportForeign(ends[0], fmt.Sprintf("span %q comes from %s: it", fs.span.Name(), fs.getter), related)
	}
}

// handedBack reports whether the context getter reads its span from was
// handed back by a call that may have started the span for this code: a
// gRPC stats handler's TagRPC, a middleware's before hook, called from the
// code (often a test) that then ends the span:
//
//	ctx = h.TagRPC(ctx, info)
//	trace.SpanFromContext(ctx).End()
//
// A start (ctx, _ = tracer.Start(ctx, name)) counts too: the span in the
// context it returns is this function's own. Calls of the context package
// only derive contexts and do not count.
func (c *checker) handedBack(getter *ast.CallExpr) bool {
	if len(getter.Args) == 0 {
		return false
	}
	fromCall := func(e ast.Expr) bool {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			return false
		}
		fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
		if !ok || fn.Pkg() == nil || fn.Pkg().Path() == "context" {
			return false
		}
		return otelapi.ContextResult(fn.Signature()) >= 0
	}
	arg := ast.Unparen(getter.Args[0])
	if fromCall(arg) {
		return true
	}
	v, ok := identObj(c.pass.TypesInfo, arg).(*types.Var)
	if !ok {
		return false
	}
	return slices.ContainsFunc(c.valuesOf(v), fromCall)
}

// emptyContext reports whether the getter reads from a fresh root
// (context.Background(), or a variable that only ever holds one): the span
// it returns is a no-op span, and ending it ends nothing.
func (c *checker) emptyContext(getter *ast.CallExpr) bool {
	if len(getter.Args) == 0 {
		return false
	}
	isRoot := func(e ast.Expr) bool {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			return false
		}
		fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
		return ok && otelapi.IsFreshRoot(fn)
	}
	arg := ast.Unparen(getter.Args[0])
	if isRoot(arg) {
		return true
	}
	v, ok := identObj(c.pass.TypesInfo, arg).(*types.Var)
	if !ok {
		return false
	}
	values := c.valuesOf(v)
	return len(values) > 0 && !slices.ContainsFunc(values, func(rhs ast.Expr) bool { return !isRoot(rhs) })
}

func (c *checker) reportForeign(end *ast.CallExpr, what string, related []analysis.RelatedInformation) {
	c.rep.Report(report.Finding{
		Rule:    TL206,
		Pos:     end.Pos(),
		End:     end.End(),
		Related: related,
		Message: fmt.Sprintf("%s is the caller's span, not one this function started, and ending it here ends the caller's span early; remove the call, or start a child span with tracer.Start and end that", what),
	})
}
