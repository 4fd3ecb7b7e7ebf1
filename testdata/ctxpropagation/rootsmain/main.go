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
		use(context.Background()) // ok: ctx is main's own root, it carries no trace
	}()
	use(ctx)
}
