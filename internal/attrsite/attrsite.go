// Package attrsite finds the places where Go code builds an OpenTelemetry
// attribute.KeyValue, and the key and value expressions of each, for the
// analyzers that check attributes (attrkeys, piiattrs).
package attrsite

import (
	"go/ast"
	"go/constant"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/tracelint/tracelint/internal/otelapi"
)

// Site is one place where an attribute.KeyValue is built.
type Site struct {
	// Node is the constructor call or composite literal: where findings go.
	Node ast.Node
	// Key is the key expression.
	Key ast.Expr
	// Value is the value expression; nil when there is none to read.
	Value ast.Expr
	// Kind is what the constructor stores; "" when it is not known.
	Kind otelapi.ValueKind
	// Serialiser is set for the call of a module function that builds the
	// attribute from its parameters and serialises the value on the way:
	// "json" (json.Marshal) or "fmt" (fmt.Sprint*). Value is then the whole
	// value serialised.
	Serialiser string
}

// Of returns the site n is, if it is one:
//
//	attribute.String("k", v)                 key: first argument
//	attribute.Key("k").String(v)             key: the receiver
//	semconv.HTTPRequestMethodKey.String(v)
//	attribute.KeyValue{Key: "k", Value: attribute.StringValue(v)}
//	attribute.KeyValue{"k", attribute.IntValue(v)}
func Of(info *types.Info, n ast.Node) (Site, bool) {
	switch n := n.(type) {
	case *ast.CallExpr:
		return call(info, n)
	case *ast.CompositeLit:
		return literal(info, n)
	}
	return Site{}, false
}

func call(info *types.Info, call *ast.CallExpr) (Site, bool) {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil {
		return Site{}, false
	}
	ctor, ok := otelapi.AttributeConstructor(fn)
	if !ok {
		return Site{}, false
	}
	s := Site{Node: call, Kind: ctor.Value}
	switch {
	case ctor.Method:
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return Site{}, false // a method expression, attribute.Key.String(k, v): rare enough to skip
		}
		s.Key = sel.X
		if len(call.Args) > 0 {
			s.Value = call.Args[0]
		}
	case len(call.Args) >= 1:
		s.Key = call.Args[0]
		if len(call.Args) >= 2 {
			s.Value = call.Args[1]
		}
	default:
		return Site{}, false
	}
	return s, true
}

func literal(info *types.Info, lit *ast.CompositeLit) (Site, bool) {
	if !otelapi.IsKeyValue(info.TypeOf(lit)) {
		return Site{}, false
	}
	s := Site{Node: lit}
	for i, elt := range lit.Elts {
		var name string
		val := elt
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok {
				name = id.Name
			}
			val = kv.Value
		} else if i < 2 {
			name = [2]string{"Key", "Value"}[i]
		}
		switch name {
		case "Key":
			s.Key = val
		case "Value":
			s.Value = val
			if call, ok := ast.Unparen(val).(*ast.CallExpr); ok {
				if fn, ok := typeutil.Callee(info, call).(*types.Func); ok {
					if kind, ok := otelapi.AttributeValueFunc(fn); ok {
						s.Kind = kind
						s.Value = nil
						if len(call.Args) == 1 {
							s.Value = call.Args[0]
						}
					}
				}
			}
		}
	}
	return s, s.Key != nil
}

// ConstKey returns the key e spells when it is known before the program
// runs: a constant string expression (a literal, a constant of any package,
// an attribute.Key conversion), or the String method of a string constant
// whose named type declares one, as packages that keep their keys in a
// named string type write them:
//
//	const KeyOrder Key = "shop.order.id"
//	attribute.String(KeyOrder.String(), id)
func ConstKey(info *types.Info, e ast.Expr) (string, bool) {
	e = ast.Unparen(e)
	if tv, ok := info.Types[e]; ok && tv.Value != nil {
		if tv.Value.Kind() != constant.String {
			return "", false
		}
		return constant.StringVal(tv.Value), true
	}
	call, ok := e.(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return "", false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "String" {
		return "", false
	}
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok || fn.Signature().Recv() == nil || fn.Signature().Params().Len() != 0 || fn.Signature().Results().Len() != 1 {
		return "", false
	}
	if b, ok := fn.Signature().Results().At(0).Type().(*types.Basic); !ok || b.Kind() != types.String {
		return "", false
	}
	return ConstKey(info, sel.X)
}
