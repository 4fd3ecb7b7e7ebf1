// Package discard holds TL202 cases: spans dropped as soon as they start.
package discard

import (
	"context"
	"net/http"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("discard")

func process(context.Context) {}

func blankSpan(ctx context.Context) {
	ctx, _ = tracer.Start(ctx, "b") // want `the span started by tracer.Start is discarded, so it is never ended or exported; assign it to a variable and end it, e.g. defer span.End\(\) \(TL202\)`
	process(ctx)
}

func blankDefine(ctx context.Context) {
	ctx2, _ := tracer.Start(ctx, "b") // want `the span started by tracer.Start is discarded.*\(TL202\)`
	process(ctx2)
}

func bothBlank(ctx context.Context) {
	_, _ = tracer.Start(ctx, "b") // want `discarded.*\(TL202\)`
}

func dropped(ctx context.Context) {
	tracer.Start(ctx, "dropped") // want `discarded.*\(TL202\)`
}

func chained(ctx context.Context) {
	otel.Tracer("x").Start(ctx, "chained") // want `the span started by otel.Tracer\("x"\).Start is discarded.*\(TL202\)`
}

// The derived context escapes: the span is ended later through
// SpanFromContext, as gRPC stats handlers and HTTP middleware do.

func returnedContext(ctx context.Context) context.Context {
	ctx, _ = tracer.Start(ctx, "tag") // ok
	return ctx
}

type state struct{ ctx context.Context }

func storedContext(ctx context.Context, s *state) {
	s.ctx, _ = tracer.Start(ctx, "stored") // ok
}

func storedLater(ctx context.Context, s *state) {
	ctx, _ = tracer.Start(ctx, "stored") // ok
	s.ctx = ctx
}

func inLiteral(ctx context.Context) state {
	ctx, _ = tracer.Start(ctx, "literal") // ok
	return state{ctx: ctx}
}

func middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, _ := tracer.Start(r.Context(), "request") // ok: ended by the finishing middleware
		*r = *r.WithContext(ctx)
		next.ServeHTTP(w, r)
	})
}

// Passing the derived context to a call, even in a return statement, uses
// it: the span is still lost.
func usedInReturn(ctx context.Context) error {
	ctx, _ = tracer.Start(ctx, "used") // want `the span started by tracer.Start is discarded.*TL202`
	return ctx.Err()
}
