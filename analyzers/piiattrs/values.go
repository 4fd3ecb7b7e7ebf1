package piiattrs

import (
	"go/ast"
	"go/types"
	"reflect"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/tracelint/tracelint/internal/attrsite"
	"github.com/tracelint/tracelint/internal/otelapi"
	"github.com/tracelint/tracelint/internal/pii"
)

// valueMatch is a sensitive value and the expression that makes it so.
type valueMatch struct {
	match pii.Match
	expr  ast.Expr
}

// passThrough are functions whose result carries their arguments' data.
var passThrough = map[string]bool{
	"strings.ToLower": true, "strings.ToUpper": true, "strings.TrimSpace": true, "strings.Trim": true,
	"strings.TrimPrefix": true, "strings.TrimSuffix": true, "strings.Join": true, "strings.Clone": true,
	"fmt.Sprint": true, "fmt.Sprintf": true, "fmt.Sprintln": true, "strconv.Quote": true,
	"fmt.Errorf": true, "errors.New": true, // an error's text, once recorded
}

// value finds personal data or a secret in e: a variable, field or method
// with a telling name at the end of the expression, looking through
// conversions, concatenations, the arguments of fmt.Sprintf and a few
// string functions, and the attribute.XValue constructors.
//
//	order.Customer.Email       field Email of Customer
//	u.Phone()                  method Phone
//	"checkout " + user.Email   an operand of +
//	fmt.Sprintf("%s", email)   an argument
//	privacy.Redact(u.Email)    nothing: a configured redactor
func (c *checker) value(e ast.Expr) (valueMatch, bool) {
	e = ast.Unparen(e)
	if c.isConstant(e) || c.isBool(e) {
		return valueMatch{}, false
	}
	switch e := e.(type) {
	case *ast.Ident:
		if v, ok := c.pass.TypesInfo.Uses[e].(*types.Var); ok {
			if m, ok := c.named(e, "", v.Name()); ok {
				return m, true
			}
			if call, ok := c.definedBy(v); ok && !c.following[v] {
				// b, _ := json.Marshal(order); s = fmt.Sprintf("%s!", s) must not loop.
				c.following[v] = true
				defer delete(c.following, v)
				return c.callValue(call)
			}
		}
	case *ast.SelectorExpr:
		return c.selector(e)
	case *ast.StarExpr:
		return c.value(e.X)
	case *ast.BinaryExpr:
		if v, ok := c.value(e.X); ok {
			return v, true
		}
		return c.value(e.Y)
	case *ast.IndexExpr:
		if key, ok := c.constString(e.Index); ok {
			return c.named(e, "", key) // m["email"]
		}
		return c.value(e.X)
	case *ast.CompositeLit:
		for _, elt := range e.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			if v, ok := c.value(elt); ok {
				return v, true
			}
		}
	case *ast.CallExpr:
		return c.callValue(e)
	}
	return valueMatch{}, false
}

func (c *checker) callValue(call *ast.CallExpr) (valueMatch, bool) {
	if tv, ok := c.pass.TypesInfo.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 {
		return c.value(call.Args[0]) // a conversion
	}
	fn, _ := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if fn == nil {
		return valueMatch{}, false
	}
	full := fn.FullName()
	switch {
	case c.redactors[full]:
		return valueMatch{}, false
	case passThrough[full]:
		for _, arg := range call.Args {
			if v, ok := c.value(arg); ok {
				return v, true
			}
		}
	}
	if kind, ok := attrsite.Serialisers[full]; ok {
		for _, arg := range call.Args {
			if v, ok := c.serialised(arg, kind == "json"); ok {
				return v, true
			}
		}
		return valueMatch{}, false
	}
	if passThrough[full] {
		return valueMatch{}, false
	}
	if _, ok := otelapi.AttributeValueFunc(fn); ok {
		for _, arg := range call.Args {
			if v, ok := c.value(arg); ok {
				return v, true
			}
		}
		return valueMatch{}, false
	}
	// A getter's name decides: u.Phone(), req.GetEmail(). A call with
	// arguments is judged by neither its name (NewSessionJWTIssued(ctx, id)
	// builds an event, hashEmail(e) hides one) nor its arguments.
	if len(call.Args) > 0 || fn.Signature().Results().Len() != 1 {
		return valueMatch{}, false
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && fn.Signature().Recv() != nil {
		return c.owned(call, sel.X, fn.Name())
	}
	return c.named(call, "", fn.Name())
}

// selector classifies x.f: a struct tag first, then the name with its
// owner's name, then with the owner's type name (u.Name for a User).
func (c *checker) selector(e *ast.SelectorExpr) (valueMatch, bool) {
	if m, ok := c.taggedField(e); ok {
		return valueMatch{match: m, expr: e}, true
	}
	return c.owned(e, e.X, e.Sel.Name)
}

// owned classifies name as held by x: with x's own name, then with its
// type's name (u.Name for a User). When only an ambiguous owner makes the
// name personal (Customer.Name: a B2B customer is a business), x's type
// must also hold personal data on its own (an Email field, a pii tag).
func (c *checker) owned(e, x ast.Expr, name string) (valueMatch, bool) {
	t := c.pass.TypesInfo.TypeOf(x)
	for _, owner := range []string{lastName(x), typeName(t)} {
		v, ok := c.named(e, owner, name)
		if !ok {
			continue
		}
		if !pii.AmbiguousOwner(owner) || c.personalType(t, name) {
			return v, true
		}
		if alone, ok := c.named(e, "", name); ok {
			return alone, true
		}
	}
	return valueMatch{}, false
}

// personalType reports whether t, a struct or a pointer to one, has a
// field other than except whose own name or tag says it holds personal
// data: the evidence that an ambiguous owner is a person.
func (c *checker) personalType(t types.Type, except string) bool {
	if t == nil {
		return false
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := range st.NumFields() {
		f := st.Field(i)
		if f.Name() == except {
			continue
		}
		if m, ok := c.fieldMatch("", f, reflect.StructTag(st.Tag(i))); ok && m.Category.IsPersonal() {
			return true
		}
	}
	return false
}

func (c *checker) named(e ast.Expr, owner, name string) (valueMatch, bool) {
	m, ok := c.names[[2]string{owner, name}]
	if !ok {
		m, _ = c.matcher.Name(owner, name)
		if c.off[m.Category] {
			m = pii.Match{}
		}
		c.names[[2]string{owner, name}] = m
	}
	if m.Category == pii.None {
		return valueMatch{}, false
	}
	return valueMatch{match: m, expr: e}, true
}

// taggedField reports a field tagged pii:"..." (personal data; the tag may
// name a category) or sensitive:"true" (a secret).
func (c *checker) taggedField(e *ast.SelectorExpr) (pii.Match, bool) {
	sel, ok := c.pass.TypesInfo.Selections[e]
	if !ok || sel.Kind() != types.FieldVal {
		return pii.Match{}, false
	}
	tag, ok := fieldTag(sel)
	if !ok {
		return pii.Match{}, false
	}
	return c.tagMatch(reflect.StructTag(tag))
}

// tagMatch classifies a field by its tag: sensitive:"true" is a secret,
// pii:"..." personal data (of the category it names, if any).
func (c *checker) tagMatch(tag reflect.StructTag) (pii.Match, bool) {
	if tag.Get("sensitive") == "true" && !c.off[pii.Credentials] {
		return pii.Match{Category: pii.Credentials, Why: `tag sensitive:"true"`}, true
	}
	if v, ok := tag.Lookup("pii"); ok && v != "-" && v != "false" {
		cat, known := pii.ParseCategory(v)
		if !known {
			cat = pii.Personal
		}
		if !c.off[cat] {
			return pii.Match{Category: cat, Why: `tag pii:"` + v + `"`}, true
		}
	}
	return pii.Match{}, false
}

// fieldTag returns the tag of the field a selection picks, following the
// path through embedded fields.
func fieldTag(sel *types.Selection) (string, bool) {
	t := sel.Recv()
	var tag string
	for _, i := range sel.Index() {
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok || i >= st.NumFields() {
			return "", false
		}
		tag = st.Tag(i)
		t = st.Field(i).Type()
	}
	return tag, true
}

// lastName returns the last identifier of x: Customer in order.Customer.
func lastName(x ast.Expr) string {
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		return x.Name
	case *ast.SelectorExpr:
		return x.Sel.Name
	case *ast.StarExpr:
		return lastName(x.X)
	case *ast.IndexExpr:
		return lastName(x.X)
	}
	return ""
}

// typeName returns the name of t's named type, through a pointer.
func typeName(t types.Type) string {
	if t == nil {
		return ""
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}

// isBool reports whether e is a boolean, which cannot hold personal data or
// a secret: attribute.Bool("password.set", p != "").
func (c *checker) isBool(e ast.Expr) bool {
	t := c.pass.TypesInfo.TypeOf(e)
	if t == nil {
		return false
	}
	if s, ok := t.Underlying().(*types.Slice); ok {
		t = s.Elem()
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsBoolean != 0
}

// redacted reports whether e is the result of a configured redactor,
// through conversions and attribute.XValue constructors.
func (c *checker) redacted(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	if tv, ok := c.pass.TypesInfo.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 {
		return c.redacted(call.Args[0])
	}
	fn, _ := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if fn == nil {
		return false
	}
	if c.redactors[fn.FullName()] {
		return true
	}
	// attribute.StringValue(privacy.Redact(e)), strings.ToLower(privacy.Redact(e)):
	// a value constructor or a string function keeps what it is given.
	if _, ok := otelapi.AttributeValueFunc(fn); (ok || passThrough[fn.FullName()]) && len(call.Args) == 1 {
		return c.redacted(call.Args[0])
	}
	return false
}
