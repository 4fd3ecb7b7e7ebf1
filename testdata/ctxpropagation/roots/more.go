package roots

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
)

// main outside package main is an ordinary function.
func main() {
	ctx := otel.GetTextMapPropagator().Extract(context.Background(), propagation.MapCarrier{})
	_ = use(ctx)
	_ = use(context.Background()) /* fix */ // want `context.Background\(\) starts a new trace although "ctx" is in scope.*\(TL101\)`
}

// Only the body of a nil check is a defensive default: its init statement
// runs whatever ctx is.
func inInit(ctx context.Context) {
	if err := use(context.Background()); ctx == nil { /* fix */ // want `context.Background\(\) starts a new trace although "ctx" is in scope.*\(TL101\)`
		_ = err
	}
}

type holder struct{ ctx context.Context }

// A root stored as a value of a derived context is no lifetime context.
func valueOfRoot(ctx context.Context, h *holder) {
	v := context.WithValue(ctx, valueKey{}, context.Background()) /* fix */ // want `context.Background\(\) starts a new trace although "ctx" is in scope.*\(TL101\)`
	h.ctx = v
}

// A zero-argument call and a Context method with arguments are no
// mentions of a context.
type registry struct{}

func (registry) Context(name string) context.Context { return bgCtx }

func name() string { return "n" }

func (s *service) named(ctx context.Context, reg registry) error {
	_ = use(reg.Context("a"))
	return s.store.Load(s.ctx, name()) /* fix */ // want `s.ctx is the lifetime context of s, not the request's.*\(TL101\)`
}
