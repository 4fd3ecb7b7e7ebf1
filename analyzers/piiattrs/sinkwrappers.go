package piiattrs

import (
	"go/ast"
	"go/types"
	"strconv"

	"github.com/tracelint/tracelint/internal/modsource"
	"github.com/tracelint/tracelint/internal/otelapi"
)

// A status wrapper is a module function that records one of its
// parameters on a span as an error or a status description:
//
//	func TraceError(span trace.Span, err error) {
//		span.RecordError(err)
//		span.SetStatus(codes.Error, err.Error())
//	}
//
// What its callers pass there leaves the process as RecordError's
// argument would. statusWrappersKey names the map, in the configuration's
// memo.Cache, of the index of that parameter (-1: not a wrapper), by the
// function's position: "file:line:name" -> answer.
type statusWrappersKey struct{}

// statusWrapperArg returns the argument of call that a status wrapper
// records, and which of RecordError or SetStatus records it.
func (c *checker) statusWrapperArg(call *ast.CallExpr, fn *types.Func) (ast.Expr, string, bool) {
	if c.mod.Root == "" || fn.Pkg() == nil || !mayRecordOnSpan(fn.Signature()) {
		return nil, "", false
	}
	pos := c.pass.Fset.Position(fn.Pos())
	id := pos.Filename + ":" + strconv.Itoa(pos.Line) + ":" + fn.Name()
	type answer struct {
		param  int
		callee string
	}
	var a answer
	if v, ok := c.cache.Map(statusWrappersKey{}).Load(id); ok {
		a = v.(answer)
	} else {
		a = answer{param: -1}
		if decl := c.mod.Decl(c.pass.Fset, fn); decl != nil && decl.Body != nil {
			a.param, a.callee = recordedParam(decl)
		}
		c.cache.Map(statusWrappersKey{}).Store(id, a)
	}
	if a.param < 0 || a.param >= len(call.Args) || fn.Signature().Variadic() && a.param >= fn.Signature().Params().Len()-1 {
		return nil, "", false
	}
	return call.Args[a.param], a.callee, true
}

// recordedParam reads decl without types for a call x.RecordError(p) or
// x.SetStatus(code, p) (or p.Error()) with p one of its parameters.
func recordedParam(decl *ast.FuncDecl) (int, string) {
	params := modsource.ParamIndexes(decl)
	param, callee := -1, ""
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || param >= 0 {
			return param < 0
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return true
		}
		at, ok := otelapi.ErrorRecorders[sel.Sel.Name]
		if !ok || at >= len(call.Args) {
			return true
		}
		if i, ok := params[paramName(call.Args[at])]; ok {
			param, callee = i, sel.Sel.Name
		}
		return true
	})
	return param, callee
}

// paramName returns p for p or p.Error().
func paramName(e ast.Expr) string {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return e.Name
	case *ast.CallExpr:
		if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Error" && len(e.Args) == 0 {
			return paramName(sel.X)
		}
	}
	return ""
}

var errorType = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

// mayRecordOnSpan reports whether a function of this signature can be a
// status wrapper: it takes something with a RecordError method (a span)
// and an error (of any type) or a string. Only such functions' sources are
// read.
func mayRecordOnSpan(sig *types.Signature) bool {
	span, text := false, false
	for v := range sig.Params().Variables() {
		t := v.Type()
		if obj, _, _ := types.LookupFieldOrMethod(t, true, nil, otelapi.RecordError); obj != nil {
			span = true
		}
		if types.Implements(t, errorType) || types.Identical(t.Underlying(), types.Typ[types.String]) {
			text = true
		}
	}
	return span && text
}
