// Package worker is a command's wiring (it lives under cmd/): the context
// its functions receive is the process's, made in main from a root.
package worker

import (
	"context"
	"net/http"
)

func use(context.Context) {}

// Run gets the process's context from main.
func Run(ctx context.Context) error {
	use(context.Background()) // ok: ctx is the process's context
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		use(context.Background()) /* fix */ // want `starts a new trace although "r" is in scope.*TL101`
	})
	intercept := func(ctx context.Context) {
		use(context.Background()) /* fix */ // want `starts a new trace although "ctx" is in scope.*TL101`
	}
	intercept(ctx)
	return nil
}

// handle serves a request even in a command package.
func handle(w http.ResponseWriter, r *http.Request) {
	use(context.Background()) /* fix */ // want `starts a new trace although "r" is in scope.*TL101`
}
