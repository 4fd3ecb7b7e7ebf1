package ctxpropagation

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/tracelint/tracelint/internal/otelapi"
	"github.com/tracelint/tracelint/internal/rules"
)

// variant is the context-taking counterpart of a function.
type variant struct {
	// name is the counterpart's name ("QueryContext"); for the special
	// cases it is how to call it ("(&net.Dialer{}).DialContext").
	name string
	// kind says how a call is rewritten.
	kind variantKind
}

// variantKind is how a call to a function is rewritten to call its variant.
type variantKind int

const (
	// renameInsert renames the function and passes the context first:
	// db.Query(q) becomes db.QueryContext(ctx, q).
	renameInsert variantKind = iota
	// beginTx rewrites db.Begin() to db.BeginTx(ctx, nil).
	beginTx
	// dialer rewrites net.Dial(n, a) to (&net.Dialer{}).DialContext(ctx, n, a).
	dialer
	// listenConfig rewrites net.Listen(n, a) to (&net.ListenConfig{}).Listen(ctx, n, a).
	listenConfig
	// adviceOnly has no mechanical rewrite; name says what to do instead.
	adviceOnly
)

// specialVariants are the functions whose counterpart does not follow the
// FContext naming, or has a different signature.
var specialVariants = map[string]variant{
	"net/http.Get":                {name: "http.NewRequestWithContext(ctx, ...) and Client.Do", kind: adviceOnly},
	"net/http.Head":               {name: "http.NewRequestWithContext(ctx, ...) and Client.Do", kind: adviceOnly},
	"net/http.Post":               {name: "http.NewRequestWithContext(ctx, ...) and Client.Do", kind: adviceOnly},
	"net/http.PostForm":           {name: "http.NewRequestWithContext(ctx, ...) and Client.Do", kind: adviceOnly},
	"(*net/http.Client).Get":      {name: "http.NewRequestWithContext(ctx, ...) and Client.Do", kind: adviceOnly},
	"(*net/http.Client).Head":     {name: "http.NewRequestWithContext(ctx, ...) and Client.Do", kind: adviceOnly},
	"(*net/http.Client).Post":     {name: "http.NewRequestWithContext(ctx, ...) and Client.Do", kind: adviceOnly},
	"(*net/http.Client).PostForm": {name: "http.NewRequestWithContext(ctx, ...) and Client.Do", kind: adviceOnly},
	"(*database/sql.DB).Begin":    {name: "BeginTx", kind: beginTx},
	"net.Dial":                    {name: "(&net.Dialer{}).DialContext", kind: dialer},
	"net.Listen":                  {name: "(&net.ListenConfig{}).Listen", kind: listenConfig},
	"net.ListenPacket":            {name: "(&net.ListenConfig{}).ListenPacket", kind: listenConfig},
	"net.DialTimeout":             {name: "(&net.Dialer{Timeout: timeout}).DialContext(ctx, ...)", kind: adviceOnly},
}

// noVariant are functions whose FContext counterpart is deprecated in favour
// of something else, so suggesting it would be wrong.
var noVariant = map[string]bool{
	"google.golang.org/grpc.Dial": true, // grpc.DialContext is deprecated too: use grpc.NewClient
}

// variantOf returns the context-taking variant of fn, or nil: one of the
// special cases, or a function FContext or FWithContext of the same package
// (or method of the same receiver) whose first parameter is a
// context.Context. A function that already takes a context has none.
func (c *checker) variantOf(call *ast.CallExpr, fn *types.Func) *variant {
	if v, ok := c.variants[fn]; ok {
		return v
	}
	var v *variant
	if sv, ok := specialVariants[fn.FullName()]; ok {
		v = &sv
	} else if !noVariant[fn.FullName()] && !c.receivesContext(fn.Signature()) {
		v = genericVariant(fn)
	}
	c.variants[fn] = v
	return v
}

// genericVariant finds fn's FContext or FWithContext counterpart.
func genericVariant(fn *types.Func) *variant {
	sig := fn.Signature()
	for _, suffix := range []string{"Context", "WithContext"} {
		name := fn.Name() + suffix
		var obj types.Object
		if recv := sig.Recv(); recv != nil {
			obj, _, _ = types.LookupFieldOrMethod(recv.Type(), true, fn.Pkg(), name)
		} else {
			obj = fn.Pkg().Scope().Lookup(name)
		}
		other, ok := obj.(*types.Func)
		if !ok {
			continue
		}
		osig := other.Signature()
		if osig.Params().Len() == 0 || !otelapi.IsContext(osig.Params().At(0).Type()) {
			continue
		}
		if tps := sig.TypeParams(); tps.Len() > 0 && tps.Len() == osig.TypeParams().Len() {
			// Compare Lookup[T] with LookupContext[T] in terms of the same T.
			targs := make([]types.Type, tps.Len())
			for i := range targs {
				targs[i] = tps.At(i)
			}
			inst, err := types.Instantiate(nil, osig, targs, false)
			if err != nil {
				continue
			}
			osig = inst.(*types.Signature)
		}
		if !sameAfterContext(sig, osig) {
			continue // a different API under a similar name, such as signal.Notify and NotifyContext
		}
		return &variant{name: name, kind: renameInsert}
	}
	return nil
}

// sameAfterContext reports whether other's signature is sig's with a
// context.Context parameter put first.
func sameAfterContext(sig, other *types.Signature) bool {
	if sig.Variadic() != other.Variadic() || other.Params().Len() != sig.Params().Len()+1 ||
		!types.Identical(sig.Results(), other.Results()) {
		return false
	}
	for i := range sig.Params().Len() {
		if !types.Identical(sig.Params().At(i).Type(), other.Params().At(i+1).Type()) {
			return false
		}
	}
	return true
}

// missingVariant reports a call of fn, which has the variant v, made where
// the context avail could be passed (TL102).
func (c *checker) missingVariant(call *ast.CallExpr, fn *types.Func, v *variant, avail available) {
	callee := calleeText(call)
	prefix := ""
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		prefix = types.ExprString(sel.X) + "."
	}
	if len(callee) > 40 { // a long chain: name the method by its receiver type
		callee = shortName(fn)
		prefix = callee[:len(callee)-len(fn.Name())]
	}
	f := rules.Finding{
		Rule: TL102,
		Pos:  call.Pos(),
		End:  call.End(),
	}
	name := nameIdent(call.Fun)
	var instead string
	switch v.kind {
	case renameInsert, beginTx:
		instead = prefix + v.name + "(" + avail.expr + ", ...)"
		if name == nil {
			break
		}
		edits := []analysis.TextEdit{{Pos: name.Pos(), End: name.End(), NewText: []byte(v.name)}}
		if v.kind == beginTx {
			instead = prefix + v.name + "(" + avail.expr + ", nil)"
			edits = append(edits, insertFirstArg(call, avail.expr+", nil"))
		} else {
			edits = append(edits, insertFirstArg(call, avail.expr))
		}
		f.Fix = &analysis.SuggestedFix{Message: "Call " + v.name + " with " + avail.expr, TextEdits: edits}
	case dialer, listenConfig:
		dialer := "(&" + qualifier(call) + "Dialer{}).DialContext"
		if v.kind == listenConfig {
			dialer = "(&" + qualifier(call) + "ListenConfig{})." + fn.Name()
		}
		instead = dialer + "(" + avail.expr + ", ...)"
		f.Fix = &analysis.SuggestedFix{
			Message: "Call " + dialer + " with " + avail.expr,
			TextEdits: []analysis.TextEdit{
				{Pos: call.Fun.Pos(), End: call.Fun.End(), NewText: []byte(dialer)},
				insertFirstArg(call, avail.expr),
			},
		}
	case adviceOnly:
		instead = v.name
		if v.name == fn.Name()+"Context" || v.name == fn.Name()+"WithContext" {
			instead = prefix + v.name + "(" + avail.expr + ", ...)"
		}
	}
	f.Message = fmt.Sprintf("%s is called without a context although %q is in scope; use %s so the call joins the request's trace and stops with it",
		callee, avail.v.Name(), instead)
	c.rep.Report(f)
}

// shortName names fn as Type.Method, or pkg.Func.
func shortName(fn *types.Func) string {
	if recv := fn.Signature().Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if named, ok := types.Unalias(t).(*types.Named); ok {
			return named.Obj().Name() + "." + fn.Name()
		}
		return fn.Name()
	}
	return fn.Pkg().Name() + "." + fn.Name()
}

// nameIdent returns the identifier that names the function in a call's Fun
// (db.Query, Query, Query[T]), or nil.
func nameIdent(fun ast.Expr) *ast.Ident {
	switch f := ast.Unparen(fun).(type) {
	case *ast.Ident:
		return f
	case *ast.SelectorExpr:
		return f.Sel
	case *ast.IndexExpr:
		return nameIdent(f.X)
	case *ast.IndexListExpr:
		return nameIdent(f.X)
	}
	return nil
}

// insertFirstArg returns the edit that passes arg before a call's arguments.
func insertFirstArg(call *ast.CallExpr, arg string) analysis.TextEdit {
	text := arg
	if len(call.Args) > 0 {
		text += ", "
	}
	return analysis.TextEdit{Pos: call.Lparen + 1, End: call.Lparen + 1, NewText: []byte(text)}
}
