// Package go120 is a module that targets Go 1.20, which has no
// context.WithoutCancel: where the fix would need it, none is offered.
package go120

import "context"

func use(ctx context.Context) error { return ctx.Err() }

// A returned closure outlives the function: the message still says what to
// do once the module moves to Go 1.21, but there is no fix to apply.
func shutdownHook(ctx context.Context) func() error {
	return func() error {
		return use(context.Background()) // want `context.Background\(\) in a returned closure starts a new trace although "ctx" is in scope; pass context.WithoutCancel\(ctx\).*\(TL101\)`
	}
}

// The plain replacement needs no new API: it is offered.
func handle(ctx context.Context) error {
	return use(context.Background()) /* fix */ // want `context.Background\(\) starts a new trace although "ctx" is in scope; pass ctx so this work stays in the request's trace \(TL101\)`
}
