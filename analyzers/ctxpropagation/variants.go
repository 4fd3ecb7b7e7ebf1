package ctxpropagation

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/tracelint/tracelint/internal/otelapi"
	"github.com/tracelint/tracelint/internal/report"
)

// variant is the context-taking counterpart of a function.
type variant struct {
	// name is the counterpart's name ("QueryContext"); for the special
	// cases it is how to call it ("(&net.Dialer{}).DialContext").
	name string
	// kind says how a call is rewritten.
	kind variantKind
	// fn is the counterpart, for the FContext and FWithContext forms.
	fn *types.Func
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
	// resolver rewrites net.LookupHost(h) to net.DefaultResolver.LookupHost(ctx, h).
	resolver
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
	"net.LookupHost":              {name: "LookupHost", kind: resolver},
	"net.LookupAddr":              {name: "LookupAddr", kind: resolver},
	"net.LookupCNAME":             {name: "LookupCNAME", kind: resolver},
	"net.LookupMX":                {name: "LookupMX", kind: resolver},
	"net.LookupNS":                {name: "LookupNS", kind: resolver},
	"net.LookupTXT":               {name: "LookupTXT", kind: resolver},
	"net.LookupSRV":               {name: "LookupSRV", kind: resolver},
	"net.LookupPort":              {name: "LookupPort", kind: resolver},
	"net.LookupIP":                {name: "net.DefaultResolver.LookupIP(ctx, \"ip\", ...)", kind: adviceOnly},
	"google.golang.org/grpc.Dial": {name: "grpc.NewClient, and pass ctx to each call on the connection", kind: adviceOnly},
}

// variantOf returns the context-taking variant of fn, or nil: one of the
// special cases, or a function FContext or FWithContext of the same package
// (or method of the same receiver) whose first parameter is a
// context.Context and reaches something that reads it (readsContext). A
// function that already takes a context has none.
func (c *checker) variantOf(call *ast.CallExpr, fn *types.Func) *variant {
	if v, ok := c.variants[fn]; ok {
		return v
	}
	var v *variant
	if sv, ok := specialVariants[fn.FullName()]; ok {
		v = &sv
	} else if !c.receivesContext(fn.Signature()) {
		v = genericVariant(fn)
		if v != nil && !c.readsContext(v.fn) {
			v = nil // no better than the plain call
		}
	}
	c.variants[fn] = v
	return v
}

// genericVariant finds fn's FContext or FWithContext counterpart.
func genericVariant(fn *types.Func) *variant {
	sig := fn.Signature()
	for _, suffix := range otelapi.ContextVariantSuffixes {
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
		if !SameAfterContext(sig, osig) {
			continue // a different API under a similar name, such as signal.Notify and NotifyContext
		}
		return &variant{name: name, kind: renameInsert, fn: other}
	}
	return nil
}

// SameAfterContext reports whether other's signature is sig's with a
// context.Context parameter put first: other is sig's context-taking
// variant (Query and QueryContext).
func SameAfterContext(sig, other *types.Signature) bool {
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
func (c *checker) missingVariant(cur inspector.Cursor, call *ast.CallExpr, fn *types.Func, v *variant, avail available) {
	callee := calleeText(call)
	prefix := ""
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		prefix = types.ExprString(sel.X) + "."
	}
	if len(callee) > 40 { // a long chain: name the method by its receiver type
		callee = shortName(fn)
		prefix = callee[:len(callee)-len(fn.Name())]
	}
	// Work that may run after the request's context is cancelled gets the
	// trace without the cancellation, and no fix: that is a judgement call.
	arg, where := avail.expr, c.outlives(cur, avail)
	if where != "" {
		arg = "context.WithoutCancel(" + avail.expr + ")"
		callee += " " + where
	}
	f := report.Finding{
		Rule: TL102,
		Pos:  call.Pos(),
		End:  call.End(),
	}
	name := nameIdent(call.Fun)
	var instead string
	switch v.kind {
	case renameInsert, beginTx:
		instead = prefix + v.name + "(" + arg + ", ...)"
		if name == nil {
			break
		}
		edits := []analysis.TextEdit{{Pos: name.Pos(), End: name.End(), NewText: []byte(v.name)}}
		if v.kind == beginTx {
			instead = prefix + v.name + "(" + arg + ", nil)"
			edits = append(edits, insertFirstArg(call, avail.expr+", nil"))
		} else {
			edits = append(edits, insertFirstArg(call, avail.expr))
		}
		f.Fix = &analysis.SuggestedFix{Message: "Call " + v.name + " with " + avail.expr, TextEdits: edits}
	case resolver:
		fun := qualifier(call) + "DefaultResolver." + v.name
		instead = fun + "(" + arg + ", ...)"
		f.Fix = &analysis.SuggestedFix{
			Message: "Call " + fun + " with " + avail.expr,
			TextEdits: []analysis.TextEdit{
				{Pos: call.Fun.Pos(), End: call.Fun.End(), NewText: []byte(fun)},
				insertFirstArg(call, avail.expr),
			},
		}
	case dialer, listenConfig:
		dialer := "(&" + qualifier(call) + "Dialer{}).DialContext"
		if v.kind == listenConfig {
			dialer = "(&" + qualifier(call) + "ListenConfig{})." + fn.Name()
		}
		instead = dialer + "(" + arg + ", ...)"
		f.Fix = &analysis.SuggestedFix{
			Message: "Call " + dialer + " with " + avail.expr,
			TextEdits: []analysis.TextEdit{
				{Pos: call.Fun.Pos(), End: call.Fun.End(), NewText: []byte(dialer)},
				insertFirstArg(call, avail.expr),
			},
		}
	case adviceOnly:
		instead = v.name
		if slices.ContainsFunc(otelapi.ContextVariantSuffixes, func(suffix string) bool { return v.name == fn.Name()+suffix }) {
			instead = prefix + v.name + "(" + arg + ", ...)"
		}
	}
	f.Message = fmt.Sprintf("%s is called without a context although %q is in scope; use %s so the call joins the request's trace and stops with it",
		callee, avail.v.Name(), instead)
	if where != "" {
		f.Fix = nil
	}
	c.rep.Report(f)
}

// inVariant reports whether cur lies in the declaration of v's function
// itself: exec.CommandContext calls exec.Command, and that is how the
// variant is built, not a missed context.
func (c *checker) inVariant(cur inspector.Cursor, v *variant) bool {
	if v.fn == nil {
		return false
	}
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		return c.pass.TypesInfo.Defs[fc.Node().(*ast.FuncDecl).Name] == v.fn
	}
	return false
}

// contextAttachedLater reports whether the call at cur builds something
// that gets its context afterwards: a WithContext or SetContext call on the
// result (go-swagger's NewXParams().WithContext(ctx), http.NewRequest then
// req.WithContext(ctx) or req.Clone(ctx)) in the same function, a call that
// gets the result together with a context (client.invoke(ctx, req)), or, for
// a NewRequest function, a request the function returns or keeps in a struct,
// to be sent later with another context.
func (c *checker) contextAttachedLater(cur inspector.Cursor, fn *types.Func) bool {
	// Chained: NewParams().WithTimeout(d).WithContext(ctx).
	for at := cur; ; {
		sel, ok := at.Parent().Node().(*ast.SelectorExpr)
		if !ok {
			break
		}
		if attachesContext(sel.Sel.Name) {
			return true
		}
		if _, ok := at.Parent().Parent().Node().(*ast.CallExpr); !ok {
			break
		}
		at = at.Parent().Parent()
	}
	v := c.assignedTo(cur)
	outer, ok := outermostFunc(cur)
	if v == nil || !ok {
		return false
	}
	builder := fn.Name() == "NewRequest" // a request built here may be sent elsewhere
	for cc := range outer.Preorder((*ast.CallExpr)(nil), (*ast.ReturnStmt)(nil), (*ast.KeyValueExpr)(nil)) {
		switch n := cc.Node().(type) {
		case *ast.CallExpr:
			sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
			if ok && attachesContext(sel.Sel.Name) && len(n.Args) == 1 && c.objectOf(sel.X) == v {
				return true
			}
			if c.handedOverWithContext(n, v) {
				return true
			}
		case *ast.ReturnStmt:
			for _, r := range n.Results {
				if builder && c.objectOf(r) == v {
					return true
				}
			}
		case *ast.KeyValueExpr:
			if builder && c.objectOf(n.Value) == v {
				return true // kept in a struct, as a template for later sends
			}
		}
	}
	return false
}

// handedOverWithContext reports whether call passes v together with a
// context, so the callee can attach one (client.invoke(ctx, req, ...)).
func (c *checker) handedOverWithContext(call *ast.CallExpr, v types.Object) bool {
	withV, withCtx := false, false
	for _, arg := range call.Args {
		if c.objectOf(arg) == v {
			withV = true
		} else if t := c.pass.TypesInfo.TypeOf(arg); t != nil && isContextValue(t) {
			withCtx = true
		}
	}
	return withV && withCtx
}

// attachesContext reports whether a method of this name gives a value its
// context.
func attachesContext(name string) bool {
	return otelapi.ContextAttachers[name]
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
