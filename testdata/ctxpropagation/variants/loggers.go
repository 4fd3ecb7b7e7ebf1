package variants

import "context"

// quietLogger's WithContext variant ignores its context: calling it instead
// of the plain method changes nothing.
type quietLogger struct{}

func (quietLogger) Info(msg string)                                 {}
func (quietLogger) InfoWithContext(ctx context.Context, msg string) { _ = msg }
func (quietLogger) Warn(msg string)                                 {}
func (quietLogger) WarnWithContext(_ context.Context, msg string)   { _ = msg }

// tracingLogger's variant reads the context.
type tracingLogger struct{ traceOf func(context.Context) string }

func (l tracingLogger) Info(msg string) {}
func (l tracingLogger) InfoWithContext(ctx context.Context, msg string) {
	_ = l.traceOf(ctx)
}

// Logger is implemented in this package by zapLogger only, whose variant
// ignores the context.
type Logger interface {
	Debug(msg string)
	DebugWithContext(ctx context.Context, msg string)
}

type zapLogger struct{}

func (zapLogger) Debug(msg string)                                 {}
func (zapLogger) DebugWithContext(ctx context.Context, msg string) {}

func moduleLoggers(ctx context.Context, q quietLogger, t tracingLogger, l Logger) {
	q.Info("x")  // ok: the variant ignores its context
	q.Warn("x")  // ok: the variant's context is blank
	t.Info("x")  /* fix */ // want `t.Info is called without a context although "ctx" is in scope; use t.InfoWithContext\(ctx, ...\).*\(TL102\)`
	l.Debug("x") // ok: the only implementation ignores its context
}
