package ctxpropagation

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/tracelint/tracelint/internal/otelapi"
	"github.com/tracelint/tracelint/internal/rules"
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
	if _, ok := t.Underlying().(*types.Map); !ok {
		return
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
	c.rep.Report(rules.Finding{Rule: TL105, Pos: key.Pos(), End: key.End(), Message: msg})
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
