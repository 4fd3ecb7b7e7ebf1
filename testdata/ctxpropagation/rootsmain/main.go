// Package main covers the top levels where a program's roots belong.
package main

import (
	"context"
	"os/signal"
	"syscall"
)

func use(context.Context) {}

func init() {
	ctx := context.Background()
	use(context.TODO()) // ok
	use(ctx)
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	use(context.Background()) // ok: main's top level
	go func() {
		use(context.Background()) // want `in a goroutine starts a new trace although "ctx" is in scope`
	}()
	use(ctx)
}
