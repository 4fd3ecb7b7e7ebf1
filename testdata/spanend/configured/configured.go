// Package configured uses a span starter and a fatal helper that spanend
// only knows from the configuration (spanend.start-funcs and
// spanend.no-return-funcs), since their code is not in this module.
package configured

import (
	"context"

	"go.opentelemetry.io/otel/trace"
)

// Tracing is an opaque tracing facade, standing for a third-party library.
type Tracing interface {
	Begin(ctx context.Context, name string) (context.Context, trace.Span)
}

// Die stands for a project's fatal helper.
func Die(msg string) { panic(msg) }

func work(context.Context) error { return nil }

func leaks(ctx context.Context, t Tracing) {
	ctx, span := t.Begin(ctx, "op") /* fix */ // want `span "span" is not ended on every path.*\(TL201\)`
	_ = work(ctx)
	_ = span
}

func dies(ctx context.Context, t Tracing) {
	ctx, span := t.Begin(ctx, "op") // ok: Die never returns
	if err := work(ctx); err != nil {
		Die(err.Error())
	}
	span.End()
}

// Quit stands for a fatal helper the configuration does not name.
func Quit(msg string) { panic(msg) }

func diesOnOneBranch(ctx context.Context, t Tracing, ok bool) {
	_, span := t.Begin(ctx, "op") // ok: Die, in spanend.no-return-funcs, never returns
	if !ok {
		Die("not ok")
	} else {
		span.End()
	}
}

func quitsOnOneBranch(ctx context.Context, t Tracing, ok bool) {
	_, span := t.Begin(ctx, "op") // want `span "span" is not ended on every path: it leaks at the end of the function.*\(TL201\)`
	if !ok {
		Quit("not ok") // not configured: taken to return
	} else {
		span.End()
	}
}

// Other functions returning a span are not starts because the
// configuration names one.
func peeks(ctx context.Context) {
	span := trace.SpanFromContext(ctx) // ok: a getter, not a start
	span.AddEvent("peek")
}

// A call through a function value may return.
func callsValue(ctx context.Context, t Tracing, f func()) {
	_, span := t.Begin(ctx, "op") // ok
	f()
	span.End()
}
