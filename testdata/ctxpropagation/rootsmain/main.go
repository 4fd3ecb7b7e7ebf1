// Package main covers the top levels where a program's roots belong.
package main

import (
	"context"
	"net/http"
	"os/signal"
	"syscall"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
)

func use(context.Context) {}

// env carries a trace in the environment, as CI tools pass TRACEPARENT.
var env = propagation.MapCarrier{}

func init() {
	ctx := otel.GetTextMapPropagator().Extract(context.Background(), env)
	use(context.TODO()) // ok: init's top level
	use(ctx)
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	use(context.Background()) // ok: main's top level
	go func() {
		use(context.Background()) // ok: ctx is main's own root, it carries no trace
	}()
	use(ctx)
	traced := otel.GetTextMapPropagator().Extract(ctx, env)
	use(context.Background()) // ok: main's top level, even with a trace in scope
	use(traced)
	http.HandleFunc("/", handle)
}

// Other functions of package main are judged like any other.
func handle(w http.ResponseWriter, r *http.Request) {
	use(context.Background()) /* fix */ // want `starts a new trace although "r" is in scope.*\(TL101\)`
}

type app struct{}

// A method named main is no program's top level.
func (app) main(w http.ResponseWriter, r *http.Request) {
	use(context.Background()) /* fix */ // want `starts a new trace although "r" is in scope.*\(TL101\)`
}
