package piiattrs

import (
	"go/ast"
	"go/types"
	"reflect"
	"strings"

	"github.com/tracelint/tracelint/internal/pii"
)

// maxFieldDepth bounds how deep serialised looks into nested structs
// (Order.Customer.Email is two levels).
const maxFieldDepth = 2

// serialised reports personal data or a secret in the fields of e's
// struct type, for e serialised whole (json.Marshal(order),
// fmt.Sprintf("%+v", order)): a field tagged pii or sensitive, or one whose
// own name, or its name under the struct's type name when that names a
// person for sure (Patient.Name), falls in a category.
func (c *checker) serialised(e ast.Expr, jsonOnly bool) (valueMatch, bool) {
	t := c.pass.TypesInfo.TypeOf(e)
	if t == nil || hasTextMethod(t) {
		return valueMatch{}, false
	}
	if m, ok := c.personalFields(t, jsonOnly, 0); ok {
		m.Why += ", serialised whole"
		return valueMatch{match: m, expr: e}, true
	}
	return valueMatch{}, false
}

// hasTextMethod reports whether fmt prints t through a String or Error
// method rather than field by field.
func hasTextMethod(t types.Type) bool {
	for _, name := range []string{"String", "Error"} {
		if obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name); obj != nil {
			if _, ok := obj.(*types.Func); ok {
				return true
			}
		}
	}
	return false
}

func (c *checker) personalFields(t types.Type, jsonOnly bool, depth int) (pii.Match, bool) {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok || depth > maxFieldDepth {
		return pii.Match{}, false // the bound also ends recursive types
	}
	owner := typeName(t)
	for i := range st.NumFields() {
		f := st.Field(i)
		tag := reflect.StructTag(st.Tag(i))
		if jsonOnly && (!f.Exported() || strings.Split(tag.Get("json"), ",")[0] == "-") {
			continue
		}
		if m, ok := c.fieldMatch(owner, f, tag); ok {
			m.Why = owner + "." + f.Name()
			return m, true
		}
		if _, isPtr := f.Type().Underlying().(*types.Pointer); isPtr && !jsonOnly {
			continue // fmt prints a nested pointer as an address
		}
		if m, ok := c.personalFields(f.Type(), jsonOnly, depth+1); ok {
			return m, true
		}
	}
	return pii.Match{}, false
}

// fieldMatch classifies one field of a struct: by its tag, then by its own
// name, then by its name under owner, the struct's type name, when owner is
// a person for sure (Patient.Name). owner may be empty.
func (c *checker) fieldMatch(owner string, f *types.Var, tag reflect.StructTag) (pii.Match, bool) {
	if m, ok := c.tagMatch(tag); ok {
		return m, true
	}
	if isBoolType(f.Type()) {
		return pii.Match{}, false
	}
	m, ok := c.matcher.Name("", f.Name())
	if !ok && owner != "" && !pii.AmbiguousOwner(owner) {
		m, ok = c.matcher.Name(owner, f.Name())
	}
	if !ok || m.Category == pii.Pseudonymous || c.off[m.Category] {
		return pii.Match{}, false
	}
	return m, true
}

func isBoolType(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsBoolean != 0
}

// stringerPrints reports personal data or a secret that the String method
// of e's type prints, for attribute.Stringer(k, e): a field of the receiver
// that String reads, judged as serialised would judge it. The method is
// read from the module's source, without types.
func (c *checker) stringerPrints(e ast.Expr) (valueMatch, bool) {
	t := c.pass.TypesInfo.TypeOf(e)
	if t == nil {
		return valueMatch{}, false
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "String")
	fn, ok := obj.(*types.Func)
	if !ok || c.mod.Root == "" {
		return valueMatch{}, false
	}
	decl := c.mod.Decl(c.pass.Fset, fn)
	if decl == nil || decl.Body == nil || decl.Recv == nil || len(decl.Recv.List) == 0 || len(decl.Recv.List[0].Names) == 0 {
		return valueMatch{}, false
	}
	recv := decl.Recv.List[0].Names[0].Name
	st := t
	if p, ok := st.Underlying().(*types.Pointer); ok {
		st = p.Elem()
	}
	s, ok := st.Underlying().(*types.Struct)
	if !ok {
		return valueMatch{}, false
	}
	var found valueMatch
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok || found.expr != nil {
			return found.expr == nil
		}
		if m, path, ok := c.printedField(s, typeName(st), recv, sel); ok {
			m.Why = path + ", printed by its String method"
			found = valueMatch{match: m, expr: e}
		}
		return true
	})
	return found, found.expr != nil
}

// printedField judges the field a String method reads through sel, a
// selector on its receiver recv of struct type s named owner: recv.Email,
// or a field of a nested struct, recv.Owner.Email. It returns the match and
// the field's path, Contact.Email.
func (c *checker) printedField(s *types.Struct, owner, recv string, sel *ast.SelectorExpr) (pii.Match, string, bool) {
	var names []string
	var e ast.Expr = sel
	for {
		x, ok := e.(*ast.SelectorExpr)
		if !ok {
			break
		}
		names = append([]string{x.Sel.Name}, names...)
		e = x.X
	}
	if id, ok := e.(*ast.Ident); !ok || id.Name != recv {
		return pii.Match{}, "", false
	}
	path := owner
	for _, name := range names {
		i := fieldIndex(s, name)
		if i < 0 {
			return pii.Match{}, "", false // a method, or a field of an embedded struct
		}
		f := s.Field(i)
		path += "." + name
		if m, ok := c.fieldMatch(owner, f, reflect.StructTag(s.Tag(i))); ok {
			return m, path, true
		}
		ft := f.Type()
		if p, ok := ft.Underlying().(*types.Pointer); ok {
			ft = p.Elem() // String may follow a pointer fmt would print as an address
		}
		next, ok := ft.Underlying().(*types.Struct)
		if !ok {
			break
		}
		s, owner, path = next, typeName(ft), typeName(ft)
	}
	return pii.Match{}, "", false
}

// fieldIndex returns the index of the field of s named name, or -1.
func fieldIndex(s *types.Struct, name string) int {
	for i := range s.NumFields() {
		if s.Field(i).Name() == name {
			return i
		}
	}
	return -1
}
