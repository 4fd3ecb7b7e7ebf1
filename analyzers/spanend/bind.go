package spanend

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/tracelint/tracelint/internal/otelapi"
	"github.com/tracelint/tracelint/internal/report"
)

// startKind says what a function does with the span a call starts.
type startKind uint8

const (
	// bound: held in a variable the function declares; its paths are checked.
	bound startKind = iota
	// discarded: assigned to _ or dropped with the whole result.
	discarded
)

// start is one span-starting call whose span the function keeps or drops.
// Starts whose span is handed over at once (returned, stored in a field,
// passed as an argument) are not recorded at all.
type start struct {
	call *ast.CallExpr
	cur  inspector.Cursor
	kind startKind
	fun  *funcInfo
	// For bound starts: the span variable and the CFG node that assigns it
	// (an *ast.AssignStmt or *ast.ValueSpec).
	span *types.Var
	stmt ast.Node
	// For bound starts of a function whose last result is an error: the
	// variable receiving it. Where it is non-nil the span is not valid (a
	// wrapper returns a nil span with its error), so no path leaks there.
	err *types.Var
	// For discarded starts: whether the derived context escapes the function,
	// so that later code can end the span through SpanFromContext.
	ctxEscapes bool
	// endFunc: the obligation is a function to call (a team's start helper
	// that returns one), not a span; span is then that function's variable.
	endFunc bool
	// endMethod: for a helper that hands out a value, the method of that
	// value that ends the span (sc.Close()); endFunc is set too.
	endMethod string
	// endsOnSomePath: some path from the start ends or hands over the span
	// (set by leaks).
	endsOnSomePath bool
	// For bound starts: where the derived context is handed beyond the
	// function (returned, stored, sent). A path that does it hands the span
	// over with it: later code ends it through SpanFromContext.
	ctxHandOvers []token.Pos
}

// bind works out where the span started by the call at cur goes. The
// accepted shapes are
//
//	ctx, span := tracer.Start(ctx, name)      // also =, and var ctx, span = ...
//	span, ctx := tracer.StartSpanFromContext(ctx, name)
//	span := tracer.StartSpan(name)
//	ctx, _ := tracer.Start(ctx, name)         // discarded
//	tracer.Start(ctx, name)                   // discarded
//
// Any other context hands the span over (return, argument, field) and bind
// returns nil.
//
// spanIdx is the index of the result that holds the obligation: the span,
// or the end function of a team's start helper (endFunc).
func (c *checker) bind(cur inspector.Cursor, spanIdx int, endFunc bool) *start {
	call := cur.Node().(*ast.CallExpr)
	sig, ok := c.pass.TypesInfo.TypeOf(call.Fun).Underlying().(*types.Signature)
	if !ok {
		return nil
	}
	ctxIdx := otelapi.ContextResult(sig)
	if spanIdx < 0 {
		return nil
	}
	fun := c.funcOf(cur)
	if fun == nil {
		return nil // a start at package level, in a variable initializer
	}
	s := &start{call: call, cur: cur, fun: fun, endFunc: endFunc}

	// Pick the expressions receiving the span and the context.
	var spanLHS, ctxLHS, errLHS ast.Expr
	k, idx := cur.ParentEdge()
	switch k {
	case edge.ExprStmt_X:
		s.kind = discarded
		return s
	case edge.AssignStmt_Rhs:
		as := cur.Parent().Node().(*ast.AssignStmt)
		spanLHS, ctxLHS = pickResults(as.Lhs, len(as.Rhs), idx, sig, spanIdx, ctxIdx)
		errLHS = errorResult(as.Lhs, len(as.Rhs), sig)
		s.stmt = as
	case edge.ValueSpec_Values:
		vs := cur.Parent().Node().(*ast.ValueSpec)
		names := make([]ast.Expr, len(vs.Names))
		for i, n := range vs.Names {
			names[i] = n
		}
		spanLHS, ctxLHS = pickResults(names, len(vs.Values), idx, sig, spanIdx, ctxIdx)
		errLHS = errorResult(names, len(vs.Values), sig)
		s.stmt = vs
	}
	if spanLHS == nil {
		return nil
	}
	if isBlank(spanLHS) {
		s.kind = discarded
		s.ctxEscapes = ctxLHS != nil && c.contextEscapes(ctxLHS, fun)
		return s
	}
	v, ok := identObj(c.pass.TypesInfo, spanLHS).(*types.Var)
	if !ok || !fun.declares(v) {
		return nil // stored in a field, or in a variable of an enclosing function
	}
	s.kind, s.span = bound, v
	if ctx := identObj(c.pass.TypesInfo, ctxLHS); ctxLHS != nil && ctx != nil {
		s.ctxHandOvers = c.contextHandOvers(ctx, fun, false)
	}
	if errLHS != nil {
		s.err, _ = identObj(c.pass.TypesInfo, errLHS).(*types.Var)
	}
	fun.track(v)
	return s
}

// errorResult returns the left-hand side receiving the call's error, when
// the call is the only right-hand value and its last result is an error.
func errorResult(lhs []ast.Expr, n int, sig *types.Signature) ast.Expr {
	res := sig.Results()
	if n != 1 || len(lhs) != res.Len() || res.Len() < 2 || !isError(res.At(res.Len()-1).Type()) {
		return nil
	}
	return lhs[len(lhs)-1]
}

// pickResults returns the left-hand sides receiving the span and the context
// in an assignment of n right-hand values, the call being the idx-th.
func pickResults(lhs []ast.Expr, n, idx int, sig *types.Signature, spanIdx, ctxIdx int) (span, ctx ast.Expr) {
	switch {
	case n == 1 && len(lhs) == sig.Results().Len():
		span = lhs[spanIdx]
		if ctxIdx >= 0 {
			ctx = lhs[ctxIdx]
		}
	case len(lhs) == n && sig.Results().Len() == 1:
		span = lhs[idx]
	}
	return span, ctx
}

// contextEscapes reports whether the context a discarded start derived is
// handed beyond the function: returned, stored in a field, element or
// composite literal, sent, or passed to a WithContext method (as in
// r = r.WithContext(ctx)). Code that does this, such as a gRPC stats
// handler's TagRPC, ends the span later through SpanFromContext.
func (c *checker) contextEscapes(lhs ast.Expr, fun *funcInfo) bool {
	obj := identObj(c.pass.TypesInfo, lhs)
	if obj == nil {
		return !isBlank(lhs) // stored straight into a field or element
	}
	return len(c.contextHandOvers(obj, fun, true)) > 0
}

// contextHandOvers returns the positions where the function hands the
// context variable obj beyond itself: a return, a composite literal, a
// send, an assignment to a field or element, and, with withContext, a
// WithContext call. A context passed to any other call is used there, not
// handed over, unless the call derives a context from it.
func (c *checker) contextHandOvers(obj types.Object, fun *funcInfo, withContext bool) []token.Pos {
	var out []token.Pos
	for cur := range fun.cur.Preorder((*ast.Ident)(nil)) {
		if c.pass.TypesInfo.Uses[cur.Node().(*ast.Ident)] != obj {
			continue
		}
		child := cur
	ancestors:
		for anc := range cur.Enclosing() {
			if anc.Node() == fun.cur.Node() {
				break
			}
			switch n := anc.Node().(type) {
			case *ast.ReturnStmt, *ast.CompositeLit, *ast.SendStmt:
				out = append(out, cur.Node().Pos())
				break ancestors
			case *ast.AssignStmt:
				if child.ParentEdgeKind() == edge.AssignStmt_Rhs && !allIdents(n.Lhs) {
					out = append(out, cur.Node().Pos())
					break ancestors
				}
			case *ast.CallExpr:
				if sel, ok := n.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "WithContext" && withContext {
					out = append(out, cur.Node().Pos())
					break ancestors
				}
				if !otelapi.IsContext(c.pass.TypesInfo.TypeOf(n)) {
					break ancestors // used by the call, not handed over (a derived context still is)
				}
			}
			child = anc
		}
	}
	return out
}

// reportDiscarded reports a TL202 finding.
func (c *checker) reportDiscarded(s *start) {
	message := "the span started by " + types.ExprString(s.call.Fun) +
		" is discarded, so it is never ended or exported; assign it to a variable and end it, e.g. defer span.End()"
	switch {
	case s.endMethod != "":
		message = "the value whose " + s.endMethod + " method ends the span started by " + types.ExprString(s.call.Fun) +
			" is discarded, so the span is never ended or exported; assign it to a variable and call it, e.g. defer v." + s.endMethod + "()"
	case s.endFunc:
		message = "the function that ends the span started by " + types.ExprString(s.call.Fun) +
			" is discarded, so the span is never ended or exported; assign it to a variable and call it, e.g. defer end()"
	}
	c.rep.Report(report.Finding{Rule: TL202, Pos: s.call.Pos(), End: s.call.End(), Message: message})
}

func allIdents(list []ast.Expr) bool {
	for _, e := range list {
		if _, ok := e.(*ast.Ident); !ok {
			return false
		}
	}
	return true
}
