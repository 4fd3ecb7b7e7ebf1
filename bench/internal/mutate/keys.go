package mutate

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/tracelint/tracelint/internal/attrsite"
	"github.com/tracelint/tracelint/internal/contract"
	"github.com/tracelint/tracelint/internal/otelapi"
)

// misspellKey finds an attribute site whose key is a key of the semantic
// conventions and misspells it (TL301):
//
//	attribute.String("http.request.method", m)      -> "http.request.mehtod"
//	attribute.Key("db.system").String(s)            -> attribute.Key("db.sytsem")
//	semconv.HTTPRequestMethodKey.String(m)          -> attribute.Key("http.request.mehtod").String(m)
//
// Keys count when the bundled contract has them exactly (not through a
// template) and their namespace is one of its namespaces, which is what
// makes TL301 report a misspelling without a registry. The site's call and
// its key must start on the same line, so that the line is unambiguous.
func (f *file) misspellKey(u unit) *site {
	info := f.pkg.TypesInfo
	for cur := range u.cur.Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		s, ok := attrsite.Of(info, call)
		if !ok || s.Key == nil {
			continue
		}
		key := ast.Unparen(s.Key)
		if f.tf.Line(call.Pos()) != f.tf.Line(key.Pos()) {
			continue
		}
		var lit *ast.BasicLit
		var sel *ast.SelectorExpr
		switch k := key.(type) {
		case *ast.BasicLit:
			lit = k
		case *ast.CallExpr: // attribute.Key("db.system")
			if tv := info.Types[k.Fun]; tv.IsType() && otelapi.IsAttributeKey(tv.Type) && len(k.Args) == 1 {
				lit, _ = ast.Unparen(k.Args[0]).(*ast.BasicLit)
			}
		case *ast.SelectorExpr: // semconv.HTTPRequestMethodKey
			if c, ok := info.Uses[k.Sel].(*types.Const); ok && c.Pkg() != nil &&
				otelapi.IsSemconvPackage(c.Pkg().Path()) && otelapi.IsAttributeKey(c.Type()) {
				if _, ok := info.Uses[identOf(k.X)].(*types.PkgName); ok {
					sel = k
				}
			}
		}
		var tv types.TypeAndValue
		switch {
		case lit != nil && lit.Kind == token.STRING:
			tv = info.Types[lit]
		case sel != nil:
			tv = info.Types[sel]
		default:
			continue
		}
		if tv.Value == nil || tv.Value.Kind() != constant.String {
			continue
		}
		orig := constant.StringVal(tv.Value)
		wrong, ok := f.pkg.misspell(orig)
		if !ok {
			continue
		}
		var e edit
		var note string
		var needsImport bool
		if lit != nil {
			text := strconv.Quote(wrong)
			if strings.HasPrefix(lit.Value, "`") {
				text = "`" + wrong + "`"
			}
			e, note = f.replace(lit, text), lit.Value+" -> "+text
		} else {
			var attr string
			attr, needsImport = f.attrName(sel.Pos())
			if attr == "" || needsImport && !f.pkg.canImportAttr() || !f.removable(u, sel.X) {
				continue
			}
			text := attr + ".Key(" + strconv.Quote(wrong) + ")"
			e, note = f.replace(sel, text), f.oneLine(sel)+" -> "+text
		}
		return &site{
			file:      f,
			anchor:    f.off(call.Pos()),
			edits:     []edit{e},
			needsAttr: needsImport,
			m:         Mutation{Rules: []string{"TL301"}, Note: note},
		}
	}
	return nil
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

// misspell returns key with two adjacent, distinct letters of its last
// segment swapped, as near the middle of the segment as possible ("method"
// becomes "mehtod", "system" "sytsem"), when key is a key of the bundled
// semantic conventions and the misspelling is neither one of its keys nor a
// key of a semconv package the package imports.
func (p *pkg) misspell(key string) (string, bool) {
	table := contract.Semconv()
	if a, ok := table.Lookup(key); !ok || a.Key != key {
		return "", false
	}
	dot := strings.LastIndexByte(key, '.')
	if dot <= 0 || !table.HasNamespace(key[:dot]) {
		return "", false
	}
	seg := key[dot+1:]
	for _, i := range swapOrder(len(seg)) {
		if !isLetter(seg[i]) || !isLetter(seg[i+1]) || seg[i] == seg[i+1] {
			continue
		}
		wrong := key[:dot+1] + seg[:i] + string(seg[i+1]) + string(seg[i]) + seg[i+2:]
		if _, known := table.Lookup(wrong); known || p.goKeys()[wrong] {
			continue
		}
		return wrong, true
	}
	return "", false
}

// swapOrder returns the indexes i of the pairs (i, i+1) of a segment of n
// bytes in the order misspell tries them: pairs that keep the first and
// last letter, nearest the middle first, then the two end pairs.
func swapOrder(n int) []int {
	var order []int
	seen := make(map[int]bool)
	add := func(i int) {
		if i >= 0 && i+1 < n && !seen[i] {
			seen[i] = true
			order = append(order, i)
		}
	}
	mid := (n - 2) / 2
	for d := range n {
		for _, i := range []int{mid - d, mid + d} {
			if i >= 1 && i+1 <= n-2 {
				add(i)
			}
		}
	}
	add(0)
	add(n - 2)
	return order
}

func isLetter(b byte) bool { return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' }

// goKeys returns the keys of the attribute.Key constants of the semconv
// packages the package imports, which attrkeys accepts as they are.
func (p *pkg) goKeys() map[string]bool {
	if p.semconvKeys == nil {
		p.semconvKeys = make(map[string]bool)
		for _, imp := range p.Types.Imports() {
			if !otelapi.IsSemconvPackage(imp.Path()) {
				continue
			}
			scope := imp.Scope()
			for _, name := range scope.Names() {
				if c, ok := scope.Lookup(name).(*types.Const); ok && otelapi.IsAttributeKey(c.Type()) && c.Val().Kind() == constant.String {
					p.semconvKeys[constant.StringVal(c.Val())] = true
				}
			}
		}
	}
	return p.semconvKeys
}
