package roots

import (
	"context"

	"example.com/tracelinttest/ctxpropagation/rootlib"
)

func process(ctx context.Context) {}

// After <-ctx.Done() the request's context is over: a fresh root for the
// work that follows is the only context that still works.
func flushWhenDone(ctx context.Context) {
	<-ctx.Done()
	process(context.Background()) // ok: ctx is done
}

func flushOnDone(ctx context.Context, ch chan int) {
	select {
	case <-ch:
	case <-ctx.Done():
		process(context.Background()) // ok: ctx is done
	default:
		process(context.Background()) /* fix */ // want `starts a new trace although "ctx" is in scope.*\(TL101\)`
	}
}

func flushAfterValue(ctx context.Context) {
	v := <-ctx.Done()
	_ = v
	process(context.Background()) // ok: ctx is done
}

func flushInCase(ctx context.Context, mode int) {
	switch mode {
	case 1:
		<-ctx.Done()
		process(context.Background()) // ok: ctx is done
	case 2:
		process(context.Background()) /* fix */ // want `starts a new trace although "ctx" is in scope.*\(TL101\)`
		<-ctx.Done()
	case 3:
		mode++
		process(context.Background()) /* fix */ // want `starts a new trace although "ctx" is in scope.*\(TL101\)`
	}
}

// Work before the wait still runs under a live context.
func flushBeforeDone(ctx context.Context) {
	process(context.Background()) /* fix */ // want `starts a new trace although "ctx" is in scope.*\(TL101\)`
	<-ctx.Done()
}

// Other channels say nothing about ctx: another value's Done, a
// function's channel, a package's Done, or a context's other channel.
type waiter struct{}

func (waiter) Done() <-chan struct{} { return nil }

type quitContext struct {
	context.Context
	quit chan struct{}
}

func (q quitContext) Quit() <-chan struct{} { return q.quit }

func stopped() <-chan struct{} { return nil }

func otherChannels(ctx context.Context, w waiter, q quitContext) {
	<-w.Done()
	<-stopped()
	<-rootlib.Done()
	<-q.Quit()
	process(context.Background()) /* fix */ // want `starts a new trace although "q" is in scope.*\(TL101\)`
}
