// Package groups covers TL106: a group's parent context, and contexts
// re-derived from themselves in loops.
package groups

import (
	"context"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
	"golang.org/x/sync/errgroup"
)

var tracer = otel.Tracer("groups")

func fetch(context.Context, int) error { return nil }

func group(ctx context.Context, ids []int) error {
	g, gctx := errgroup.WithContext(ctx)
	for _, id := range ids {
		g.Go(func() error {
			return fetch(ctx, id) /* fix */ // want `ctx is the parent of group "g"'s context, so this call is not cancelled with the group; pass gctx \(TL106\)`
		})
		g.Go(func() error {
			return fetch(gctx, id) // ok
		})
		g.Go(func() error {
			return fetch(context.WithoutCancel(ctx), id) // ok: deliberately detached
		})
	}
	return g.Wait()
}

func unbound(ctx context.Context) error {
	g, _ := errgroup.WithContext(ctx)
	g.Go(func() error {
		return fetch(ctx, 1) // want `bind the context WithContext returns and pass it.*\(TL106\)`
	})
	return g.Wait()
}

// Pool is another WithContext-style group.
type Pool struct{}

func WithContext(ctx context.Context) (*Pool, context.Context) { return &Pool{}, ctx }
func (p *Pool) Submit(f func())                                {}

func pool(ctx context.Context) {
	p, pctx := WithContext(ctx)
	p.Submit(func() {
		fetch(ctx, 1) /* fix */ // want `pass pctx.*\(TL106\)`
	})
	_ = pctx
}

// A loop that runs until something happens grows the chain without bound.
func perMessage(ctx context.Context, msgs chan int) {
	for m := range msgs {
		ctx = context.WithValue(ctx, key{}, m) // want `so the chain of contexts grows with every iteration.*\(TL106\)`
		fetch(ctx, m)
	}
	for {
		ctx = context.WithValue(ctx, key{}, 0) // want `so the chain of contexts grows with every iteration.*\(TL106\)`
		fetch(ctx, 0)
	}
}

func loops(ctx context.Context, items []int) {
	var span trace.Span
	for _, item := range items {
		ctx, span = tracer.Start(ctx, "item") // want `ctx is derived from itself on every iteration of the loop, so each iteration's span nests under the previous one; derive a context for each iteration with := from the context the loop started with \(TL106\)`
		fetch(ctx, item)
		span.End()
	}
	for i := 0; i < 3; i++ {
		ctx = context.WithValue(ctx, key{}, i) // ok: a few values, on purpose
	}
	for k, v := range map[key]int{{}: 1} {
		ctx = context.WithValue(ctx, k, v) // ok: one value per entry
	}
	var cancel context.CancelFunc
	for range items {
		ctx, cancel = context.WithTimeout(ctx, time.Second) // want `derived from itself.*\(TL106\)`
		cancel()
	}
	for _, item := range items {
		itemCtx, span := tracer.Start(ctx, "item") // ok
		fetch(itemCtx, item)
		span.End()
	}
	for _, item := range items {
		ctx := ctx
		ctx, span := tracer.Start(ctx, "item") // ok: a per-iteration variable
		fetch(ctx, item)
		span.End()
	}
	ctx, span = tracer.Start(ctx, "after") // ok: not in a loop
	span.End()
}

type key struct{}

// The group's context rebinds ctx: every later ctx is the group's.
func rebound(ctx context.Context) error {
	g, ctx := errgroup.WithContext(ctx)
	g.Go(func() error { return fetch(ctx, 1) }) // ok
	return g.Wait()
}

// A for loop is counted when it has a condition and a post statement.
func counted(ctx context.Context, n int) {
	i := 0
	for ; i < n; i++ {
		ctx = context.WithValue(ctx, key{}, i) // ok: counted
	}
	for i < 2*n {
		ctx = context.WithValue(ctx, key{}, i) // want `so the chain of contexts grows with every iteration.*\(TL106\)`
		i++
	}
	for j := 0; ; j++ {
		ctx = context.WithValue(ctx, key{}, j) // want `so the chain of contexts grows with every iteration.*\(TL106\)`
		if j > n {
			break
		}
	}
	fetch(ctx, i)
}

// WithKey puts a key into ctx.
func WithKey(ctx context.Context, k int) context.Context { return ctx }

// Only starts and the context package's derivations grow a chain that is
// worth reporting: a function of the code's own is not judged.
func ownDerivation(ctx context.Context, keys []int) {
	for _, k := range keys {
		ctx = WithKey(ctx, k) // ok
	}
	fetch(ctx, 0)
}

// Each iteration starting from the loop's starting context is what TL106
// asks for, whether ctx is declared outside the loop or in it.
func fromParent(parent context.Context, items []int) {
	var ctx context.Context
	var span trace.Span
	for _, item := range items {
		ctx, span = tracer.Start(parent, "item") // ok
		fetch(ctx, item)
		span.End()
	}
	for _, item := range items {
		ctx := parent
		var span trace.Span
		ctx, span = tracer.Start(ctx, "item") // ok: ctx is declared in the loop
		fetch(ctx, item)
		span.End()
	}
}

// A derivation in the loop's header runs once.
func pollOnce(ctx context.Context) {
	var span trace.Span
	for ctx, span = tracer.Start(ctx, "poll"); ctx.Err() == nil; {
		fetch(ctx, 1)
		break
	}
	span.End()
}

// zlogger has a WithContext method of one result, as zerolog's Logger does.
type zlogger struct{}

func (zlogger) WithContext(ctx context.Context) context.Context { return ctx }

// A WithContext of one result makes no group.
func logged(ctx context.Context, l zlogger) {
	ctx = l.WithContext(ctx)
	fetch(ctx, 1)
}

// A group assigned with =, its context discarded, and a group used before
// it has a context.
func reused(ctx context.Context, run func(context.Context) error) error {
	g := new(errgroup.Group)
	g.Go(func() error { return fetch(ctx, 1) }) // ok: before the group has a context
	g, _ = errgroup.WithContext(ctx)
	g.Go(func() error {
		return run(ctx) // want `bind the context WithContext returns and pass it.*\(TL106\)`
	})
	return g.Wait()
}

// Only the group's own closures are judged.
func twoGroups(ctx context.Context, other *Pool) error {
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error { return fetch(gctx, 1) })
	other.Submit(func() { fetch(ctx, 2) }) // ok: another group's closure
	return g.Wait()
}

// reqCtx is a context that also carries another one, as some frameworks'
// request contexts do.
type reqCtx interface {
	context.Context
	Context() context.Context
}

// The parent is rc.Context(), not rc itself.
func groupOfCarried(rc reqCtx) error {
	g, gctx := errgroup.WithContext(rc.Context())
	g.Go(func() error { return fetch(rc, 1) }) // ok: not the group's parent
	g.Go(func() error { return fetch(gctx, 2) })
	return g.Wait()
}
