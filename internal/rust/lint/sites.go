package lint

import (
	"slices"
	"strings"

	"github.com/tracelint/tracelint/internal/rust/syntax"
	"github.com/tracelint/tracelint/internal/rust/tracingsyntax"
)

func newFile(c *Checker, path string, src []byte, root *syntax.Node) *file {
	return &file{Checker: c, path: path, src: src, root: root, perKey: make(map[string]int)}
}

// check finds the sites of the file and applies the lints to each.
func (f *file) check() {
	f.readImports()
	for n := range f.root.Preorder() {
		switch n.Kind {
		case "macro_invocation":
			f.macroInvocation(n)
		case "attribute_item":
			f.attribute(n)
		case "call_expression":
			f.call(n)
		case "let_declaration":
			f.letDeclaration(n)
		case "token_tree":
			f.tokenCalls(n)
		}
	}
}

// macroInvocation handles a macro call in the syntax tree.
func (f *file) macroInvocation(n *syntax.Node) {
	tt := lastChild(n, "token_tree")
	if tt == nil {
		return
	}
	f.macro(f.text(n.ChildByField("macro")), tt)
}

// macro handles a call of the macro written as path with token tree tt.
func (f *file) macro(path string, tt *syntax.Node) {
	name, ok := f.fromCrate(path, "tracing", true)
	if !ok || !tracingsyntax.IsMacro(name) {
		return
	}
	m := tracingsyntax.ParseMacro(name, tt, f.src)
	what := "event field"
	if m.Span {
		what = "span field"
	}
	for _, fd := range m.Fields {
		s := site{what: what, key: fd.Name, keyConst: true, keyFrom: fd.NameTokens[0], keyTo: fd.NameTokens[len(fd.NameTokens)-1], value: fd.Value, sigil: fd.Sigil, spelled: !fd.Shorthand}
		if fd.Name == "message" && !m.Span {
			f.checkMessage(nil, []tracingsyntax.Tokens{fd.Value})
			continue
		}
		s.kind, s.recorded = f.valueKind(fd.Value, fd.Sigil, tt)
		if m.Span {
			f.checkKey(s) // an event's fields are log fields: see testdata/events.rs
		}
		f.checkPII(s)
	}
	if !m.Span {
		f.checkMessage(m.Message, m.Args)
	}
	if parent, ok := m.Directives["parent"]; ok && len(parent) == 1 && f.text(parent[0]) == "None" && !f.inTest(tt) {
		f.report(FreshRootContext, "TL101", parent[0], parent[0], "parent: None starts a new trace: the %s no longer belongs to the request's trace; drop parent: None to use the current span, or link the new root to it with follows_from", map[bool]string{true: "span", false: "event"}[m.Span])
	}
}

// attribute handles #[instrument] and #[tracing::instrument].
func (f *file) attribute(n *syntax.Node) {
	attr := firstNamed(n, "attribute")
	if attr == nil {
		return
	}
	path := attr.NamedChildren()
	if len(path) == 0 {
		return
	}
	if name, ok := f.fromCrate(f.text(path[0]), "tracing", true); !ok || name != "instrument" {
		return
	}
	fn := nextItem(n)
	if fn == nil || fn.Kind != "function_item" {
		return
	}
	in := tracingsyntax.ParseInstrument(attr.ChildByField("arguments"), f.src)
	for _, fd := range in.Fields {
		s := site{what: "span field", key: fd.Name, keyConst: true, keyFrom: fd.NameTokens[0], keyTo: fd.NameTokens[len(fd.NameTokens)-1], value: fd.Value, sigil: fd.Sigil, spelled: !fd.Shorthand}
		s.kind, s.recorded = f.valueKind(fd.Value, fd.Sigil, fn.ChildByField("body"))
		f.checkKey(s)
		f.checkPII(s)
	}
	f.instrumentArgs(n, fn, in)
	f.instrumentResult(n, fn, in)
}

// call handles a call expression: a method call or a path call.
func (f *file) call(n *syntax.Node) {
	fn := n.ChildByField("function")
	args := n.ChildByField("arguments")
	if fn == nil || args == nil {
		return
	}
	if fn.Kind == "field_expression" {
		f.methodCall(n, fn.ChildByField("value"), f.text(fn.ChildByField("field")), callArgs(args))
		return
	}
	f.pathCall(n, f.text(fn), callArgs(args))
}

// callArgs returns the arguments of a call, each as tokens: of an argument
// list (the comments and attributes between them are none), or of a macro's
// token tree, split at its commas.
func callArgs(group *syntax.Node) []tracingsyntax.Tokens {
	if group.Kind == "token_tree" {
		return tracingsyntax.Segments(group)
	}
	var args []tracingsyntax.Tokens
	for _, a := range group.NamedChildren() {
		if a.Kind != "line_comment" && a.Kind != "block_comment" && a.Kind != "attribute_item" {
			args = append(args, tokensOf(a))
		}
	}
	return args
}

// tokenCalls finds path calls inside a token tree of a macro that is not
// tracing's (vec![KeyValue::new(..)]), and tracing macros called there.
func (f *file) tokenCalls(tt *syntax.Node) {
	if tt.Parent != nil && (tt.Parent.Kind == "attribute" || tt.Parent.Kind == "macro_invocation" && f.isTracingMacro(tt.Parent)) {
		return
	}
	kids := tt.Children
	for i, t := range kids {
		if t.Kind != "token_tree" || i == 0 {
			continue
		}
		// Walk back over a path: a::b::c, crate::a::b
		j := i - 1
		bang := false
		if kids[j].Kind == "!" {
			bang, j = true, j-1
		}
		end := j
		for j >= 0 && kids[j].Kind == "identifier" {
			if j >= 2 && kids[j-1].Kind == "::" {
				j -= 2
				continue
			}
			break
		}
		if end < 0 || j < 0 || !pathStart[kids[j].Kind] || j > end {
			continue
		}
		if j > 0 && kids[j-1].Kind == "." {
			continue // a method call: not followed inside token trees
		}
		path := tracingsyntax.Tokens(kids[j : end+1]).Text(f.src)
		if i+3 < len(kids) && kids[i+1].Kind == "." && kids[i+3].Kind == "token_tree" && (f.isOtel(path, "Key::new") || f.isOtel(path, "Key::from_static_str")) {
			// Key::new("k").string(v)
			key, value := tracingsyntax.Segments(t), tracingsyntax.Segments(kids[i+3])
			if len(key) == 1 && len(value) == 1 {
				f.keyValue(t, key[0], value[0], f.text(kids[i+2]))
			}
			continue
		}
		if bang {
			if enclosed := tt.Ancestor("macro_invocation"); enclosed == nil || !f.isTracingMacro(enclosed) {
				f.macro(path, t)
			}
			continue
		}
		f.pathCall(t, path, tracingsyntax.Segments(t))
	}
}

// pathStart are the tokens a path in a token tree may begin with: a name,
// or crate, self or super (crate::http::HeaderName::from_static(..)).
var pathStart = map[string]bool{"identifier": true, "crate": true, "self": true, "super": true}

// isTracingMacro reports a macro invocation of one of tracing's macros.
func (f *file) isTracingMacro(n *syntax.Node) bool {
	name, ok := f.fromCrate(f.text(n.ChildByField("macro")), "tracing", true)
	return ok && tracingsyntax.IsMacro(name)
}

// pathCall handles a call of a function written as path.
func (f *file) pathCall(n *syntax.Node, path string, args []tracingsyntax.Tokens) {
	full := f.resolve(path)
	switch {
	case f.isOtel(path, "KeyValue::new") && len(args) == 2:
		f.keyValue(n, args[0], args[1], "")
	case f.isOtel(path, "Key::new") || f.isOtel(path, "Key::from_static_str"):
		if n.Parent != nil && n.Parent.Kind == "field_expression" {
			return // Key::new(k).string(v): the method call handles it
		}
		if len(args) == 1 {
			f.keyValue(n, args[0], nil, "")
		}
	case strings.HasSuffix(full, "HeaderName::from_static") && len(args) == 1:
		f.headerLiteral(n, args[0])
	case f.isOtel(path, "TraceState::from_key_value"):
		f.traceStatePairs(n)
	}
	f.spawn(n, full, args)
}

// isOtel reports whether a written path names an item of an
// opentelemetry crate ending in suffix ("KeyValue::new"): written out,
// imported by name, or a bare name the file imports with a glob from
// opentelemetry. A Key or KeyValue of the crate's own, or of another
// crate, is none.
func (f *file) isOtel(written, suffix string) bool {
	full := f.resolve(written)
	if full != suffix && !strings.HasSuffix(full, "::"+suffix) {
		return false
	}
	if strings.HasPrefix(full, "opentelemetry") {
		return true
	}
	if full != suffix {
		return false
	}
	for _, g := range f.imports.globs {
		if strings.HasPrefix(g, "opentelemetry") {
			return true
		}
	}
	return false
}

// methodCall handles recv.method(args).
func (f *file) methodCall(n, recv *syntax.Node, method string, args []tracingsyntax.Tokens) {
	if !f.traces() {
		f.headerMethod(n, method, args)
		return
	}
	switch method {
	case "record":
		if len(args) == 2 && len(args[0]) == 1 && args[0][0].Kind == "string_literal" {
			f.record(args[0][0], args[1])
		}
	case "string", "i64", "f64", "bool", "array":
		if recv != nil && recv.Kind == "call_expression" && len(args) == 1 {
			callee := f.text(recv.ChildByField("function"))
			if (f.isOtel(callee, "Key::new") || f.isOtel(callee, "Key::from_static_str")) && recv.ChildByField("arguments") != nil {
				if keyArgs := callArgs(recv.ChildByField("arguments")); len(keyArgs) == 1 {
					f.keyValue(n, keyArgs[0], args[0], method)
				}
			}
		}
	case "add_event", "add_event_with_timestamp", "start", "update_name", "span_builder", "start_with_context":
		if len(args) > 0 && f.usesOtel() && !f.safeValue(args[0]) {
			if m, expr, ok := f.classifyValue(args[0]); ok {
				f.reportSpanName(m, method, args[0], expr)
			}
		}
	}
	f.headerMethod(n, method, args)
	f.propagatedInsert(recv, method, args)
}

// traceStatePairs reads the (key, value) pairs of
// TraceState::from_key_value(..): tuples in the arguments, or in a macro's
// token tree (vec![("vendor", v)]).
func (f *file) traceStatePairs(call *syntax.Node) {
	for n := range call.Preorder() {
		var pair []tracingsyntax.Tokens
		switch {
		case n.Kind == "tuple_expression":
			for _, c := range n.NamedChildren() {
				pair = append(pair, tokensOf(c))
			}
		case n.Kind == "token_tree" && tupleInTokens(n):
			pair = tracingsyntax.Segments(n)
		}
		if len(pair) == 2 {
			f.propagatedEntry("tracestate", pair[0], pair[1])
		}
	}
}

// tupleInTokens reports a parenthesised group among a macro's tokens that
// is a tuple, vec![("k", v)], not the arguments of a call or a macro,
// vec![f("k", v)], vec![m!("k", v)], nor a macro's own arguments (after
// its !). A token tree's first child is its delimiter, and a macro's
// tree follows its name and !, so a tree always has a node before it.
func tupleInTokens(tt *syntax.Node) bool {
	if tt.Children[0].Kind != "(" {
		return false
	}
	i := slices.Index(tt.Parent.Children, tt)
	prev := tt.Parent.Children[i-1].Kind
	return prev != "identifier" && prev != "!"
}

// propagatedInsert reads state.insert(k, v) on a TraceState and
// bag.insert(k, v) or insert_with_metadata(k, v, m) on a Baggage.
func (f *file) propagatedInsert(recv *syntax.Node, method string, args []tracingsyntax.Tokens) {
	if method != "insert" && method != "insert_with_metadata" || len(args) < 2 || !f.usesOtel() {
		return
	}
	if where := f.propagatedType(recv); where != "" {
		f.propagatedEntry(where, args[0], args[1])
	}
}

// propagatedType returns "tracestate" or "baggage" for an expression of
// type TraceState or Baggage, as far as syntax tells: a variable bound to
// one of their constructors, or declared with the type.
func (f *file) propagatedType(e *syntax.Node) string {
	if e == nil || e.Kind != "identifier" {
		return ""
	}
	name := f.text(e)
	fn := e.Ancestor("function_item", "closure_expression")
	if fn == nil {
		return ""
	}
	var decl string
	for _, p := range fn.ChildByField("parameters").NamedChildren() {
		if p.Kind == "parameter" && f.text(p.ChildByField("pattern")) == name {
			decl = f.text(p.ChildByField("type"))
		}
	}
	for n := range fn.Preorder() {
		if n.Start >= e.Start {
			break
		}
		if n.Kind == "let_declaration" && strings.TrimPrefix(f.text(n.ChildByField("pattern")), "mut ") == name {
			decl = f.text(n.ChildByField("type")) + " " + f.text(n.ChildByField("value"))
		}
	}
	switch {
	case strings.Contains(decl, "TraceState"):
		return "tracestate"
	case strings.Contains(decl, "Baggage"):
		return "baggage"
	}
	return ""
}

// propagatedEntry applies pii_in_telemetry to one baggage or tracestate
// entry with a literal key.
func (f *file) propagatedEntry(where string, key, value tracingsyntax.Tokens) {
	key = stripRefs(key)
	if len(key) != 1 || !isStringLit(key[0]) {
		return
	}
	f.checkPII(site{what: where + " entry", key: tracingsyntax.StringValue(key[0], f.src), keyConst: true,
		keyFrom: key[0], keyTo: key[0], value: value, propagated: where})
}

// record handles span.record("key", value).
func (f *file) record(key *syntax.Node, value tracingsyntax.Tokens) {
	s := site{what: "span field", key: tracingsyntax.StringValue(key, f.src), keyConst: true, keyFrom: key, keyTo: key, spelled: true}
	s.value, s.sigil = unwrapFieldValue(f, value)
	s.kind, s.recorded = f.valueKind(s.value, s.sigil, key)
	f.checkKey(s)
	f.checkPII(s)
}

// unwrapFieldValue reads tracing::field::display(x) and debug(x) as the
// sigils they stand for.
func unwrapFieldValue(f *file, value tracingsyntax.Tokens) (tracingsyntax.Tokens, string) {
	steps, ok := f.chain(value)
	if !ok || len(steps) == 0 {
		return value, ""
	}
	last := steps[len(steps)-1]
	if last.args == nil {
		return value, ""
	}
	sigil := map[string]string{"display": "%", "debug": "?"}[last.name]
	if sigil == "" || len(steps) > 1 && last.sep != "::" {
		return value, ""
	}
	segs := callArgs(last.args)
	if len(segs) != 1 {
		return value, ""
	}
	return segs[0], sigil
}

// keyValue handles KeyValue::new(key, value) and Key::new(key).method(value).
func (f *file) keyValue(n *syntax.Node, key, value tracingsyntax.Tokens, method string) {
	key = stripRefs(key)
	if len(key) == 0 {
		return
	}
	s := site{what: "attribute", keyFrom: key[0], keyTo: key[len(key)-1], value: value, propagated: propagatedIn(f, n)}
	if s.propagated != "" {
		s.what = s.propagated + " entry"
	}
	switch {
	case len(key) == 1 && key[0].Kind == "string_literal":
		s.key, s.keyConst, s.spelled = tracingsyntax.StringValue(key[0], f.src), true, true
	default:
		if k, ok := f.constString(key); ok {
			s.key, s.keyConst = k, true
		} else if f.semconvConstant(key) {
			return // a key of opentelemetry_semantic_conventions: right by construction
		}
	}
	if value != nil {
		s.kind, s.recorded = f.valueKind(value, "", n)
		if k, ok := map[string]string{"string": "string", "i64": "int", "f64": "double", "bool": "boolean"}[method]; ok {
			s.kind, s.recorded = k, ""
		}
	}
	if s.propagated == "" {
		f.checkKey(s)
	}
	if value != nil && s.keyConst {
		f.checkPII(s)
	}
}

// propagatedIn returns "baggage" or "tracestate" when n is an argument of
// a call that puts it there (cx.with_baggage(vec![..]),
// TraceState::from_key_value(..)).
func propagatedIn(f *file, n *syntax.Node) string {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Kind == "call_expression" {
			callee := strings.ToLower(f.text(p.ChildByField("function")))
			switch {
			case strings.Contains(callee, "baggage"):
				return "baggage"
			case strings.Contains(callee, "trace_state") || strings.Contains(callee, "tracestate"):
				return "tracestate"
			}
		}
		if strings.HasSuffix(p.Kind, "_item") || p.Kind == "block" {
			return ""
		}
	}
	return ""
}

// constString resolves a key written as a constant of the file:
// const USER_EMAIL: &str = "user.email" (or r"user.email").
func (f *file) constString(key tracingsyntax.Tokens) (string, bool) {
	if len(key) != 1 || key[0].Kind != "identifier" {
		return "", false
	}
	name := f.text(key[0])
	for _, n := range f.consts[name] {
		if v := n.ChildByField("value"); v != nil && (v.Kind == "string_literal" || v.Kind == "raw_string_literal") {
			return tracingsyntax.StringValue(v, f.src), true
		}
	}
	return "", false
}

// semconvConstant reports a key written as a constant of
// opentelemetry_semantic_conventions.
func (f *file) semconvConstant(key tracingsyntax.Tokens) bool {
	return strings.HasPrefix(f.resolve(key.Text(f.src)), "opentelemetry_semantic_conventions")
}

// letDeclaration handles the span guards: let _ = span.enter() and a guard
// held across .await.
func (f *file) letDeclaration(n *syntax.Node) {
	v := n.ChildByField("value")
	if v == nil || v.Kind != "call_expression" {
		return
	}
	fn := v.ChildByField("function")
	if fn == nil || fn.Kind != "field_expression" || !emptyArgs(v.ChildByField("arguments")) {
		return
	}
	method := f.text(fn.ChildByField("field"))
	if method != "enter" && method != "entered" || !f.isSpan(fn.ChildByField("value")) {
		return // a runtime's or a lock's guard is another matter
	}
	pattern := n.ChildByField("pattern")
	if f.text(pattern) == "_" {
		fd := f.report(SpanGuardDroppedAtOnce, "TL202", n, n, "let _ = ….%s() drops the guard at once, so nothing after it runs in the span; bind it to a named variable (let _guard = ….%s()) or use span.in_scope(|| ..)", method, method)
		if fd != nil {
			f.addFix(fd, "Keep the guard until the end of the block", pattern.Start, pattern.End, "_guard")
		}
		return
	}
	f.guardAcrossAwait(n, method)
}

func lastChild(n *syntax.Node, kind string) *syntax.Node {
	for i := len(n.Children) - 1; i >= 0; i-- {
		if n.Children[i].Kind == kind {
			return n.Children[i]
		}
	}
	return nil
}

func firstNamed(n *syntax.Node, kind string) *syntax.Node {
	for _, c := range n.Children {
		if c.Kind == kind {
			return c
		}
	}
	return nil
}

// nextItem returns the item an attribute applies to: the next sibling
// that is neither an attribute nor a comment.
func nextItem(attr *syntax.Node) *syntax.Node {
	if attr.Parent == nil {
		return nil
	}
	seen := false
	for _, c := range attr.Parent.Children {
		if c == attr {
			seen = true
			continue
		}
		if seen && c.Kind != "attribute_item" && c.Kind != "line_comment" && c.Kind != "block_comment" {
			return c
		}
	}
	return nil
}

// isSpan reports whether an expression is a span, as far as syntax tells:
// its text names a span (span, self.span, Span::current(), info_span!(..)),
// or it is a variable bound to a span macro or declared with a Span type.
func (f *file) isSpan(e *syntax.Node) bool {
	if e == nil {
		return false
	}
	if strings.Contains(strings.ToLower(f.text(e)), "span") {
		return true
	}
	if e.Kind != "identifier" {
		return false
	}
	name := f.text(e)
	fn := e.Ancestor("function_item", "closure_expression")
	if fn == nil {
		return false
	}
	for _, p := range fn.ChildByField("parameters").NamedChildren() {
		if p.Kind == "parameter" && f.text(p.ChildByField("pattern")) == name {
			return strings.Contains(f.text(p.ChildByField("type")), "Span")
		}
	}
	for n := range fn.Preorder() {
		if n.Start >= e.Start {
			break
		}
		if n.Kind == "let_declaration" && f.text(n.ChildByField("pattern")) == name {
			if strings.Contains(f.text(n.ChildByField("type")), "Span") {
				return true
			}
			if v := n.ChildByField("value"); v != nil && v.Kind == "macro_invocation" && f.isTracingMacro(v) {
				return true
			}
		}
	}
	return false
}
