package spanend

import "github.com/tracelint/tracelint/internal/rules"

const optionStartFuncs = "spanend.start-funcs"

const optionNoReturnFuncs = "spanend.no-return-funcs"

const optionInferWrappers = "spanend.infer-wrappers"

var startOptions = []string{optionStartFuncs, optionNoReturnFuncs, optionInferWrappers}

// TL201 reports a span that is not ended on every path.
var TL201 = &rules.Rule{
	ID:       "TL201",
	Analyzer: "spanend",
	Title:    "end every span on every path",
	Why: "A span is exported only when it ends. A span left open on one path (an early `return`, " +
		"a `continue`, a `select` arm) is never sent to the tracing backend: the trace shows a gap, " +
		"its children lose their parent, and the SDK keeps the span in memory. " +
		"A team's own start helper that returns the function ending the span (`ctx, finish := obs.Trace(ctx, \"load\")`, " +
		"inferred from source like span-returning wrappers) puts the same obligation on that function: call it on every path. " +
		"So does one that returns a value whose method ends the span (`sc := obs.Open(ctx, \"load\")`, `defer sc.Close()`).",
	Bad: `func load(ctx context.Context, id string) (*Item, error) {
	ctx, span := tracer.Start(ctx, "load")
	item, err := db.Get(ctx, id)
	if err != nil {
		return nil, err // span leaks here
	}
	span.End()
	return item, nil
}`,
	Good: `func load(ctx context.Context, id string) (*Item, error) {
	ctx, span := tracer.Start(ctx, "load")
	defer span.End()
	return db.Get(ctx, id)
}`,
	Default:    true,
	DefaultWhy: "an unended span is always lost",
	Autofix:    true,
	NotFlagged: []string{
		"`End` through `defer`, a deferred closure (that ends the span whenever it runs, or behind a check of the span itself such as `if span != nil`), " +
			"a deferred helper that takes the span, or `t.Cleanup`; a deferred closure that ends it only under another condition leaves the other paths leaking",
		"paths that end in `panic`, `os.Exit`, `log.Fatal*`, `t.Fatal*`, `runtime.Goexit` and the like",
		"spans of a no-op tracer (`noop.Tracer{}`, `noop.NewTracerProvider().Tracer(...)`, `trace.NewNoopTracerProvider()`, " +
			"or a variable of the function or package that only ever holds one): they are never exported",
		"a span handed over: returned (alone or with its context), stored in a field, map or slice, " +
			"sent on a channel, passed to a function or goroutine that takes it over, captured by a closure, or whose `End` escapes as a method value. " +
			"A function of the module takes a span over when it ends, stores, returns, captures or passes it on (read from source); " +
			"one that only records into it (`recordErr(span, err)`) leaves ending it to the caller",
		"a span whose derived context leaves the function on that path (returned, stored in a field, map or composite literal, sent on a channel): " +
			"in a package that ends spans it takes from a context, code elsewhere ends it through `SpanFromContext`, as go-kit's client hooks and gRPC stats handlers do; " +
			"passing the context to a call does not count, and a pipeline stage that returns its span's context in a package that never ends spans from a context still owns the span",
	},
	KnownProblems: []string{
		"Handing the span to a function outside the module, an interface method or a variadic parameter counts as handing over ownership.",
		"The autofix is offered only when the function never ends the span nor hands it (or, where the package ends spans taken from a context, its context) to someone else, and the start is not inside a loop.",
	},
	Options: startOptions,
}

// TL202 reports a span that is dropped as soon as it is started.
var TL202 = &rules.Rule{
	ID:       "TL202",
	Analyzer: "spanend",
	Title:    "do not discard a started span",
	Why: "A span assigned to `_`, or a start call whose results are dropped, can never be ended, " +
		"so it is never exported; the context that carries it still makes it the parent of later spans, " +
		"which then point at a span the backend never receives. The same holds for the end function of a team's start helper assigned to `_`.",
	Bad: `func handle(ctx context.Context) {
	ctx, _ = tracer.Start(ctx, "handle")
	process(ctx)
}`,
	Good: `func handle(ctx context.Context) {
	ctx, span := tracer.Start(ctx, "handle")
	defer span.End()
	process(ctx)
}`,
	Default:    true,
	DefaultWhy: "a discarded span is always lost",
	NotFlagged: []string{
		"a start whose derived context escapes (returned, stored in a field or composite literal, sent, or passed to `WithContext`): " +
			"instrumentation such as gRPC stats handlers ends such spans later through `SpanFromContext`",
	},
	Options: startOptions,
}

// TL203 reports defer span.End() inside a loop body.
var TL203 = &rules.Rule{
	ID:       "TL203",
	Analyzer: "spanend",
	Title:    "do not defer span.End inside a loop",
	Why: "A deferred call runs when the function returns, not when the iteration ends. Every iteration's " +
		"span stays open until the loop and the rest of the function finish, so durations are wrong " +
		"and spans pile up in memory.",
	Bad: `for _, item := range items {
	ctx, span := tracer.Start(ctx, "item")
	defer span.End()
	process(ctx, item)
}`,
	Good: `for _, item := range items {
	func() {
		ctx, span := tracer.Start(ctx, "item")
		defer span.End()
		process(ctx, item)
	}()
}`,
	Default:    true,
	DefaultWhy: "the durations are always wrong",
	NotFlagged: []string{"a `defer` inside a function literal called once per iteration"},
	KnownProblems: []string{
		"Every loop is reported, a short bounded one (over a fixed slice of three items) as much as `for {}` or a loop over a channel: " +
			"on bench/'s eleven services TL203 found nothing, so there is no real case that argues for exempting bounded loops, " +
			"and every deferred `End` in a loop still stretches its span to the function's end.",
	},
	Options: startOptions,
}

// TL204 reports a span ended on an error path without recording the error.
var TL204 = &rules.Rule{
	ID:       "TL204",
	Analyzer: "spanend",
	Title:    "record the error before a span ends on an error path",
	Why: "A span that ends while the function returns an error, without `RecordError` or " +
		"`SetStatus(codes.Error, ...)`, shows as a success in the tracing backend: error rates and " +
		"error traces miss the failure.",
	Bad: `func save(ctx context.Context, it *Item) error {
	ctx, span := tracer.Start(ctx, "save")
	defer span.End()
	if err := db.Put(ctx, it); err != nil {
		return fmt.Errorf("save %s: %w", it.ID, err)
	}
	return nil
}`,
	Good: `func save(ctx context.Context, it *Item) error {
	ctx, span := tracer.Start(ctx, "save")
	defer span.End()
	if err := db.Put(ctx, it); err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, "put failed")
		return fmt.Errorf("save %s: %w", it.ID, err)
	}
	return nil
}`,
	Default: false,
	DefaultWhy: "many teams record errors in middleware or in one deferred helper; turn it on with " +
		"`enable: [TL204]` where each span should carry its own error",
	NotFlagged: []string{
		"returns whose error is `nil`, or a variable not known to be non-nil at that return",
		"a span handed to a helper or a deferred closure that calls `RecordError` or `SetStatus`",
		"Datadog's `Finish` with options (`tracer.WithError(err)`)",
	},
	Options: startOptions,
}

// TL205 reports a span variable overwritten before its span is ended.
var TL205 = &rules.Rule{
	ID:       "TL205",
	Analyzer: "spanend",
	Title:    "end a span before its variable takes a new one",
	Why: "Assigning a second started span to the variable that holds the first loses the only " +
		"reference to the first span: it can no longer be ended, and a later `defer span.End()` " +
		"ends only the second.",
	Bad: `ctx, span := tracer.Start(ctx, "fetch")
data := fetch(ctx)
ctx, span = tracer.Start(ctx, "parse")
defer span.End()`,
	Good: `ctx, span := tracer.Start(ctx, "fetch")
data := fetch(ctx)
span.End()
ctx, span = tracer.Start(ctx, "parse")
defer span.End()`,
	Default:    true,
	DefaultWhy: "the first span is always lost",
	Options:    startOptions,
}

// TL206 reports End called on a span the function did not start.
var TL206 = &rules.Rule{
	ID:       "TL206",
	Analyzer: "spanend",
	Title:    "do not end a span taken from the context",
	Why: "`trace.SpanFromContext` returns the caller's span, it does not start a new one. Ending it " +
		"ends the caller's span early: its duration is cut short and the caller's own `End` is ignored.",
	Bad: `func enrich(ctx context.Context) {
	span := trace.SpanFromContext(ctx)
	defer span.End()
	span.SetAttributes(attribute.Int("items", 3))
}`,
	Good: `func enrich(ctx context.Context) {
	span := trace.SpanFromContext(ctx)
	span.SetAttributes(attribute.Int("items", 3))
}`,
	Default:    true,
	DefaultWhy: "ending another function's span is almost always a mistake",
	NotFlagged: []string{
		"a span read from a context that a call handed back to this code (`ctx = h.TagRPC(ctx, info)` then `trace.SpanFromContext(ctx).End()`, " +
			"as an external test package plays a stats handler's HandleRPC): that call started the span for it",
		"the span of a fresh root (`trace.SpanFromContext(context.Background())`, or a variable that only holds a root): a no-op span",
		"packages that hand spans over through a context (a start whose span is dropped but whose context is " +
			"returned or stored), such as gRPC stats handlers: they end those spans from the context on purpose",
	},
}

// Rules is the spanend catalogue.
var Rules = []*rules.Rule{TL201, TL202, TL203, TL204, TL205, TL206}
