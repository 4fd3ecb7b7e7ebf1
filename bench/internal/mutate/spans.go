package mutate

import (
	"go/ast"
	"go/token"
	"go/types"
	"iter"
	"strings"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/tracelint/tracelint/internal/otelapi"
)

// start is a span start whose results an assignment binds:
//
//	ctx, span := tracer.Start(ctx, name)        // also =
//	ctx, span := trace.StartSpan(ctx, name)     // OpenCensus
//	ctx, span, err := tracing.Start(ctx, name)  // a wrapper with an error
//
// A start is any call whose results are a context.Context and a value with
// an End method, optionally followed by an error: the tracing APIs and the
// module's own wrappers look the same.
type start struct {
	cur    inspector.Cursor // the call
	call   *ast.CallExpr
	assign *ast.AssignStmt
	fn     inspector.Cursor // the innermost function around the call
	sig    *types.Signature
	// ctxIdx and spanIdx index the context and span results.
	ctxIdx, spanIdx int
	// span is the variable the span is bound to; nil when it is bound to _
	// or to something else than a variable.
	span *types.Var
	// errVar receives the error result, if any.
	errVar *types.Var
}

// startAt returns the start the call at cur is, or nil.
func (f *file) startAt(cur inspector.Cursor) *start {
	call := cur.Node().(*ast.CallExpr)
	if k, idx := cur.ParentEdge(); k != edge.AssignStmt_Rhs || idx != 0 {
		return nil
	}
	assign := cur.Parent().Node().(*ast.AssignStmt)
	info := f.pkg.TypesInfo
	if tv, ok := info.Types[call.Fun]; !ok || tv.IsType() || tv.IsBuiltin() || len(assign.Rhs) != 1 {
		return nil
	}
	sig, ok := info.TypeOf(call.Fun).Underlying().(*types.Signature)
	if !ok {
		return nil
	}
	res := sig.Results()
	n := res.Len()
	if n != 2 && !(n == 3 && isError(res.At(2).Type())) || len(assign.Lhs) != n {
		return nil
	}
	s := &start{cur: cur, call: call, assign: assign, sig: sig, ctxIdx: otelapi.ContextResult(sig), spanIdx: -1}
	for i := range 2 {
		if hasMethod(res.At(i).Type(), "End") {
			s.spanIdx = i
			break
		}
	}
	if s.ctxIdx < 0 || s.ctxIdx > 1 || s.spanIdx < 0 || s.ctxIdx == s.spanIdx {
		return nil
	}
	s.fn, _ = enclosingFunc(cur)
	if id, ok := assign.Lhs[s.spanIdx].(*ast.Ident); ok && id.Name != "_" {
		s.span, _ = info.ObjectOf(id).(*types.Var)
	}
	if n == 3 {
		if id, ok := assign.Lhs[2].(*ast.Ident); ok && id.Name != "_" {
			s.errVar, _ = info.ObjectOf(id).(*types.Var)
		}
	}
	return s
}

// localSpan reports whether the span variable is declared in the body of
// the function that starts the span (not a parameter, a result, a field or
// a variable of an enclosing function).
func (s *start) localSpan() bool {
	body := funcBody(s.fn.Node())
	return s.span != nil && body != nil && body.Pos() <= s.span.Pos() && s.span.Pos() < body.End()
}

// stmtList returns the cursor of the start's statement when it is an
// element of a statement list (a block or a case body), with the list's
// edge and the statement's index.
func (s *start) stmtList() (inspector.Cursor, edge.Kind, int, bool) {
	stmt := s.cur.Parent()
	k, idx := stmt.ParentEdge()
	switch k {
	case edge.BlockStmt_List, edge.CaseClause_Body, edge.CommClause_Body:
		return stmt, k, idx, true
	}
	return stmt, k, idx, false
}

// dropEnd finds a span ended exactly once, on every path, and removes the
// End (TL201):
//
//	ctx, span := tracer.Start(ctx, "load")
//	defer span.End()                      -> _ = span
//
//	defer span.End()                      -> _ = span
//	defer func() { ...; span.End() }()    -> defer func() { ...; _ = span }()
//	span.End()                            -> _ = span
//
// "_ = span" keeps the variable used. The span must be one the function
// keeps to itself: its only other uses are method calls, comparisons and
// blank assignments; a span returned, stored, passed or captured for ending
// elsewhere is handed over, and TL201 rightly stays quiet about it. So that
// the seeded leak is the only one, the End must already cover every path:
// it follows the start in the same statement list, and no statement in
// between can leave it.
func (f *file) dropEnd(u unit) *site {
	info := f.pkg.TypesInfo
	for cur := range u.cur.Preorder((*ast.CallExpr)(nil)) {
		s := f.startAt(cur)
		if s == nil || !s.localSpan() {
			continue
		}
		startStmt, listEdge, startIdx, ok := s.stmtList()
		if !ok {
			continue
		}
		var ends []inspector.Cursor
		handedOver := false
		for idc := range s.fn.Preorder((*ast.Ident)(nil)) {
			if info.ObjectOf(idc.Node().(*ast.Ident)) != s.span {
				continue
			}
			end, ok := f.ownUse(idc, s)
			if !ok {
				handedOver = true
				break
			}
			if end != nil {
				ends = append(ends, *end)
			}
		}
		if handedOver || len(ends) != 1 {
			continue
		}
		endCall := ends[0].Node().(*ast.CallExpr)
		target, anchor, ok := f.endStmt(ends[0], s)
		if !ok {
			continue
		}
		// The End's statement (or the defer holding it) must follow the
		// start in the same list, with nothing in between that leaves.
		if k, idx := anchor.ParentEdge(); k != listEdge || anchor.Parent().Node() != startStmt.Parent().Node() || idx <= startIdx {
			continue
		} else if !f.noExitBetween(startStmt.Parent(), listEdge, startIdx, idx, s) {
			continue
		}
		var args []ast.Node
		for _, a := range endCall.Args {
			args = append(args, a)
		}
		if !f.removable(u, args...) {
			continue
		}
		rules := []string{"TL201"}
		if inLoop(s.cur) && !(s.assign.Pos() <= s.span.Pos() && s.span.Pos() < s.assign.End()) {
			rules = append(rules, "TL205") // spanend reports a loop that reuses the variable as TL205
		}
		text := "_ = " + s.span.Name()
		return &site{
			file:   f,
			anchor: f.off(s.call.Pos()),
			edits:  []edit{f.replace(target, text)},
			m:      Mutation{Rules: rules, Note: f.oneLine(target) + " -> " + text},
		}
	}
	return nil
}

// ownUse classifies one appearance of the span variable of s: ok when the
// function keeps the span to itself there, with the End call's cursor when
// the appearance is the receiver of span.End(...).
func (f *file) ownUse(idc inspector.Cursor, s *start) (*inspector.Cursor, bool) {
	k, idx := idc.ParentEdge()
	parent := idc.Parent().Node()
	switch k {
	case edge.SelectorExpr_X:
		if idc.Parent().ParentEdgeKind() != edge.CallExpr_Fun {
			return nil, false // a method value such as span.End: handed over
		}
		if parent.(*ast.SelectorExpr).Sel.Name == "End" {
			call := idc.Parent().Parent()
			return &call, true
		}
		return nil, true
	case edge.BinaryExpr_X, edge.BinaryExpr_Y:
		op := parent.(*ast.BinaryExpr).Op
		return nil, op == token.EQL || op == token.NEQ
	case edge.AssignStmt_Lhs:
		return nil, parent == s.assign
	case edge.AssignStmt_Rhs:
		as := parent.(*ast.AssignStmt)
		return nil, len(as.Lhs) == len(as.Rhs) && isBlank(as.Lhs[idx])
	case edge.ValueSpec_Names:
		return nil, len(parent.(*ast.ValueSpec).Values) == 0 // var span trace.Span
	case edge.CallExpr_Args:
		return nil, f.recordingHelper(parent.(*ast.CallExpr), idx)
	}
	return nil, false
}

// ownMethodCall reports whether id, whose ancestors are stack (innermost
// last), is the receiver of a method call other than End or Finish, outside
// any function literal.
func ownMethodCall(stack []ast.Node, id *ast.Ident) bool {
	for _, n := range stack {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
	}
	if len(stack) < 2 {
		return false
	}
	sel, ok := stack[len(stack)-1].(*ast.SelectorExpr)
	call, isCall := stack[len(stack)-2].(*ast.CallExpr)
	return ok && isCall && sel.X == id && call.Fun == sel && sel.Sel.Name != "End" && sel.Sel.Name != "Finish"
}

// recordingHelper reports whether call's k-th argument, a span, goes to a
// function of the same package that only calls methods other than End and
// Finish on it (recordErr(span, err)): the caller still owns the span.
func (f *file) recordingHelper(call *ast.CallExpr, k int) bool {
	fn, ok := typeutil.Callee(f.pkg.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() != f.pkg.Types {
		return false
	}
	var decl *ast.FuncDecl
	for _, file := range f.pkg.Syntax {
		for _, d := range file.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && f.pkg.TypesInfo.Defs[fd.Name] == fn {
				decl = fd
			}
		}
	}
	if decl == nil || decl.Body == nil || fn.Signature().Variadic() {
		return false
	}
	var param types.Object
	i := 0
	for _, field := range decl.Type.Params.List {
		for _, name := range field.Names {
			if i == k {
				param = f.pkg.TypesInfo.Defs[name]
			}
			i++
		}
	}
	if param == nil {
		return false
	}
	only := true
	var stack []ast.Node
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if id, ok := n.(*ast.Ident); ok && f.pkg.TypesInfo.Uses[id] == param {
			only = only && ownMethodCall(stack, id)
		}
		stack = append(stack, n)
		return only
	})
	return only
}

// endStmt returns the statement to replace for the End call at end, and the
// statement of the start's function that holds it: the End's own
// statement, or the defer of the closure it is in.
func (f *file) endStmt(end inspector.Cursor, s *start) (ast.Node, inspector.Cursor, bool) {
	fn, _ := enclosingFunc(end)
	switch end.ParentEdgeKind() {
	case edge.DeferStmt_Call:
		return end.Parent().Node(), end.Parent(), fn.Node() == s.fn.Node()
	case edge.ExprStmt_X:
		if fn.Node() == s.fn.Node() {
			return end.Parent().Node(), end.Parent(), true
		}
		// defer func() { ...; span.End() }()
		if _, ok := fn.Node().(*ast.FuncLit); !ok || fn.ParentEdgeKind() != edge.CallExpr_Fun ||
			fn.Parent().ParentEdgeKind() != edge.DeferStmt_Call {
			return nil, inspector.Cursor{}, false
		}
		def := fn.Parent().Parent()
		outer, _ := enclosingFunc(def)
		return end.Parent().Node(), def, outer.Node() == s.fn.Node()
	}
	return nil, inspector.Cursor{}, false
}

// noExitBetween reports whether no statement strictly between the
// statements from and to of a list can leave the list: a return (except
// one guarded by "if err != nil" on the start's own error, where a wrapper's
// span is not valid), a goto, a labelled branch, a break or continue whose
// target lies outside.
func (f *file) noExitBetween(list inspector.Cursor, k edge.Kind, from, to int, s *start) bool {
	for i := from + 1; i < to; i++ {
		stmt := list.ChildAt(k, i)
		exits := false
		stmt.Inspect([]ast.Node{(*ast.FuncLit)(nil), (*ast.ReturnStmt)(nil), (*ast.BranchStmt)(nil)}, func(c inspector.Cursor) bool {
			switch n := c.Node().(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				if !f.guardedByErr(c, stmt, s.errVar) {
					exits = true
				}
			case *ast.BranchStmt:
				switch {
				case n.Tok == token.FALLTHROUGH:
				case n.Tok == token.GOTO, n.Label != nil:
					exits = true
				default:
					exits = exits || !branchTargetWithin(c, n.Tok, stmt)
				}
			}
			return !exits
		})
		if exits {
			return false
		}
	}
	return true
}

// guardedByErr reports whether c lies in the body of an "if err != nil"
// inside within, for the start's error variable.
func (f *file) guardedByErr(c, within inspector.Cursor, errVar *types.Var) bool {
	if errVar == nil {
		return false
	}
	for anc := range c.Enclosing((*ast.IfStmt)(nil)) {
		ifs := anc.Node().(*ast.IfStmt)
		if ifs.Pos() < within.Node().Pos() {
			return false
		}
		bin, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
		if !ok || bin.Op != token.NEQ || !(ifs.Body.Pos() <= c.Node().Pos() && c.Node().Pos() < ifs.Body.End()) {
			continue
		}
		id, ok := ast.Unparen(bin.X).(*ast.Ident)
		if ok && f.pkg.TypesInfo.Uses[id] == errVar && f.pkg.TypesInfo.Types[bin.Y].IsNil() {
			return true
		}
	}
	return false
}

// branchTargetWithin reports whether an unlabelled break or continue at c
// targets a statement inside within.
func branchTargetWithin(c inspector.Cursor, tok token.Token, within inspector.Cursor) bool {
	for anc := range c.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.SwitchStmt)(nil),
		(*ast.TypeSwitchStmt)(nil), (*ast.SelectStmt)(nil)) {
		if anc.Node().Pos() < within.Node().Pos() {
			return false
		}
		switch anc.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return true
		default:
			if tok == token.BREAK {
				return true
			}
		}
	}
	return false
}

// inLoop reports whether cur lies in a for or range statement of its
// function.
func inLoop(cur inspector.Cursor) bool {
	for anc := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch anc.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return true
		}
		return false
	}
	return false
}

// discardStartCtx finds a start whose context the function passes on, and
// discards it (TL103):
//
//	ctx, span := tracer.Start(ctx, "load")   -> _, span := tracer.Start(ctx, "load")
//	defer span.End()
//	return s.db.Get(ctx, id)                 // now the parent context
//
// The variable receiving the context must be the parent's own (ctx, span =
// tracer.Start(ctx, ...)), or shadow it in an inner scope, so that after the
// edit its later uses are the parent: the code still compiles, and the
// parent is what is passed on before the span ends. A := keeps another new
// variable on its left.
func (f *file) discardStartCtx(u unit) *site {
	info := f.pkg.TypesInfo
	for cur := range u.cur.Preorder((*ast.CallExpr)(nil)) {
		s := f.startAt(cur)
		if s == nil || s.span == nil || len(s.call.Args) == 0 {
			continue
		}
		id, ok := s.assign.Lhs[s.ctxIdx].(*ast.Ident)
		if !ok || id.Name == "_" {
			continue
		}
		pid, ok := ast.Unparen(s.call.Args[0]).(*ast.Ident)
		if !ok {
			continue
		}
		parent, ok := info.Uses[pid].(*types.Var)
		if !ok || !otelapi.IsContext(parent.Type()) {
			continue
		}
		derived, ok := info.ObjectOf(id).(*types.Var)
		if !ok {
			continue
		}
		after := types.Object(derived) // what the variable's later uses denote after the edit
		if info.Defs[id] != nil {
			scope := derived.Parent()
			if scope == nil || scope.Parent() == nil {
				continue
			}
			_, after = scope.Parent().LookupParent(id.Name, s.assign.Pos())
			if !f.keepsNewVar(s.assign, id) {
				continue
			}
		}
		if after != parent {
			continue
		}
		end := f.spanEnd(s)
		passed := false
		for idc := range s.fn.Preorder((*ast.Ident)(nil)) {
			use := idc.Node().(*ast.Ident)
			if use.Pos() > s.call.End() && use.Pos() < end && info.Uses[use] == derived &&
				idc.ParentEdgeKind() == edge.CallExpr_Args {
				passed = true
				break
			}
		}
		if !passed {
			continue
		}
		return &site{
			file:   f,
			anchor: f.off(s.call.Pos()),
			edits:  []edit{f.replace(id, "_")},
			m: Mutation{Rules: []string{"TL103"},
				Note: lhsText(f, s.assign, -1) + " -> " + lhsText(f, s.assign, s.ctxIdx)},
		}
	}
	return nil
}

// keepsNewVar reports whether the := assign declares a new variable other
// than id, so that it stays legal when id becomes _.
func (f *file) keepsNewVar(assign *ast.AssignStmt, id *ast.Ident) bool {
	if assign.Tok != token.DEFINE {
		return true
	}
	for _, lhs := range assign.Lhs {
		if other, ok := lhs.(*ast.Ident); ok && other != id && other.Name != "_" && f.pkg.TypesInfo.Defs[other] != nil {
			return true
		}
	}
	return false
}

// lhsText writes the left side and operator of assign, with the element
// at blank written as _.
func lhsText(f *file, assign *ast.AssignStmt, blank int) string {
	var parts []string
	for i, lhs := range assign.Lhs {
		if i == blank {
			parts = append(parts, "_")
		} else {
			parts = append(parts, f.oneLine(lhs))
		}
	}
	return strings.Join(parts, ", ") + " " + assign.Tok.String() + " ..."
}

// spanEnd returns the position of the first span.End() after the start, in
// the start's own function and not deferred, or the end of the function.
func (f *file) spanEnd(s *start) token.Pos {
	body := funcBody(s.fn.Node())
	end := body.End()
	for c := range s.fn.Preorder((*ast.CallExpr)(nil)) {
		call := c.Node().(*ast.CallExpr)
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || !otelapi.EndMethods[sel.Sel.Name] || call.Pos() < s.call.End() || call.Pos() >= end ||
			c.ParentEdgeKind() == edge.DeferStmt_Call {
			continue
		}
		if id, ok := ast.Unparen(sel.X).(*ast.Ident); !ok || f.pkg.TypesInfo.Uses[id] != s.span {
			continue
		}
		if fn, _ := enclosingFunc(c); fn.Node() == s.fn.Node() {
			end = call.Pos()
		}
	}
	return end
}

// recordEmail finds an OpenTelemetry span started in the function and a
// string variable in scope after the start, and records the string under a
// personal-data key on a line of its own after the start (TL402):
//
//	ctx, span := tracer.Start(ctx, "signup")
//	span.SetAttributes(attribute.String("user.email", name))   // inserted
//
// The key rotates through emailKeys. A file without the attribute package
// gets its own import of it, when the package's dependencies include it.
func (f *file) recordEmail(u unit) *site {
	for sp := range f.otelStartsWithString(u) {
		attr, needsImport := f.attrName(sp.stmt.End())
		if attr == "" || needsImport && !f.pkg.canImportAttr() {
			continue
		}
		call := sp.span + ".SetAttributes(" + attr + `.String("` + keyPlaceholder + `", ` + sp.str + "))"
		return &site{
			file:      f,
			anchor:    sp.at,
			extra:     1,
			edits:     []edit{{start: sp.at, end: sp.at, text: "\n" + sp.indent + call}},
			needsAttr: needsImport,
			m:         Mutation{Rules: []string{"TL402"}, Note: "inserted " + call},
		}
	}
	return nil
}

// startWithString is an OpenTelemetry span start on a line of its own,
// with a string variable in scope after it.
type startWithString struct {
	stmt      ast.Node
	at        int    // the offset of the end of the start's line
	indent    string // the start's indentation
	span, str string // the names of the span and of the string variable
}

// otelStartsWithString yields the OpenTelemetry span starts of the unit
// that a statement can follow on a line of its own, with a string variable
// in scope there.
func (f *file) otelStartsWithString(u unit) iter.Seq[startWithString] {
	return func(yield func(startWithString) bool) {
		for cur := range u.cur.Preorder((*ast.CallExpr)(nil)) {
			s := f.startAt(cur)
			if s == nil || s.sig.Results().Len() != 2 || !s.localSpan() ||
				!isNamed(s.sig.Results().At(s.spanIdx).Type(), otelapi.OTelTrace, "Span") {
				continue
			}
			stmt, _, _, ok := s.stmtList()
			if !ok {
				continue
			}
			at, indent, ok := f.lineStmt(stmt.Node())
			if !ok {
				continue
			}
			str := f.stringVar(stmt.Node())
			if str == nil {
				continue
			}
			if !yield(startWithString{stmt: stmt.Node(), at: at, indent: indent, span: s.span.Name(), str: str.Name()}) {
				return
			}
		}
	}
}

// errorEmailVar is the local errorEmail declares: its name says it holds
// an e-mail address.
const errorEmailVar = "tlbenchEmail"

// errorEmail finds an OpenTelemetry span started in the function, a string
// variable in scope after the start and a file that imports fmt, and
// records on the span an error whose message includes the string, held in
// a local whose name says it is an e-mail address (TL403):
//
//	ctx, span := tracer.Start(ctx, "signup")
//	tlbenchEmail := name                                              // inserted
//	span.RecordError(fmt.Errorf("no account for %s", tlbenchEmail))  // inserted
func (f *file) errorEmail(u unit) *site {
	for sp := range f.otelStartsWithString(u) {
		fmtName, _ := f.importName("fmt", sp.stmt.End())
		if fmtName == "" || f.lookup(errorEmailVar, sp.stmt.End()) != nil {
			continue
		}
		call := sp.span + ".RecordError(" + fmtName + `.Errorf("no account for %s", ` + errorEmailVar + "))"
		return &site{
			file:   f,
			anchor: sp.at,
			extra:  2,
			edits:  []edit{{start: sp.at, end: sp.at, text: "\n" + sp.indent + errorEmailVar + " := " + sp.str + "\n" + sp.indent + call}},
			m:      Mutation{Rules: []string{"TL403"}, Note: "inserted " + errorEmailVar + " := " + sp.str + "; " + call},
		}
	}
	return nil
}

// stringVar returns a variable of type string that code right after stmt
// can use: a parameter, or a local declared before stmt, the nearest one.
func (f *file) stringVar(stmt ast.Node) *types.Var {
	pos := stmt.End()
	pkgScope := f.pkg.Types.Scope()
	for sc := f.scopeAt(stmt.Pos()); sc != nil && sc != pkgScope && sc.Parent() != pkgScope; sc = sc.Parent() {
		var best *types.Var
		for _, name := range sc.Names() {
			v, ok := sc.Lookup(name).(*types.Var)
			if !ok || name == "_" || v.Kind() == types.ResultVar || v.Pos() >= stmt.Pos() ||
				!types.Identical(v.Type(), types.Typ[types.String]) {
				continue
			}
			if f.lookup(name, pos) != v {
				continue // shadowed
			}
			if best == nil || v.Pos() > best.Pos() {
				best = v
			}
		}
		if best != nil {
			return best
		}
	}
	return nil
}

// hasMethod reports whether t's method set, or its pointer's, has a method
// of the given name.
func hasMethod(t types.Type, name string) bool {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name)
	_, ok := obj.(*types.Func)
	return ok
}

// isNamed reports whether t is the named type path.name.
func isNamed(t types.Type, path, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == path && n.Obj().Name() == name
}

func isError(t types.Type) bool { return types.Identical(t, types.Universe.Lookup("error").Type()) }

func isBlank(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "_"
}
