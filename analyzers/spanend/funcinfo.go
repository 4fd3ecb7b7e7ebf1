package spanend

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"sort"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/cfg"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/tracelint/tracelint/internal/otelapi"
)

// effect is what one appearance of a span variable does to the span.
type effect uint8

const (
	effEnds            effect = 1 << iota // span.End(), span.Finish(), deferred or not
	effRecords                            // span.RecordError(err), span.SetStatus(codes.Error, ..)
	effEscapes                            // handed over: returned, stored, passed, captured, method value
	effAssigns                            // the variable receives a new value
	effEndsOnSomePaths                    // a deferred closure ends the span only when a condition holds
)

// use is one appearance of a span variable.
type use struct {
	pos token.Pos
	eff effect
	end *ast.CallExpr // for a direct End call: the call
}

// funcInfo holds what the checks need about one function: its control-flow
// graph, built on first use, and the uses of the span variables it tracks.
type funcInfo struct {
	pass    *analysis.Pass
	cur     inspector.Cursor // the *ast.FuncDecl or *ast.FuncLit
	body    *ast.BlockStmt
	sig     *types.Signature
	graph   *cfg.CFG
	where   map[ast.Node]nodeAt // each CFG node's block and index
	tracked map[*types.Var]bool
	uses    map[*types.Var][]use // sorted by position; nil until first asked
	helpers *helpers             // what called functions do with a span
	// endMethods holds, for a value handed out by a team's start helper,
	// the method that ends its span (sc.Close()).
	endMethods map[*types.Var]string
}

func newFuncInfo(pass *analysis.Pass, cur inspector.Cursor, h *helpers) *funcInfo {
	fi := &funcInfo{pass: pass, cur: cur, tracked: make(map[*types.Var]bool), helpers: h, endMethods: make(map[*types.Var]string)}
	switch fn := cur.Node().(type) {
	case *ast.FuncDecl:
		fi.body = fn.Body
		if obj, ok := pass.TypesInfo.Defs[fn.Name].(*types.Func); ok {
			fi.sig = obj.Signature()
		}
	case *ast.FuncLit:
		fi.body = fn.Body
		fi.sig, _ = pass.TypesInfo.TypeOf(fn).(*types.Signature)
	}
	if fi.body == nil || fi.sig == nil {
		return nil
	}
	return fi
}

// declares reports whether v is declared in this function: in its body or
// among its parameters and results, not in an enclosing function.
func (fi *funcInfo) declares(v *types.Var) bool {
	n := fi.cur.Node()
	return n.Pos() <= v.Pos() && v.Pos() < n.End()
}

type nodeAt struct {
	block *cfg.Block
	index int
}

// locate returns the block of the function's control-flow graph holding
// node n, and n's index in it, building the graph on first use.
func (fi *funcInfo) locate(n ast.Node, mayReturn func(*ast.CallExpr) bool) (*cfg.Block, int) {
	if fi.graph == nil {
		fi.graph = cfg.New(fi.body, mayReturn)
		fi.where = make(map[ast.Node]nodeAt)
		for _, b := range fi.graph.Blocks {
			for i, n := range b.Nodes {
				fi.where[n] = nodeAt{b, i}
			}
		}
	}
	at, ok := fi.where[n]
	if !ok {
		return nil, -1
	}
	return at.block, at.index
}

// track asks for the uses of v to be collected. It must be called before
// the first call of usesOf.
func (fi *funcInfo) track(v *types.Var) { fi.tracked[v] = true }

// usesOf returns the uses of a tracked variable, sorted by position. The
// first call collects the uses of all tracked variables in one walk.
func (fi *funcInfo) usesOf(v *types.Var) []use {
	if fi.uses == nil {
		fi.uses = make(map[*types.Var][]use)
		for cur := range fi.cur.Preorder((*ast.Ident)(nil)) {
			id := cur.Node().(*ast.Ident)
			obj, ok := fi.pass.TypesInfo.ObjectOf(id).(*types.Var)
			if !ok || !fi.tracked[obj] {
				continue
			}
			fi.uses[obj] = append(fi.uses[obj], fi.classify(cur))
		}
	}
	return fi.uses[v]
}

// effectIn returns the combined effect of v's uses inside node n.
func (fi *funcInfo) effectIn(v *types.Var, n ast.Node) effect {
	uses := fi.usesOf(v)
	i := sort.Search(len(uses), func(i int) bool { return uses[i].pos >= n.Pos() })
	var eff effect
	for ; i < len(uses) && uses[i].pos < n.End(); i++ {
		eff |= uses[i].eff
	}
	if ret, ok := n.(*ast.ReturnStmt); ok && ret.Results == nil && fi.isNamedResult(v) {
		eff |= effEscapes // a bare return hands the named result to the caller
	}
	return eff
}

func (fi *funcInfo) isNamedResult(v *types.Var) bool {
	res := fi.sig.Results()
	for i := range res.Len() {
		if res.At(i) == v {
			return true
		}
	}
	return false
}

// classify says what the identifier at cur does to its span.
func (fi *funcInfo) classify(cur inspector.Cursor) use {
	u := use{pos: cur.Node().Pos()}
	u.eff, u.end = fi.directEffect(cur)
	// A use inside a nested function literal happens whenever the literal
	// runs, which may be later or never: ending or handing over the span
	// there means the literal has taken charge of it.
	for fc := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		if fc.Node() != fi.cur.Node() {
			if u.eff&effEnds != 0 && fi.deferredHere(fc) && !endsUnconditionally(fc.Node().(*ast.FuncLit), u.end, cur.Node().(*ast.Ident).Name) {
				// defer func() { if err != nil { span.End() } }(): every
				// other path leaks.
				u.eff = effEndsOnSomePaths | u.eff&effRecords
			} else if u.eff&(effEnds|effEscapes|effAssigns) != 0 {
				u.eff = effEscapes | u.eff&effRecords
			}
			u.end = nil
		}
		break
	}
	return u
}

// deferredHere reports whether the function literal at lit is deferred and
// called on the spot by this function: defer func() { ... }().
func (fi *funcInfo) deferredHere(lit inspector.Cursor) bool {
	if lit.ParentEdgeKind() != edge.CallExpr_Fun || lit.Parent().ParentEdgeKind() != edge.DeferStmt_Call {
		return false
	}
	for fc := range lit.Parent().Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		return fc.Node() == fi.cur.Node()
	}
	return false
}

// endsUnconditionally reports whether the end call in lit runs whenever lit
// does: no return comes before it, and every if statement around it tests
// the span itself (if span != nil, if span.IsRecording()).
func endsUnconditionally(lit *ast.FuncLit, end *ast.CallExpr, span string) bool {
	ok := true
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		if !ok || n == nil {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if n.Pos() < end.Pos() {
				ok = false
			}
		case *ast.IfStmt:
			if n.Pos() <= end.Pos() && end.End() <= n.End() && !mentions(n.Cond, span) {
				ok = false
			}
		case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt, *ast.ForStmt, *ast.RangeStmt:
			if n.Pos() <= end.Pos() && end.End() <= n.End() {
				ok = false
			}
		}
		return true
	})
	return ok
}

// mentions reports whether e mentions an identifier named name.
func mentions(e ast.Expr, name string) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Name == name {
			found = true
		}
		return !found
	})
	return found
}

// directEffect classifies an identifier by its syntactic context:
//
//	span.End()            ends (span.Finish(opts...) also records)
//	span.RecordError(err) records
//	span.SetAttributes()  no effect
//	span == nil           no effect
//	_ = span              no effect
//	span = x              assigns
//	f(span), return span, x.f = span, func() { span }, span.End (a value): escapes
func (fi *funcInfo) directEffect(cur inspector.Cursor) (effect, *ast.CallExpr) {
	k, idx := cur.ParentEdge()
	parent := cur.Parent().Node()
	switch k {
	case edge.SelectorExpr_X:
		sel := parent.(*ast.SelectorExpr)
		if cur.Parent().ParentEdgeKind() != edge.CallExpr_Fun {
			return effEscapes, nil // method value, e.g. t.Cleanup(span.End)
		}
		call := cur.Parent().Parent().Node().(*ast.CallExpr)
		name := sel.Sel.Name
		if v, ok := fi.pass.TypesInfo.Uses[cur.Node().(*ast.Ident)].(*types.Var); ok && fi.endMethods[v] != "" {
			if name == fi.endMethods[v] {
				return effEnds, call
			}
			return 0, nil
		}
		switch {
		case otelapi.EndMethods[name] && name == "Finish" && len(call.Args) > 0:
			return effEnds | effRecords, call // Datadog: Finish(tracer.WithError(err))
		case otelapi.EndMethods[name]:
			return effEnds, call
		case name == otelapi.RecordError:
			return effRecords, nil
		case name == otelapi.SetStatus && !fi.isSuccessStatus(call):
			return effRecords, nil
		}
		return 0, nil
	case edge.CallExpr_Fun:
		return effEnds, parent.(*ast.CallExpr) // an end function called: finish(&err)
	case edge.AssignStmt_Lhs, edge.RangeStmt_Key, edge.RangeStmt_Value, edge.ValueSpec_Names:
		return effAssigns, nil
	case edge.BinaryExpr_X, edge.BinaryExpr_Y:
		if op := parent.(*ast.BinaryExpr).Op; op == token.EQL || op == token.NEQ {
			return 0, nil
		}
	case edge.AssignStmt_Rhs:
		as := parent.(*ast.AssignStmt)
		if len(as.Lhs) == len(as.Rhs) && isBlank(as.Lhs[idx]) {
			return 0, nil
		}
	case edge.CallExpr_Args:
		// A helper that only records into the span (recordErr(span, err))
		// leaves it to the caller to end.
		if fn, ok := typeutil.Callee(fi.pass.TypesInfo, parent.(*ast.CallExpr)).(*types.Func); ok {
			if use := fi.helpers.paramUse(fn, idx); !use.takesOver {
				if use.records {
					return effRecords, nil
				}
				return 0, nil
			}
		}
	}
	return effEscapes, nil
}

// isSuccessStatus reports whether a SetStatus call sets a status that is not
// an error: OpenTelemetry's codes.Unset or codes.Ok, given as constants.
func (fi *funcInfo) isSuccessStatus(call *ast.CallExpr) bool {
	if len(call.Args) == 0 {
		return false
	}
	tv := fi.pass.TypesInfo.Types[call.Args[0]]
	if tv.Value == nil || !otelapi.IsNamedType(tv.Type, otelapi.CodesPackage, "Code") {
		return false
	}
	code, ok := constant.Uint64Val(tv.Value)
	return ok && code != otelapi.CodeError
}

func isBlank(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "_"
}
