package variants

import (
	"context"
	"log/slog"
)

// traceHandler adds the record's trace to every log line: with it in the
// module, slog's Context variants are worth calling.
type traceHandler struct{ slog.Handler }

func (h traceHandler) Handle(ctx context.Context, r slog.Record) error {
	if id, ok := ctx.Value(traceKey{}).(string); ok {
		r.AddAttrs(slog.String("trace_id", id))
	}
	return h.Handler.Handle(ctx, r)
}

type traceKey struct{}
