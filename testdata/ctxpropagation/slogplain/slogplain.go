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

func handle(ctx context.Context, logger *slog.Logger) {
	slog.Info("done")   // ok: no handler reads the context
	logger.Warn("x")    // ok
	use(context.TODO()) /* fix */ // want `although "ctx" is in scope.*\(TL101\)`
}

func use(context.Context) {}
