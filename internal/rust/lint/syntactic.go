package lint

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/tracelint/tracelint/internal/otelapi"
	"github.com/tracelint/tracelint/internal/pii"
	"github.com/tracelint/tracelint/internal/rust/syntax"
	"github.com/tracelint/tracelint/internal/rust/tracingsyntax"
)

// reportSpanName reports sensitive data in a span or event name given to
// opentelemetry (tracer.start(..), span.add_event(..)).
func (f *file) reportSpanName(m pii.Match, method string, arg tracingsyntax.Tokens, expr string) {
	name := "span name"
	if strings.HasPrefix(method, "add_event") {
		name = "event name"
	}
	from, to := arg[0], arg[len(arg)-1]
	switch m.Category {
	case pii.Credentials:
		f.report(PIIInTelemetry, "TL401", from, to, "the %s includes %s, %s: secrets must never reach telemetry; use a constant name", name, expr, m.What())
	case pii.Pseudonymous:
		f.report(PIIInTelemetry, "TL406", from, to, "the %s includes %s, %s; use a constant name", name, expr, m.What())
	default:
		f.report(PIIInTelemetry, "TL405", from, to, "the %s includes %s, %s: names are indexed and shown in every trace view; use a constant name", name, expr, m.What())
	}
}

// headerMethods read or write a header map by name.
var headerMethods = map[string]string{
	"get": "read", "get_all": "read", "contains_key": "read", "remove": "read",
	"insert": "written", "append": "written", "entry": "written", "try_insert": "written", "header": "written", "set": "written",
}

// headerMethod applies manual_trace_propagation to headers.get("traceparent")
// and the like.
func (f *file) headerMethod(n *syntax.Node, method string, args []tracingsyntax.Tokens) {
	how, ok := headerMethods[method]
	if !ok || len(args) == 0 || len(args[0]) == 0 {
		return
	}
	lit := args[0][0]
	if !isStringLit(lit) && lit.Kind != "identifier" {
		return
	}
	if rest := args[0][1:]; len(rest) > 0 { // "traceparent".to_string(), TRACEPARENT.as_str()
		steps, ok := f.chain(rest[1:])
		if rest[0].Kind != "." || !ok || len(steps) != 1 || !lookThrough[steps[0].name] && steps[0].name != "parse" {
			return
		}
	}
	name := tracingsyntax.StringValue(lit, f.src)
	if lit.Kind == "identifier" {
		var ok bool
		if name, ok = f.constHeader(f.text(lit)); !ok {
			return
		}
	}
	f.header(lit, name, fmt.Sprintf("%s by hand (.%s)", how, method))
}

// headerLiteral applies manual_trace_propagation to
// HeaderName::from_static("traceparent").
func (f *file) headerLiteral(n *syntax.Node, arg tracingsyntax.Tokens) {
	if len(arg) == 1 && isStringLit(arg[0]) && n.Ancestor("const_item", "static_item") == nil {
		f.header(arg[0], tracingsyntax.StringValue(arg[0], f.src), "named by hand (HeaderName::from_static)")
	}
}

// header reports a propagation header handled by hand: once per function,
// with the other places as related.
func (f *file) header(lit *syntax.Node, name, how string) {
	if !otelapi.IsPropagationHeader(name, f.cfg.Ctxpropagation.PropagationHeaders) || f.inTest(lit) || f.inPropagator(lit) {
		return
	}
	if lower := strings.ToLower(name); (lower == "baggage" || lower == "b3") && !f.handlesHeaders() {
		return // an airline's baggage, a hash's b3: words of other trades
	}
	s := site{key: "in " + f.enclosingFunc(lit), keyFrom: lit, keyTo: lit}
	f.reportPerKey(ManualTracePropagation, "TL105", s, fmt.Sprintf("trace header %q is %s: copying one header supports one format and drops the rest of the trace context; inject and extract through a TextMapPropagator (opentelemetry::global::get_text_map_propagator)", strings.ToLower(name), how))
}

// inPropagator reports whether n lies in a propagator's own code: a method
// of an impl of a Propagator trait, or a function named inject, extract or
// fields (inject_context, extract_with_context), where header names belong.
func (f *file) inPropagator(n *syntax.Node) bool {
	fn := n.Ancestor("function_item")
	if fn == nil {
		return false
	}
	name := f.text(fn.ChildByField("name"))
	for _, p := range []string{"inject", "extract", "fields"} {
		if name == p || strings.HasPrefix(name, p+"_") {
			return true
		}
	}
	impl := fn.Ancestor("impl_item")
	return impl != nil && strings.Contains(f.text(impl.ChildByField("trait")), "Propagator")
}

// constHeader returns the header name a constant or static of the file
// holds: a string, or HeaderName::from_static's argument.
func (f *file) constHeader(name string) (string, bool) {
	for _, n := range f.consts[name] {
		v := n.ChildByField("value")
		if v == nil {
			return "", false
		}
		if isStringLit(v) {
			return tracingsyntax.StringValue(v, f.src), true
		}
		if v.Kind == "call_expression" && strings.HasSuffix(f.text(v.ChildByField("function")), "HeaderName::from_static") {
			if args := v.ChildByField("arguments").NamedChildren(); len(args) == 1 && isStringLit(args[0]) {
				return tracingsyntax.StringValue(args[0], f.src), true
			}
		}
		return "", false
	}
	return "", false
}

// isStringLit reports a string literal, raw or not: "traceparent",
// r"traceparent".
func isStringLit(n *syntax.Node) bool {
	return n.Kind == "string_literal" || n.Kind == "raw_string_literal"
}

// spawners start a task or thread that does not inherit the current span.
var spawners = map[string]bool{
	"tokio::spawn": true, "tokio::task::spawn": true, "tokio::task::spawn_blocking": true, "tokio::task::spawn_local": true,
	"std::thread::spawn": true, "async_std::task::spawn": true,
}

// spawn applies spawn_without_span: a task or thread started without the
// current span, where a span is known to be current (spanCurrent), outside
// test code. Like TL101 in Go, which needs a request's context in scope,
// it leaves start-up code and background workers alone: there is no span
// to lose there.
func (f *file) spawn(n *syntax.Node, full string, args []tracingsyntax.Tokens) {
	if !spawners[full] || len(args) != 1 || !f.traces() || f.inTest(n) || !f.spanCurrent(n) {
		return
	}
	arg := args[0].Text(f.src)
	for _, keep := range []string{".instrument(", ".in_current_span(", "in_scope(", ".enter()", ".entered()", "Instrument::instrument("} {
		if strings.Contains(arg, keep) {
			return
		}
	}
	at := n
	if n.Kind == "call_expression" {
		at = n.ChildByField("function")
	}
	f.report(SpawnWithoutSpan, "TL101", at, at, "%s starts work outside the current span: its spans and events lose the request's trace; pass future.in_current_span() (or .instrument(span)), or run a closure inside span.in_scope(..)", full)
}

// spanCurrent reports whether a span is known to be current at n: n is in
// a function marked #[instrument], after a span's guard in an enclosing
// block (let _g = span.enter()), in a closure run by span.in_scope(..), or
// in an async block that is instrumented (async { .. }.instrument(span)).
func (f *file) spanCurrent(n *syntax.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		switch p.Kind {
		case "block":
			for _, stmt := range p.Children {
				if stmt.Start >= n.Start {
					break
				}
				if f.entersSpan(stmt) {
					return true
				}
			}
		case "closure_expression":
			// The nearest call is the one the closure is given to, directly
			// or as the value of a block: span.in_scope({ let f = || ..; f }).
			if call := p.Ancestor("call_expression"); call != nil {
				if fn := call.ChildByField("function"); fn != nil && fn.Kind == "field_expression" && f.text(fn.ChildByField("field")) == "in_scope" {
					return true
				}
			}
		case "async_block":
			if fe := p.Parent; fe != nil && fe.Kind == "field_expression" {
				if m := f.text(fe.ChildByField("field")); m == "instrument" || m == "in_current_span" {
					return true
				}
			}
		case "function_item":
			for _, attr := range attributesBefore(p) {
				if a := firstNamed(attr, "attribute"); a != nil && len(a.NamedChildren()) > 0 {
					if name, ok := f.fromCrate(f.text(a.NamedChildren()[0]), "tracing", true); ok && name == "instrument" {
						return true
					}
				}
			}
			return false
		}
	}
	return false
}

// entersSpan reports a statement that binds a span's guard:
// let _guard = span.enter(), let _span = info_span!(..).entered().
func (f *file) entersSpan(stmt *syntax.Node) bool {
	if stmt.Kind != "let_declaration" || f.text(stmt.ChildByField("pattern")) == "_" {
		return false
	}
	v := stmt.ChildByField("value")
	if v == nil || v.Kind != "call_expression" {
		return false
	}
	fn := v.ChildByField("function")
	if fn == nil || fn.Kind != "field_expression" {
		return false
	}
	m := f.text(fn.ChildByField("field"))
	return (m == "enter" || m == "entered") && f.isSpan(fn.ChildByField("value"))
}

// usesOtel reports whether the file imports from an opentelemetry crate
// or names one.
func (f *file) usesOtel() bool {
	if f.otel == 0 {
		f.otel = -1
		if f.importsFrom("opentelemetry") || bytes.Contains(f.src, []byte("opentelemetry::")) {
			f.otel = 1
		}
	}
	return f.otel > 0
}

// importsFrom reports whether a use line of the file imports from a crate
// whose name starts with prefix, by name or with a glob.
func (f *file) importsFrom(prefix string) bool {
	for _, full := range f.imports.names {
		if strings.HasPrefix(full, prefix) {
			return true
		}
	}
	for _, g := range f.imports.globs {
		if strings.HasPrefix(g, prefix) {
			return true
		}
	}
	return false
}

// handlesHeaders reports whether the file's code (not its comments) names
// headers or gRPC metadata, where "baggage" and "b3" are header names:
// HeaderMap, headers, req.metadata(). readImports decides it.
func (f *file) handlesHeaders() bool {
	return f.headers > 0
}

// traces reports whether the file uses tracing or opentelemetry.
func (f *file) traces() bool {
	if f.tracing == 0 {
		f.tracing = -1
		if f.importsFrom("tracing") || f.importsFrom("opentelemetry") || f.imports.macroUse["tracing"] ||
			bytes.Contains(f.src, []byte("tracing::")) {
			f.tracing = 1
		}
	}
	return f.tracing > 0
}

// guardAcrossAwait applies span_guard_across_await: a guard of
// span.enter() bound in an async body that then awaits before the block
// ends.
func (f *file) guardAcrossAwait(let *syntax.Node, method string) {
	block := let.Parent
	if block == nil || block.Kind != "block" || !asyncBody(block) || f.inTest(let) {
		return
	}
	guard := f.text(let.ChildByField("pattern"))
	after := false
	for _, stmt := range block.Children {
		if stmt == let {
			after = true
			continue
		}
		if !after {
			continue
		}
		if strings.Contains(f.text(stmt), "drop("+guard+")") {
			return
		}
		if aw := firstAwait(stmt); aw != nil {
			f.report(SpanGuardAcrossAwait, "", let, let, "the guard %s of span.%s() is held across this .await: while the task is suspended, other tasks on the thread run inside the span; use future.instrument(span) for async code", guard, method)
			f.findings[len(f.findings)-1].Related = append(f.findings[len(f.findings)-1].Related, relatedAt(f, aw, "awaited here"))
			return
		}
	}
}

// asyncBody reports whether a block runs in an async fn, async block or
// async closure (and not in a plain closure inside one).
func asyncBody(b *syntax.Node) bool {
	for p := b.Parent; p != nil; p = p.Parent {
		switch p.Kind {
		case "async_block":
			return true
		case "closure_expression":
			return firstNamed(p, "async") != nil // async || { .. }
		case "function_item":
			if mods := firstNamed(p, "function_modifiers"); mods != nil {
				for _, m := range mods.Children {
					if m.Kind == "async" {
						return true
					}
				}
			}
			return false
		}
	}
	return false
}

// firstAwait returns the first .await in n that is not inside a closure or
// async block of its own.
func firstAwait(n *syntax.Node) *syntax.Node {
	if n.Kind == "await_expression" {
		return n
	}
	if n.Kind == "closure_expression" || n.Kind == "async_block" || strings.HasSuffix(n.Kind, "_item") {
		return nil
	}
	for _, c := range n.Children {
		if aw := firstAwait(c); aw != nil {
			return aw
		}
	}
	return nil
}
