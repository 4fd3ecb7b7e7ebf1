package spanend

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/cfg"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/tracelint/tracelint/internal/otelapi"
	"github.com/tracelint/tracelint/internal/report"
)

// leakKind is how a path loses a span.
type leakKind uint8

const (
	leakExit      leakKind = iota // the function returns (or falls off its end)
	leakLoop                      // control comes back to the start: the next iteration starts another span
	leakOverwrite                 // the variable is assigned something else
)

// leak is a place where a path from a start leaves the span unended.
type leak struct {
	kind leakKind
	node ast.Node // the return, the start itself, or the overwriting node
}

// mayReturn tells the CFG builder which calls never return.
func (c *checker) mayReturn(call *ast.CallExpr) bool {
	obj := typeutil.Callee(c.pass.TypesInfo, call)
	if obj == nil {
		return true
	}
	if fn, ok := obj.(*types.Func); ok && len(c.noReturn) > 0 && c.noReturn[fn.FullName()] {
		return false
	}
	return !otelapi.NoReturn(obj)
}

// walk searches the function's control-flow graph from the node after the
// start of s, carrying a small state along each path. For every node it
// calls step, which returns the new state and whether the path stops there
// (the node handles the span, or leaks it, as step records). At a return
// block walk calls atReturn with the path's state. A block without
// successors and without a return ends in a call that never returns, or in
// an endless loop, and leaks nothing.
func (c *checker) walk(s *start, step func(n ast.Node, state uint8) (uint8, bool), atReturn func(ret *ast.ReturnStmt, state uint8)) {
	def, i := s.fun.locate(s.stmt, c.mayReturn)
	if def == nil {
		return
	}
	type item struct {
		b     *cfg.Block
		from  int
		state uint8
	}
	type visit struct {
		b     *cfg.Block
		state uint8
	}
	seen := make(map[visit]bool)
	stack := []item{{def, i + 1, 0}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		state, stop := it.state, false
		for _, n := range it.b.Nodes[it.from:] {
			if state, stop = step(n, state); stop {
				break
			}
		}
		if stop {
			continue
		}
		if ret := it.b.Return(); ret != nil {
			atReturn(ret, state)
			continue
		}
		for _, succ := range slices.Backward(c.validSuccs(s, it.b)) {
			if v := (visit{succ, state}); !seen[v] {
				seen[v] = true
				stack = append(stack, item{succ, 0, state})
			}
		}
	}
}

// validSuccs returns the successors of b that a path keeping a valid span
// can take. After
//
//	ctx, span, err := startSpan(ctx, name)
//
// the branch of "if err != nil" (or the else branch of "if err == nil")
// holds no span to end: by Go convention the other results are not valid
// when the error is not nil.
func (c *checker) validSuccs(s *start, b *cfg.Block) []*cfg.Block {
	if s.err == nil || len(b.Succs) != 2 || len(b.Nodes) == 0 {
		return b.Succs
	}
	cond, ok := b.Nodes[len(b.Nodes)-1].(ast.Expr)
	if !ok {
		return b.Succs
	}
	switch {
	case c.isNotNil(cond, s.err):
		return b.Succs[1:] // the else branch: err == nil
	case c.isNil(cond, s.err):
		return b.Succs[:1] // the then branch: err == nil
	}
	return b.Succs
}

// leaks returns the places where a path from s loses the span, in source
// order.
func (c *checker) leaks(s *start) []leak {
	var out []leak
	c.walk(s, func(n ast.Node, _ uint8) (uint8, bool) {
		if n == s.stmt {
			out = append(out, leak{leakLoop, n})
			return 0, true
		}
		eff := s.fun.effectIn(s.span, n)
		switch {
		case eff&(effEnds|effEscapes) != 0 || s.handsOverContext(n):
			s.endsOnSomePath = true
			return 0, true
		case eff&effAssigns != 0:
			out = append(out, leak{leakOverwrite, n})
			return 0, true
		}
		return 0, false
	}, func(ret *ast.ReturnStmt, _ uint8) {
		out = append(out, leak{leakExit, ret})
	})
	slices.SortFunc(out, func(a, b leak) int { return int(a.node.Pos() - b.node.Pos()) })
	return out
}

// handsOverContext reports whether node n hands the start's derived
// context beyond the function (see start.ctxHandOvers).
func (s *start) handsOverContext(n ast.Node) bool {
	for _, pos := range s.ctxHandOvers {
		if n.Pos() <= pos && pos < n.End() {
			return true
		}
	}
	return false
}

// checkPaths reports TL201, TL205 and TL204 for a bound start.
func (c *checker) checkPaths(s *start) {
	leaks := c.leaks(s)
	if len(leaks) > 0 {
		c.reportLeak(s, leaks)
	}
	if c.rep.Enabled(TL204) && !s.endFunc {
		c.checkErrorPaths(s)
	}
}

// reportLeak reports one finding for all the leaks of a start: TL205 when a
// later start takes over the variable, TL201 otherwise.
func (c *checker) reportLeak(s *start, leaks []leak) {
	name := s.span.Name()
	end := name + "." + otelapi.EndMethodOf(s.span.Type()) + "()"
	var subject string
	if s.endFunc {
		end = name + "()"
		if sig, ok := s.span.Type().Underlying().(*types.Signature); ok && sig.Params().Len() > 0 {
			end = name + "(...)"
		}
		if s.endMethod != "" {
			end = name + "." + s.endMethod + "()"
			if m, _, _ := types.LookupFieldOrMethod(s.span.Type(), true, nil, s.endMethod); m != nil {
				if sig, ok := m.Type().(*types.Signature); ok && sig.Params().Len() > 0 {
					end = name + "." + s.endMethod + "(...)"
				}
			}
		}
	}
	subject = s.subject()
	line := func(n ast.Node) int { return c.pass.Fset.Position(n.Pos()).Line }
	f := report.Finding{Rule: TL201, Pos: s.call.Pos(), End: s.call.End()}

	// When some path does end the span, an early return that leaves
	// without ending it is the defect to report: an overwrite that a guard
	// (if started { ... }) may keep from happening is only a neighbour of it.
	exits := s.endsOnSomePath && slices.ContainsFunc(leaks, func(l leak) bool { return l.kind == leakExit && l.node.Pos() != s.fun.body.Rbrace })
	for _, l := range leaks {
		switch {
		case exits:
		case l.kind == leakOverwrite && c.isStartStmt(l.node):
			f.Rule = TL205
			f.Message = fmt.Sprintf("%s is overwritten by the start on line %d before it is ended, so it is never exported; call %s before starting the next span", subject, line(l.node), end)
			f.Related = []analysis.RelatedInformation{{Pos: l.node.Pos(), End: l.node.End(), Message: fmt.Sprintf("%q is overwritten here", name)}}
			c.rep.Report(f)
			return
		case l.kind == leakLoop && !c.declaredIn(s.span, s.stmt):
			f.Rule = TL205
			f.Message = fmt.Sprintf("%s is overwritten by the next iteration's start before it is ended, so it is never exported; call %s at the end of each iteration", subject, end)
			c.rep.Report(f)
			return
		}
	}

	first := leaks[0]
	if exits {
		first = leaks[slices.IndexFunc(leaks, func(l leak) bool { return l.kind == leakExit && l.node.Pos() != s.fun.body.Rbrace })]
	}
	var where string
	switch first.kind {
	case leakExit:
		where = fmt.Sprintf("at the return on line %d", line(first.node))
		if first.node.Pos() == s.fun.body.Rbrace {
			where = fmt.Sprintf("at the end of the function on line %d", line(first.node))
		}
	case leakLoop:
		where = "when the loop starts its next iteration"
	case leakOverwrite:
		where = fmt.Sprintf("when the variable is assigned on line %d", line(first.node))
	}
	f.Message = fmt.Sprintf("%s is not ended on every path: it leaks %s", subject, where)
	if n := len(leaks) - 1; n > 0 {
		f.Message += fmt.Sprintf(" and at %d other place%s", n, plural(n))
	}
	if _, inLoop := enclosingLoop(s.cur); inLoop {
		f.Message += fmt.Sprintf("; call %s on every path through the loop body, including before continue and break", end)
	} else {
		f.Message += fmt.Sprintf("; call %s on every path, e.g. defer %s after the start", end, end)
	}
	for _, l := range leaks {
		f.Related = append(f.Related, c.leakInfo(s, l))
	}
	f.Related = append(f.Related, c.outerEnds(s)...)
	for _, u := range s.fun.usesOf(s.span) {
		if u.eff&effEndsOnSomePaths != 0 {
			f.Related = append(f.Related, analysis.RelatedInformation{Pos: u.pos, Message: "the deferred function ends the span only when its condition holds"})
		}
	}
	f.Fix = c.deferEndFix(s, leaks, end)
	c.rep.Report(f)
}

// outerEnds returns, for a start inside a function literal, the deferred
// End calls of that literal on a span of an enclosing function: a callback
// that ends the outer span (defer span.Finish()) while its own span leaks
// has most likely ended the wrong one.
func (c *checker) outerEnds(s *start) []analysis.RelatedInformation {
	if _, ok := s.fun.cur.Node().(*ast.FuncLit); !ok {
		return nil
	}
	var out []analysis.RelatedInformation
	ast.Inspect(s.fun.body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt:
			sel, ok := n.Call.Fun.(*ast.SelectorExpr)
			if !ok || !otelapi.EndMethods[sel.Sel.Name] {
				return true
			}
			v, ok := identObj(c.pass.TypesInfo, sel.X).(*types.Var)
			if ok && v != s.span && !s.fun.declares(v) && otelapi.IsSpanType(v.Type()) {
				out = append(out, analysis.RelatedInformation{Pos: n.Pos(), End: n.End(),
					Message: fmt.Sprintf("this deferred %s ends %q of the enclosing function, not %q", sel.Sel.Name, v.Name(), s.span.Name())})
			}
		}
		return true
	})
	return out
}

// subject names what leaks in a message: the span variable, or the span
// that a start helper's end function ends.
func (s *start) subject() string {
	if s.endFunc {
		return fmt.Sprintf("the span that %q ends", s.span.Name())
	}
	return fmt.Sprintf("span %q", s.span.Name())
}

func (c *checker) leakInfo(s *start, l leak) analysis.RelatedInformation {
	pos, msg := l.node.Pos(), ""
	what := fmt.Sprintf("%q", s.span.Name())
	if s.endFunc {
		what = s.subject()
	}
	switch l.kind {
	case leakExit:
		msg = what + " leaks when the function returns here"
		if pos == s.fun.body.Rbrace {
			msg = what + " leaks when the function ends here"
		}
	case leakLoop:
		msg = what + " leaks when the loop starts its next iteration"
		if loop, ok := enclosingLoop(s.cur); ok {
			pos = loop.Node().Pos()
		}
	case leakOverwrite:
		msg = what + " is overwritten here"
	}
	return analysis.RelatedInformation{Pos: pos, Message: msg}
}

// isStartStmt reports whether n is the statement of another start.
func (c *checker) isStartStmt(n ast.Node) bool {
	return slices.ContainsFunc(c.starts, func(s *start) bool { return s.stmt == n })
}

// declaredIn reports whether v is declared by the statement n (with := or
// var), so that each loop iteration has a fresh variable.
func (c *checker) declaredIn(v *types.Var, n ast.Node) bool {
	return n.Pos() <= v.Pos() && v.Pos() < n.End()
}

// deferEndFix returns the fix that inserts "defer span.End()" after the
// start, when that is a mechanical repair: the function never ends nor hands
// over the span (nor its context), every leak is an exit, and the start is a
// statement of its own outside any loop of the function.
func (c *checker) deferEndFix(s *start, leaks []leak, end string) *analysis.SuggestedFix {
	for _, l := range leaks {
		if l.kind != leakExit {
			return nil
		}
	}
	if strings.HasSuffix(end, "(...)") {
		return nil // an end function that wants arguments: which ones is the author's call
	}
	for _, u := range s.fun.usesOf(s.span) {
		if u.eff&(effEnds|effEscapes|effEndsOnSomePaths) != 0 {
			return nil
		}
	}
	if len(s.ctxHandOvers) > 0 {
		return nil // a path hands the span over with its context: ending it here would end it twice
	}
	if _, inLoop := enclosingLoop(s.cur); inLoop {
		return nil
	}
	stmt := s.stmt
	stmtCur, ok := s.cur.Parent(), true
	if _, isSpec := stmt.(*ast.ValueSpec); isSpec {
		stmtCur = stmtCur.Parent().Parent() // ValueSpec < GenDecl < DeclStmt
		stmt = stmtCur.Node()
	}
	switch stmtCur.ParentEdgeKind() {
	case edge.BlockStmt_List, edge.CaseClause_Body, edge.CommClause_Body:
	default:
		ok = false // e.g. the init of an if statement
	}
	at, indent, found := c.lineAfter(stmt)
	if !ok || !found {
		return nil
	}
	return &analysis.SuggestedFix{
		Message: "Add defer " + end,
		TextEdits: []analysis.TextEdit{{
			Pos:     at,
			End:     at,
			NewText: []byte("\n" + indent + "defer " + end),
		}},
	}
}

// lineAfter returns where a new statement can follow n: the end of n's line
// (after a trailing comment), with the indentation of n. It fails when n is
// not the first thing on its line or code follows it on the line.
func (c *checker) lineAfter(n ast.Node) (token.Pos, string, bool) {
	tf := c.pass.Fset.File(n.Pos())
	if tf == nil || c.pass.ReadFile == nil {
		return token.NoPos, "", false
	}
	src, err := c.pass.ReadFile(tf.Name())
	if err != nil || tf.Size() != len(src) {
		return token.NoPos, "", false
	}
	start, end := tf.Offset(n.Pos()), tf.Offset(n.End())
	lineStart := tf.Offset(tf.LineStart(tf.Line(n.Pos())))
	indent := src[lineStart:start]
	if len(bytes.TrimLeft(indent, " \t")) != 0 {
		return token.NoPos, "", false
	}
	lineEnd := end + bytes.IndexByte(src[end:], '\n')
	if lineEnd < end {
		lineEnd = len(src)
	}
	if !onlyComments(src[end:lineEnd]) {
		return token.NoPos, "", false
	}
	return tf.Pos(lineEnd), string(indent), true
}

// onlyComments reports whether rest, the remainder of a line, holds
// nothing but comments: block comments closed on the line, then perhaps a
// line comment.
func onlyComments(rest []byte) bool {
	rest = bytes.TrimSpace(rest)
	for bytes.HasPrefix(rest, []byte("/*")) {
		i := bytes.Index(rest[2:], []byte("*/"))
		if i < 0 {
			return false // the comment goes on to the next lines
		}
		rest = bytes.TrimSpace(rest[2+i+2:])
	}
	return len(rest) == 0 || bytes.HasPrefix(rest, []byte("//"))
}

// enclosingLoop returns the innermost for or range statement around cur
// within the same function.
func enclosingLoop(cur inspector.Cursor) (inspector.Cursor, bool) {
	for anc := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch anc.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return anc, true
		}
		break
	}
	return inspector.Cursor{}, false
}

// checkErrorPaths reports TL204: a path from the start to a return of a
// non-nil error on which the span is ended, or its end deferred, and records
// no error. A path that never ends the span is TL201's or TL205's concern.
func (c *checker) checkErrorPaths(s *start) {
	sig := s.fun.sig
	if sig.Results().Len() == 0 || !isError(sig.Results().At(sig.Results().Len()-1).Type()) {
		return
	}
	if !slices.ContainsFunc(s.fun.usesOf(s.span), func(u use) bool { return u.eff&effEnds != 0 }) {
		return
	}
	// The state is 1 once the path has ended the span (or deferred its end).
	var bad []*ast.ReturnStmt
	c.walk(s, func(n ast.Node, ended uint8) (uint8, bool) {
		eff := s.fun.effectIn(s.span, n)
		if eff&effEnds != 0 {
			ended = 1
		}
		return ended, n == s.stmt || eff&(effRecords|effEscapes|effAssigns) != 0
	}, func(ret *ast.ReturnStmt, ended uint8) {
		if ended == 1 && c.returnsError(s.fun, ret) {
			bad = append(bad, ret)
		}
	})
	if len(bad) == 0 {
		return
	}
	slices.SortFunc(bad, func(a, b *ast.ReturnStmt) int { return int(a.Pos() - b.Pos()) })
	name := s.span.Name()
	f := report.Finding{
		Rule: TL204,
		Pos:  s.call.Pos(),
		End:  s.call.End(),
		Message: fmt.Sprintf("span %q ends without recording the error returned on line %d; call %s.RecordError(err) and %s.SetStatus(codes.Error, ...) on that path",
			name, c.pass.Fset.Position(bad[0].Pos()).Line, name, name),
	}
	for _, ret := range bad {
		f.Related = append(f.Related, analysis.RelatedInformation{Pos: ret.Pos(), End: ret.End(), Message: "the error is returned here"})
	}
	c.rep.Report(f)
}

// returnsError reports whether ret returns an error that is certainly
// non-nil:
//
//	return fmt.Errorf(...)                      // an error constructor
//	return &MyError{...}
//	if err != nil { return err }                // a variable tested non-nil
//	if err != nil { return errors.Wrap(err, "") } // any call, under such a test
//
// A plain "return f()" or "return err" elsewhere may return nil.
func (c *checker) returnsError(fun *funcInfo, ret *ast.ReturnStmt) bool {
	if len(ret.Results) != fun.sig.Results().Len() {
		return false // a bare return, or return f()
	}
	e := ast.Unparen(ret.Results[len(ret.Results)-1])
	switch e := e.(type) {
	case *ast.CompositeLit, *ast.UnaryExpr:
		return true
	case *ast.CallExpr:
		if fn, ok := typeutil.Callee(c.pass.TypesInfo, e).(*types.Func); ok && isErrorConstructor(fn) {
			return true
		}
		return c.underNotNil(fun, ret, nil)
	case *ast.Ident:
		obj := c.pass.TypesInfo.Uses[e]
		if obj == nil || obj == types.Universe.Lookup("nil") {
			return false
		}
		return c.underNotNil(fun, ret, obj)
	}
	return false
}

// isErrorConstructor reports whether fn always returns a new, non-nil
// error: fmt.Errorf, errors.New, and the New, Newf and Errorf functions of
// error packages (github.com/pkg/errors, grpc's status).
func isErrorConstructor(fn *types.Func) bool {
	if fn.Pkg() == nil || fn.Signature().Recv() != nil {
		return false
	}
	switch fn.Name() {
	case "Errorf":
		return true
	case "New", "Newf", "Error":
		path := fn.Pkg().Path()
		return path == "errors" || strings.HasSuffix(path, "/errors") || strings.HasSuffix(path, "/status")
	}
	return false
}

// underNotNil reports whether ret lies in the body of an enclosing
// "if x != nil", where x is obj, or any error variable when obj is nil.
func (c *checker) underNotNil(fun *funcInfo, ret *ast.ReturnStmt, obj types.Object) bool {
	retCur, ok := fun.cur.FindNode(ret)
	if !ok {
		return false
	}
	for anc := range retCur.Enclosing((*ast.IfStmt)(nil), (*ast.FuncLit)(nil)) {
		ifs, ok := anc.Node().(*ast.IfStmt)
		if !ok {
			break
		}
		if ifs.Body.Pos() <= ret.Pos() && ret.End() <= ifs.Body.End() && c.isNotNil(ifs.Cond, obj) {
			return true
		}
	}
	return false
}

// isNotNil reports whether cond is "x != nil" (or "nil != x") for obj, or
// for any variable of type error when obj is nil.
func (c *checker) isNotNil(cond ast.Expr, obj types.Object) bool {
	return c.comparesNil(cond, token.NEQ, obj)
}

// isNil reports whether cond is "x == nil" (or "nil == x") for obj.
func (c *checker) isNil(cond ast.Expr, obj types.Object) bool {
	return c.comparesNil(cond, token.EQL, obj)
}

func (c *checker) comparesNil(cond ast.Expr, op token.Token, obj types.Object) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || b.Op != op {
		return false
	}
	is := func(e ast.Expr, o types.Object) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return false
		}
		used := c.pass.TypesInfo.Uses[id]
		if o == nil {
			v, isVar := used.(*types.Var)
			return isVar && isError(v.Type())
		}
		return used == o
	}
	nilObj := types.Universe.Lookup("nil")
	return is(b.X, obj) && is(b.Y, nilObj) || is(b.X, nilObj) && is(b.Y, obj)
}

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
