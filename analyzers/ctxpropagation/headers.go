package ctxpropagation

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/tracelint/tracelint/internal/otelapi"
	"github.com/tracelint/tracelint/internal/report"
)

// headerMethods are the methods through which code reads or writes a header
// or metadata entry by key (http.Header, gRPC metadata.MD, message headers),
// and whether each writes.
var headerMethods = map[string]bool{
	"Get": false, "Values": false, "Peek": false, "Lookup": false,
	"Set": true, "Add": true, "Append": true,
}

// headerCall checks a call that reads or writes a propagation header by
// name (TL105):
//
//	r.Header.Get("traceparent")
//	md.Set("uber-trace-id", id)
//	metadata.Pairs("traceparent", tp)
func (c *checker) headerCall(cur inspector.Cursor, call *ast.CallExpr, fn *types.Func) {
	if !c.rep.Enabled(TL105) || len(call.Args) == 0 {
		return
	}
	if write, ok := headerMethods[fn.Name()]; ok && fn.Signature().Recv() != nil {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && !write && c.injectedBefore(cur, sel.X) {
			return // reading back what a propagator wrote
		}
		c.header(cur, call.Args[0], write)
		return
	}
	if fn.Name() == "Pairs" || fn.Name() == "AppendToOutgoingContext" {
		for i, arg := range call.Args {
			if (fn.Name() == "Pairs") == (i%2 == 0) {
				c.header(cur, arg, true)
			}
		}
	}
}

// headerIndex checks h["traceparent"] on a map keyed by strings.
func (c *checker) headerIndex(cur inspector.Cursor, ix *ast.IndexExpr) {
	if !c.rep.Enabled(TL105) {
		return
	}
	t := c.pass.TypesInfo.TypeOf(ix.X)
	if t == nil {
		return
	}
	if _, ok := t.Underlying().(*types.Map); !ok {
		return
	}
	write := false
	if assign, ok := cur.Parent().Node().(*ast.AssignStmt); ok {
		for _, lhs := range assign.Lhs {
			write = write || lhs == ix
		}
	}
	if !write && c.injectedBefore(cur, ix.X) {
		return // reading back what a propagator wrote
	}
	c.header(cur, ix.Index, write)
}

// headerLiteral checks map[string]string{"traceparent": tp}.
func (c *checker) headerLiteral(cur inspector.Cursor, lit *ast.CompositeLit) {
	if !c.rep.Enabled(TL105) {
		return
	}
	t := c.pass.TypesInfo.TypeOf(lit)
	if t == nil {
		return
	}
	m, ok := t.Underlying().(*types.Map)
	if !ok || !holdsValues(m) {
		return // a set of header names (map[string]bool) writes nothing
	}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			c.header(cur, kv.Key, true)
		}
	}
}

// header reports key when it is a constant naming a propagation header,
// unless the code is a propagator's own Inject, Extract or Fields method, or
// a test (which checks what went over the wire).
func (c *checker) header(cur inspector.Cursor, key ast.Expr, write bool) {
	tv, ok := c.pass.TypesInfo.Types[key]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return
	}
	name := constant.StringVal(tv.Value)
	if !otelapi.IsPropagationHeader(name, c.cfg.PropagationHeaders) || c.inPropagator(cur) ||
		isTestFile(c.pass.Fset.Position(key.Pos()).Filename) {
		return
	}
	msg := fmt.Sprintf("trace header %q is read by hand; extract it with a propagator, otel.GetTextMapPropagator().Extract(ctx, carrier), so every format and the baggage are handled", name)
	if write {
		msg = fmt.Sprintf("trace header %q is written by hand; inject it with a propagator, otel.GetTextMapPropagator().Inject(ctx, carrier), so every format and the baggage are handled", name)
	}
	c.rep.Report(report.Finding{Rule: TL105, Pos: key.Pos(), End: key.End(), Message: msg})
}

// inPropagator reports whether cur lies in a method named Inject, Extract or
// Fields: the implementation of a propagator, where header names belong.
func (c *checker) inPropagator(cur inspector.Cursor) bool {
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		decl := fc.Node().(*ast.FuncDecl)
		switch decl.Name.Name {
		case "Inject", "Extract", "Fields":
			return decl.Recv != nil
		}
	}
	return false
}

// injectedBefore reports whether the carrier read at cur (its expression
// carrier: a header, a map) was filled by a propagator's Inject earlier in
// the same function, as the W3C traceresponse idiom does:
//
//	prop.Inject(ctx, propagation.HeaderCarrier(h))
//	w.Header().Set("traceresponse", h.Get("traceparent"))
//
// The trace goes through the propagator; reading its output is not
// propagation by hand. Carriers are matched by the variable they are
// rooted in (h, m, req for req.Header).
func (c *checker) injectedBefore(cur inspector.Cursor, carrier ast.Expr) bool {
	root := c.rootVar(carrier)
	outer, ok := outermostFunc(cur)
	if root == nil || !ok {
		return false
	}
	for cc := range outer.Preorder((*ast.CallExpr)(nil)) {
		call := cc.Node().(*ast.CallExpr)
		if call.Pos() >= cur.Node().Pos() {
			break
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Inject" || len(call.Args) < 2 {
			continue
		}
		for _, arg := range call.Args[1:] {
			if c.rootVar(arg) == root {
				return true
			}
		}
	}
	return false
}

// rootVar returns the variable an expression is rooted in, through
// selectors, calls, indexes and conversions: h for
// propagation.HeaderCarrier(h), req for req.Header, or nil.
func (c *checker) rootVar(e ast.Expr) types.Object {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			if v, ok := c.pass.TypesInfo.Uses[x].(*types.Var); ok {
				return v
			}
			return nil
		case *ast.SelectorExpr:
			e = x.X
		case *ast.CallExpr:
			if tv := c.pass.TypesInfo.Types[x.Fun]; tv.IsType() && len(x.Args) == 1 {
				e = x.Args[0] // a conversion
				continue
			}
			switch fun := ast.Unparen(x.Fun).(type) {
			case *ast.SelectorExpr:
				e = fun.X
			default:
				return nil
			}
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.UnaryExpr:
			e = x.X
		default:
			return nil
		}
	}
}

// holdsValues reports whether a map can hold header values: its elements
// are strings, string slices or interfaces, not set markers such as bool or
// struct{}.
func holdsValues(m *types.Map) bool {
	switch e := m.Elem().Underlying().(type) {
	case *types.Basic:
		return e.Info()&types.IsString != 0
	case *types.Slice:
		b, ok := e.Elem().Underlying().(*types.Basic)
		return ok && b.Info()&types.IsString != 0
	case *types.Interface:
		return true
	}
	return false
}
