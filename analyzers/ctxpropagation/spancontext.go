package ctxpropagation

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/tracelint/tracelint/internal/otelapi"
	"github.com/tracelint/tracelint/internal/report"
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
	if ctxIdx < 0 || spanIdx < 0 || len(assign.Lhs) != sig.Results().Len() || isBlank(assign.Lhs[spanIdx]) {
		return
	}
	parent, suffix := c.exprKey(call.Args[0])
	if parent == nil {
		return
	}
	// The span's context bound to a new variable while the parent goes on:
	// ctx2, span := tracer.Start(r.Context(), "x"); next.ServeHTTP(w, r).
	var bound *types.Var
	if !isBlank(assign.Lhs[ctxIdx]) {
		v, ok := c.objectOf(assign.Lhs[ctxIdx]).(*types.Var)
		if !ok || v == parent {
			return
		}
		bound = v
	}
	_, body, ok := enclosingFunc(cur)
	if !ok {
		return
	}
	span := c.objectOf(assign.Lhs[spanIdx])
	end := c.spanEnd(body, span, call.End())
	var later ast.Node // where the parent is passed on
	usedAfterEnd := false
	passes := func(n ast.Node, arg ast.Expr) bool {
		v, s := c.exprKey(arg)
		if v != parent {
			return false
		}
		// The parent itself, or the request it came from handed to the
		// next handler (r for r.Context(): next.ServeHTTP(w, r)).
		call, isCall := n.(*ast.CallExpr)
		return s == suffix && isContextValue(c.pass.TypesInfo.TypeOf(arg)) ||
			s == "" && suffix != "" && isCall && c.isHandlerCall(call)
	}
	var spanReturned *ast.ReturnStmt
	// Only code that can run after the start: the block or case clause
	// that holds it, not a sibling case of a switch.
	ast.Inspect(startScope(cur, body), func(n ast.Node) bool {
		var args []ast.Expr
		switch n := n.(type) {
		case *ast.CallExpr:
			args = n.Args
		case *ast.ReturnStmt:
			args = n.Results // return ctx, span: the caller goes on with the parent
			for _, r := range n.Results {
				if c.objectOf(r) == span && span != nil {
					spanReturned = n
				}
			}
		default:
			return true
		}
		if n.Pos() < call.End() {
			return true
		}
		for k, arg := range args {
			if !passes(n, arg) {
				continue
			}
			if call, ok := n.(*ast.CallExpr); ok && (c.readOnlyCallee(call, k) || c.endHandedOver(call, span, body)) {
				continue // the callee starts no span under the context, or the span ends before it goes on
			}
			if n.Pos() >= end {
				usedAfterEnd = true
			} else if later == nil {
				later = n
			}
		}
		return true
	})
	name := types.ExprString(call.Args[0])
	message := fmt.Sprintf("the context of span %q is discarded and %s is passed on instead, so later spans become its siblings, not its children; bind the returned context and pass it",
		types.ExprString(assign.Lhs[spanIdx]), name)
	var related []analysis.RelatedInformation
	switch {
	case bound != nil:
		if later == nil {
			return
		}
		if _, ok := later.(*ast.ReturnStmt); ok {
			return // returning the parent beside a bound child context is a choice
		}
		if c.reassignedAfter(body, parent, call.End()) {
			return // ctx = ctx2 hands the child over under the parent's name
		}
		c.rep.Report(report.Finding{
			Rule: TL103,
			Pos:  later.Pos(),
			End:  later.End(),
			Message: fmt.Sprintf("%s is passed on while span %q is open, although its context %s is bound, so the spans started here become its siblings, not its children; pass %s",
				name, types.ExprString(assign.Lhs[spanIdx]), bound.Name(), bound.Name()),
			Related: []analysis.RelatedInformation{{Pos: call.Pos(), End: call.End(), Message: "the span and " + bound.Name() + " are started here"}},
		})
		return
	case later != nil:
		related = []analysis.RelatedInformation{{Pos: later.Pos(), End: later.End(), Message: name + " is passed on here"}}
	case spanReturned != nil && c.wrapperWithoutContext(cur):
		// A start wrapper that hands out the span but not its context:
		// every span its callers start is a sibling of this one.
		message = fmt.Sprintf("the context of span %q is discarded and only the span is returned, so spans the callers start become its siblings, not its children; return the context too",
			types.ExprString(assign.Lhs[spanIdx]))
		related = []analysis.RelatedInformation{{Pos: spanReturned.Pos(), End: spanReturned.End(), Message: "the span is returned without its context here"}}
	default:
		return // a leaf span
	}
	f := report.Finding{
		Rule:    TL103,
		Pos:     call.Pos(),
		End:     call.End(),
		Message: message,
		Related: related,
	}
	if later != nil && suffix == "" && !usedAfterEnd && c.rebindable(assign, parent) {
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
// after pos that is not deferred nor in a function literal, or the end of
// body.
func (c *checker) spanEnd(body *ast.BlockStmt, span types.Object, after token.Pos) token.Pos {
	end := body.End()
	deferred := make(map[*ast.CallExpr]bool)
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // defer func() { span.End() }() ends the span late; a callback's End, who knows when
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

// startWrapper reports whether fn is a span start of the team's own: it
// takes a context first and returns a context and a span (startSpan(ctx,
// name), startTrace(ctx, op) around tracer.Start), and, when its source is
// in the module, its body calls a Start... or start... function. Its context
// result is the span's, as Start's is. A function of that shape that starts
// nothing (it returns the span a context already carries) is not one.
func (c *checker) startWrapper(fn *types.Func) bool {
	sig := fn.Signature()
	if sig.Params().Len() == 0 || !otelapi.IsContext(sig.Params().At(0).Type()) || otelapi.IsSpanGetter(fn) ||
		otelapi.ContextResult(sig) < 0 || otelapi.SpanResult(sig) < 0 {
		return false
	}
	decl := c.decls[fn]
	if decl == nil {
		decl = c.mod.Decl(c.pass.Fset, fn)
	}
	if decl == nil {
		return true // outside the module: its shape says it
	}
	starts := false
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if id := nameIdent(call.Fun); id != nil && (strings.HasPrefix(id.Name, "Start") || strings.HasPrefix(id.Name, "start")) {
				starts = true
			}
		}
		return !starts
	})
	return starts
}

// endHandedOver reports whether call, which is passed the parent context,
// is also given a function that ends span, as a literal or through a local
// variable (spicedb's interceptor wrapper):
//
//	_, span := tracer.Start(ctx, name)
//	shim := func(ctx context.Context, req any) (any, error) { span.End(); return handler(ctx, req) }
//	return inner(ctx, req, info, shim)
//
// The span measures the work before the callee calls back; what the callee
// starts after that must not be its child.
func (c *checker) endHandedOver(call *ast.CallExpr, span types.Object, body *ast.BlockStmt) bool {
	if span == nil {
		return false
	}
	for _, arg := range call.Args {
		var lit *ast.FuncLit
		switch a := ast.Unparen(arg).(type) {
		case *ast.FuncLit:
			lit = a
		case *ast.Ident:
			lit = c.localFuncLit(body, c.objectOf(a))
		}
		if lit != nil && c.endsSpan(lit.Body, span) {
			return true
		}
	}
	return false
}

// localFuncLit returns the function literal assigned to the local variable
// v in body, or nil.
func (c *checker) localFuncLit(body *ast.BlockStmt, v types.Object) *ast.FuncLit {
	if v == nil {
		return nil
	}
	var lit *ast.FuncLit
	ast.Inspect(body, func(n ast.Node) bool {
		if assign, ok := n.(*ast.AssignStmt); ok && len(assign.Lhs) == len(assign.Rhs) {
			for i, lhs := range assign.Lhs {
				if l, ok := assign.Rhs[i].(*ast.FuncLit); ok && c.objectOf(lhs) == v {
					lit = l
				}
			}
		}
		return lit == nil
	})
	return lit
}

// endsSpan reports whether n calls an end method on span.
func (c *checker) endsSpan(n ast.Node, span types.Object) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && otelapi.EndMethods[sel.Sel.Name] && c.objectOf(sel.X) == span {
				found = true
			}
		}
		return !found
	})
	return found
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

// wrapperWithoutContext reports whether the function declaration around cur
// returns no context: a span-start wrapper whose callers cannot get the
// span's context from it.
func (c *checker) wrapperWithoutContext(cur inspector.Cursor) bool {
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		var ft *ast.FuncType
		switch n := fc.Node().(type) {
		case *ast.FuncDecl:
			ft = n.Type
		case *ast.FuncLit:
			ft = n.Type
		}
		if ft.Results == nil {
			return true
		}
		for _, field := range ft.Results.List {
			if t := c.pass.TypesInfo.TypeOf(field.Type); t != nil && isContextValue(t) {
				return false
			}
		}
		return true
	}
	return false
}

// reassignedAfter reports whether v is assigned anywhere in body after pos.
func (c *checker) reassignedAfter(body *ast.BlockStmt, v *types.Var, pos token.Pos) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if assign, ok := n.(*ast.AssignStmt); ok && assign.Pos() >= pos {
			for _, lhs := range assign.Lhs {
				if c.objectOf(lhs) == v {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// isHandlerCall reports whether call calls the next HTTP handler: a
// ServeHTTP method, or a function of type func(http.ResponseWriter,
// *http.Request). Other functions that take the request (to read a header,
// to write an error) are not passing its context on.
func (c *checker) isHandlerCall(call *ast.CallExpr) bool {
	if id := nameIdent(call.Fun); id != nil && id.Name == "ServeHTTP" {
		return true
	}
	sig, ok := c.pass.TypesInfo.TypeOf(call.Fun).Underlying().(*types.Signature)
	if !ok || sig.Params().Len() != 2 || sig.Results().Len() != 0 {
		return false
	}
	w, r := sig.Params().At(0).Type(), sig.Params().At(1).Type()
	return otelapi.IsNamedType(w, "net/http", "ResponseWriter") && otelapi.IsNamedType(r, "net/http", "Request")
}

// startScope returns the innermost block, case clause or select clause
// around the span start at cur, within body: what runs after the start.
func startScope(cur inspector.Cursor, body *ast.BlockStmt) ast.Node {
	for anc := range cur.Enclosing((*ast.BlockStmt)(nil), (*ast.CaseClause)(nil), (*ast.CommClause)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch n := anc.Node().(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
			return n
		default:
			return body
		}
	}
	return body
}
