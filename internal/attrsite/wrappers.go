package attrsite

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/tracelint/tracelint/internal/memo"
	"github.com/tracelint/tracelint/internal/modsource"
	"github.com/tracelint/tracelint/internal/otelapi"
)

// A wrapper is a module function that builds an attribute.KeyValue from its
// parameters:
//
//	func Object(k string, v any) attribute.KeyValue {
//		b, _ := json.Marshal(v)
//		return attribute.String(k, string(b))
//	}
//
// Each call of it is an attribute site whose key and value are the call's
// arguments.
type wrapper struct {
	key, value int // parameter indexes; -1 when the parameter does not reach the attribute
	kind       otelapi.ValueKind
	serialiser string // "json" or "fmt" when the value parameter reaches the attribute through json.Marshal or fmt.Sprint*
}

// wrappersKey names the map, in the configuration's memo.Cache, of what
// each function is, by its position: "file:line:name" -> *wrapper (nil: not
// a wrapper).
type wrappersKey struct{}

// Wrappers finds the calls of attribute-constructor wrappers in one pass.
type Wrappers struct {
	fset  *token.FileSet
	info  *types.Info
	mod   *modsource.Module
	cache *memo.Cache
}

// NewWrappers returns the finder of wrapper calls for a pass: wrappers are
// read from the source of the module the pass's files belong to, through
// the configuration's cache.
func NewWrappers(pass *analysis.Pass, cache *memo.Cache) *Wrappers {
	return &Wrappers{fset: pass.Fset, info: pass.TypesInfo, mod: cache.Sources().ModuleOf(pass.Fset, pass.Files), cache: cache}
}

// Call returns the site a call of a wrapper is: Key and Value are the
// arguments the wrapper's key and value parameters receive. Only wrappers
// whose key is a parameter are sites.
func (w *Wrappers) Call(call *ast.CallExpr) (Site, bool) {
	if w == nil || w.mod.Root == "" {
		return Site{}, false
	}
	fn, _ := typeutil.Callee(w.info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil || !returnsKeyValue(fn) {
		return Site{}, false
	}
	wr := w.wrapperOf(fn)
	if wr == nil || wr.key < 0 || wr.key >= len(call.Args) || fn.Signature().Variadic() && wr.key == fn.Signature().Params().Len()-1 {
		return Site{}, false
	}
	s := Site{Node: call, Key: call.Args[wr.key], Kind: wr.kind, Serialiser: wr.serialiser}
	if wr.value >= 0 && wr.value < len(call.Args) && !(fn.Signature().Variadic() && wr.value == fn.Signature().Params().Len()-1) {
		s.Value = call.Args[wr.value]
	}
	return s, true
}

// returnsKeyValue reports whether fn's only result is an attribute.KeyValue.
func returnsKeyValue(fn *types.Func) bool {
	res := fn.Signature().Results()
	return res.Len() == 1 && otelapi.IsKeyValue(res.At(0).Type())
}

func (w *Wrappers) wrapperOf(fn *types.Func) *wrapper {
	pos := w.fset.Position(fn.Pos())
	id := pos.Filename + ":" + strconv.Itoa(pos.Line) + ":" + fn.Name()
	if v, ok := w.cache.Map(wrappersKey{}).Load(id); ok {
		return v.(*wrapper)
	}
	var wr *wrapper
	if decl, file := w.mod.DeclFile(w.fset, fn); decl != nil && decl.Body != nil {
		wr = readWrapper(decl, file)
	}
	w.cache.Map(wrappersKey{}).Store(id, wr)
	return wr
}

// readWrapper reads decl, without types, for a return of an attribute
// constructor whose key is a parameter.
func readWrapper(decl *ast.FuncDecl, file *ast.File) *wrapper {
	attr := modsource.ImportName(file, otelapi.Attribute)
	if attr == "" {
		return nil
	}
	params := modsource.ParamIndexes(decl)
	flow := localFlow(decl.Body, params)
	ser := serialiserNames(file)
	// The first return whose value comes from a parameter decides; else
	// the first whose key does (an error path may record err.Error()).
	var found *wrapper
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		ret, ok := n.(*ast.ReturnStmt)
		if !ok || len(ret.Results) != 1 || found != nil && found.value >= 0 {
			return found == nil || found.value < 0
		}
		key, value, kind, ok := constructorParts(ret.Results[0], attr)
		if !ok {
			return true
		}
		k, ok := params[keyParam(key, attr)]
		if !ok {
			return true
		}
		wr := &wrapper{key: k, value: -1, kind: kind}
		if value != nil {
			wr.value, wr.serialiser = flow.source(value, ser)
		}
		if found == nil || wr.value >= 0 {
			found = wr
		}
		return false
	})
	return found
}

// constructorParts splits an attribute constructor written without types:
// attr.String(k, v), attr.Key(k).String(v) or attr.KeyValue{Key: k,
// Value: attr.StringValue(v)}.
func constructorParts(e ast.Expr, attr string) (key, value ast.Expr, kind otelapi.ValueKind, ok bool) {
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		sel, isSel := ast.Unparen(e.Fun).(*ast.SelectorExpr)
		if !isSel {
			return nil, nil, "", false
		}
		kind, known := otelapi.ConstructorValue(sel.Sel.Name)
		if !known {
			return nil, nil, "", false
		}
		if isQualified(sel.X, attr, "") && len(e.Args) == 2 {
			return e.Args[0], e.Args[1], kind, true
		}
		if k, isKey := ast.Unparen(sel.X).(*ast.CallExpr); isKey && isQualified(k.Fun, attr, "Key") && len(k.Args) == 1 && len(e.Args) == 1 {
			return k.Args[0], e.Args[0], kind, true
		}
	case *ast.CompositeLit:
		if !isQualified(e.Type, attr, "KeyValue") {
			return nil, nil, "", false
		}
		for _, elt := range e.Elts {
			kv, isKV := elt.(*ast.KeyValueExpr)
			if !isKV {
				continue
			}
			switch name, _ := kv.Key.(*ast.Ident); {
			case name == nil:
			case name.Name == "Key":
				key = kv.Value
			case name.Name == "Value":
				if call, isCall := ast.Unparen(kv.Value).(*ast.CallExpr); isCall && len(call.Args) == 1 {
					if sel, isSel := call.Fun.(*ast.SelectorExpr); isSel && isQualified(sel.X, attr, "") {
						if k, known := otelapi.ValueFuncKind(sel.Sel.Name); known {
							value, kind = call.Args[0], k
						}
					}
				}
			}
		}
		return key, value, kind, key != nil
	}
	return nil, nil, "", false
}

// isQualified reports whether e is pkg.name, or the identifier pkg when
// name is "".
func isQualified(e ast.Expr, pkg, name string) bool {
	if name == "" {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && id.Name == pkg
	}
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	return ok && sel.Sel.Name == name && isQualified(sel.X, pkg, "")
}

// keyParam returns the name of the parameter a key expression is: k,
// attr.Key(k) or string(k); "" otherwise.
func keyParam(e ast.Expr, attr string) string {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return e.Name
	case *ast.CallExpr:
		if len(e.Args) == 1 && (isQualified(e.Fun, attr, "Key") || isQualified(e.Fun, "string", "")) {
			return keyParam(e.Args[0], attr)
		}
	}
	return ""
}

// flow maps the local variables of a body to the parameter their value
// comes from (one assignment deep), and whether it was serialised on the way.
type flow struct {
	params map[string]int
	locals map[string]ast.Expr // the expression a local is defined or assigned from
}

func localFlow(body *ast.BlockStmt, params map[string]int) *flow {
	f := &flow{params: params, locals: make(map[string]ast.Expr)}
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Rhs) != 1 {
			return true
		}
		// b, err := json.Marshal(v): the first result carries the data.
		if id, ok := as.Lhs[0].(*ast.Ident); ok && id.Name != "_" {
			if _, isParam := params[id.Name]; !isParam {
				f.locals[id.Name] = as.Rhs[0]
			}
		}
		return true
	})
	return f
}

// source returns the parameter whose data e carries, and the serialiser
// it passes through on the way ("json", "fmt" or ""); -1 when none does.
func (f *flow) source(e ast.Expr, ser map[string]map[string]string) (int, string) {
	return f.sourceDepth(e, ser, 0)
}

func (f *flow) sourceDepth(e ast.Expr, ser map[string]map[string]string, depth int) (int, string) {
	if depth > 4 {
		return -1, ""
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if i, ok := f.params[e.Name]; ok {
			return i, ""
		}
		if def, ok := f.locals[e.Name]; ok {
			return f.sourceDepth(def, ser, depth+1)
		}
	case *ast.StarExpr:
		return f.sourceDepth(e.X, ser, depth+1)
	case *ast.SelectorExpr:
		return f.sourceDepth(e.X, ser, depth+1)
	case *ast.CallExpr:
		via := ""
		if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok {
			if pkg, ok := sel.X.(*ast.Ident); ok {
				via = ser[pkg.Name][sel.Sel.Name]
			}
		}
		for _, arg := range e.Args {
			if i, s := f.sourceDepth(arg, ser, depth+1); i >= 0 {
				if s == "" {
					s = via
				}
				return i, s
			}
		}
	}
	return -1, ""
}

// Serialisers are the functions that turn a whole value into text, by full
// name: every field a struct holds reaches the result. The value says how:
// "json" sees exported fields only and honours `json:"-"`, "fmt" prints
// every field (a nested pointer as an address).
var Serialisers = map[string]string{
	"fmt.Sprint": "fmt", "fmt.Sprintf": "fmt", "fmt.Sprintln": "fmt", "fmt.Errorf": "fmt",
	"encoding/json.Marshal": "json", "encoding/json.MarshalIndent": "json",
}

// serialiserNames returns Serialisers by the name file imports their
// packages under, for code read without types.
func serialiserNames(file *ast.File) map[string]map[string]string {
	out := make(map[string]map[string]string)
	for full, kind := range Serialisers {
		dot := strings.LastIndexByte(full, '.')
		name := modsource.ImportName(file, full[:dot])
		if name == "" {
			continue
		}
		if out[name] == nil {
			out[name] = make(map[string]string)
		}
		out[name][full[dot+1:]] = kind
	}
	return out
}
