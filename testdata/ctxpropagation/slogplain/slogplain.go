// Package slogplain is a module whose slog handlers never read a record's
// context: slog.InfoContext logs exactly what slog.Info logs.
package slogplain

import (
	"context"
	"log/slog"
)

// prefixHandler ignores the context it is given.
type prefixHandler struct{ slog.Handler }

func (h prefixHandler) Handle(_ context.Context, r slog.Record) error {
	return h.Handler.Handle(context.TODO(), r)
}

// levelHandler names the context of Handle but does not read it; Enabled
// reads one, but Enabled does not see the record.
type levelHandler struct{ slog.Handler }

func (h levelHandler) Enabled(ctx context.Context, l slog.Level) bool {
	return ctx.Err() == nil && l >= slog.LevelInfo
}

func (h levelHandler) Handle(ctx context.Context, r slog.Record) error {
	println(r.Message)
	return nil
}

// audit has a Handle method of another shape: it is no slog handler.
type audit struct{}

func (audit) Handle(ctx context.Context, r slog.Record, tag string) error { return ctx.Err() }

func handle(ctx context.Context, logger *slog.Logger) {
	slog.Info("done")   // ok: no handler reads the context
	logger.Warn("x")    // ok
	use(context.TODO()) /* fix */ // want `although "ctx" is in scope.*\(TL101\)`
}

func use(context.Context) {}

// Handle is a package-level function, no slog handler's method.
func Handle(ctx context.Context, r slog.Record) error { return ctx.Err() }
