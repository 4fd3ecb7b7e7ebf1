package piiattrs

import (
	"go/ast"
	"go/constant"
	"go/types"
	"regexp"
	"slices"
	"strconv"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/tracelint/tracelint/internal/otelapi"
	"github.com/tracelint/tracelint/internal/pii"
)

// urlKeys are the semantic-conventions keys that hold a whole URL or its
// query; any key whose last word is url or uri holds one too.
var urlKeys = map[string]bool{
	"url.full": true, "url.query": true, "url.original": true, "http.url": true, "http.target": true,
}

// isURLKey reports whether key records a URL or a query string.
func isURLKey(key string) bool {
	if urlKeys[key] {
		return true
	}
	w := pii.Words(key)
	return len(w) > 0 && (w[len(w)-1] == "url" || w[len(w)-1] == "uri")
}

// queryParam matches a query parameter's name in a URL literal.
var queryParam = regexp.MustCompile(`[?&]([A-Za-z0-9_.\-\[\]]+)=`)

// urlSecret reports a URL recorded with a sensitive query parameter: one
// spelled in a literal the value is built from (base + "?token=" + t), or,
// for a URL the function only passes on (r.URL.String(), r.RequestURI,
// u.String(), the raw query), one the function reads or sets by name
// (r.URL.Query().Get("access_token"), r.FormValue("token"),
// q.Set("api_key", k)). The parameter's name is judged like a key.
func (c *checker) urlSecret(value ast.Expr, fn ast.Node) (valueMatch, bool) {
	names := c.literalParams(value, 0)
	if c.isURLValue(value, 0) && fn != nil {
		names = append(names, c.functionParams(fn)...)
	}
	var best pii.Match
	for _, name := range names {
		m, ok := c.matcher.Key(name)
		if !ok || c.off[m.Category] || !pii.Better(m.Category, best.Category) {
			continue
		}
		best = pii.Match{Category: m.Category, Why: "query parameter " + strconv.Quote(name)}
	}
	if best.Category == pii.None || best.Category == pii.Pseudonymous {
		return valueMatch{}, false
	}
	return valueMatch{match: best, expr: value}, true
}

// literalParams returns the query parameters named in the string literals
// e is built from: constants, operands of +, fmt.Sprintf's format and
// arguments, and the locals they were defined from.
func (c *checker) literalParams(e ast.Expr, depth int) []string {
	if e == nil || depth > 4 {
		return nil
	}
	e = ast.Unparen(e)
	if tv, ok := c.pass.TypesInfo.Types[e]; ok && tv.Value != nil {
		if tv.Value.Kind() != constant.String {
			return nil
		}
		var out []string
		for _, m := range queryParam.FindAllStringSubmatch(constant.StringVal(tv.Value), -1) {
			out = append(out, m[1])
		}
		return out
	}
	switch e := e.(type) {
	case *ast.BinaryExpr:
		return append(c.literalParams(e.X, depth+1), c.literalParams(e.Y, depth+1)...)
	case *ast.CallExpr:
		var out []string
		if fn, _ := typeutil.Callee(c.pass.TypesInfo, e).(*types.Func); fn != nil && passThrough[fn.FullName()] {
			for _, arg := range e.Args {
				out = append(out, c.literalParams(arg, depth+1)...)
			}
		} else if tv, ok := c.pass.TypesInfo.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			out = c.literalParams(e.Args[0], depth+1)
		}
		return out
	case *ast.Ident:
		if v, ok := c.pass.TypesInfo.Uses[e].(*types.Var); ok {
			if def := c.localDef(v); def != nil {
				return c.literalParams(def, depth+1)
			}
		}
	}
	return nil
}

// isURLValue reports whether e is a URL or its query taken whole: a
// *url.URL or url.URL (or its String or RequestURI), an http.Request's
// RequestURI, a URL's RawQuery, or a url.Values' Encode.
func (c *checker) isURLValue(e ast.Expr, depth int) bool {
	if depth > 4 {
		return false
	}
	e = ast.Unparen(e)
	if otelapi.IsNamedType(c.pass.TypesInfo.TypeOf(e), "net/url", "URL") {
		return true
	}
	switch e := e.(type) {
	case *ast.SelectorExpr:
		recv := c.pass.TypesInfo.TypeOf(e.X)
		return e.Sel.Name == "RequestURI" && otelapi.IsNamedType(recv, "net/http", "Request") ||
			e.Sel.Name == "RawQuery" && otelapi.IsNamedType(recv, "net/url", "URL")
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(c.pass.TypesInfo, e).(*types.Func)
		if fn == nil || fn.Signature().Recv() == nil {
			return false
		}
		recv := fn.Signature().Recv().Type()
		return (fn.Name() == "String" || fn.Name() == "RequestURI") && otelapi.IsNamedType(recv, "net/url", "URL") ||
			fn.Name() == "Encode" && otelapi.IsNamedType(recv, "net/url", "Values")
	case *ast.Ident:
		if v, ok := c.pass.TypesInfo.Uses[e].(*types.Var); ok {
			if def := c.localDef(v); def != nil {
				return c.isURLValue(def, depth+1)
			}
		}
	}
	return false
}

// functionParams returns the query parameters fn reads or sets by a
// constant name: Get, Set, Add, Has and Del of url.Values, and an
// http.Request's FormValue and PostFormValue.
func (c *checker) functionParams(fn ast.Node) []string {
	if names, ok := c.fnParams[fn]; ok {
		return names
	}
	var names []string
	ast.Inspect(fn, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) == 0 {
			return true
		}
		callee, _ := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
		if callee == nil || callee.Signature().Recv() == nil {
			return true
		}
		recv := callee.Signature().Recv().Type()
		values := otelapi.IsNamedType(recv, "net/url", "Values") && slices.Contains([]string{"Get", "Set", "Add", "Has", "Del"}, callee.Name())
		form := otelapi.IsNamedType(recv, "net/http", "Request") && (callee.Name() == "FormValue" || callee.Name() == "PostFormValue")
		if values || form {
			if name, ok := c.constString(call.Args[0]); ok {
				names = append(names, name)
			}
		}
		return true
	})
	if c.fnParams == nil {
		c.fnParams = make(map[ast.Node][]string)
	}
	c.fnParams[fn] = names
	return names
}
