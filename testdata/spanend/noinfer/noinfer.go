// Package noinfer is checked with spanend.infer-wrappers off: the team's
// own helpers are not read, so only the tracing APIs' starts count.
package noinfer

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"

	"example.com/tracelinttest/spanend/wrapperlib"
)

var tracer = otel.Tracer("noinfer")

func startLocal(ctx context.Context, name string) (context.Context, trace.Span) {
	return tracer.Start(ctx, name)
}

func helpers(ctx context.Context) {
	_, _ = wrapperlib.Trace(ctx, "dropped") // ok: not inferred
	sc := wrapperlib.Open(ctx, "open")      // ok: not inferred
	_ = sc.Name()
	_, span := wrapperlib.Start(ctx, "remote") // ok: not inferred
	span.AddEvent("x")
	_, local := startLocal(ctx, "local") // ok: not inferred
	local.AddEvent("x")
}

func api(ctx context.Context) {
	_, span := tracer.Start(ctx, "api") /* fix */ // want `span "span" is not ended on every path.*\(TL201\)`
	span.AddEvent("x")
}
