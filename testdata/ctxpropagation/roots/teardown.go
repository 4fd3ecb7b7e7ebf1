package roots

import (
	"context"
	"net/http"
	"time"
)

type server struct{}

func (server) Shutdown(ctx context.Context) error { return nil }
func (server) GracefulStop(ctx context.Context)   {}
func (server) Serve(ctx context.Context) error    { return nil }

// After the request's context is done, a fresh root is the only context
// that still works: a shutdown waits for <-ctx.Done() and then stops.
func serveUntilDone(ctx context.Context, srv server) error {
	go srv.Serve(ctx)
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second) // ok: ctx is done
	defer cancel()
	return srv.Shutdown(sctx)
}

func selectDone(ctx context.Context, srv server, errs chan error) error {
	select {
	case <-ctx.Done():
		return srv.Shutdown(context.Background()) // ok: ctx is done
	case err := <-errs:
		use(context.Background()) /* fix */ // want `starts a new trace although "ctx" is in scope.*\(TL101\)`
		return err
	}
}

// A select that may have returned on ctx.Done() says nothing about the
// code after it.
func selectThenWork(ctx context.Context, ch chan int) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-ch:
	}
	return use(context.Background()) /* fix */ // want `starts a new trace although "ctx" is in scope.*\(TL101\)`
}

// A root made for a shutdown-like call, directly or through a timeout.
func stopOnError(ctx context.Context, srv server) {
	if err := srv.Serve(ctx); err != nil {
		srv.GracefulStop(context.Background())                           // ok: a shutdown call
		tctx, cancel := context.WithTimeout(context.TODO(), time.Second) // ok: for Shutdown below
		defer cancel()
		_ = srv.Shutdown(tctx)
	}
}

// Deferred teardown calls and cleanup hooks run when the work is over; any
// other deferred work still runs under the function's live context (a
// recovered panic logged with a fresh root loses the request's trace).
func deferredCleanup(ctx context.Context, srv server) {
	defer srv.Shutdown(context.Background()) // ok
	defer func() {
		use(context.Background()) /* fix */ // want `starts a new trace although "ctx" is in scope.*\(TL101\)`
	}()
	defer func() {
		if r := recover(); r != nil {
			logPanic(context.Background(), r) /* fix */ // want `starts a new trace although "ctx" is in scope.*\(TL101\)`
		}
	}()
	defer func() {
		gctx, cancel := context.WithTimeout(context.Background(), time.Second) // ok: a bounded deferred cleanup
		defer cancel()
		_ = use(gctx)
	}()
	use(ctx)
}

// lifecycle registers hooks, as testing.TB and fx.Lifecycle do.
type lifecycle struct{}

func (lifecycle) Cleanup(f func()) {}

func cleanupHook(ctx context.Context, lc lifecycle) {
	lc.Cleanup(func() {
		use(context.Background()) // ok: a cleanup hook
	})
}

// A root passed to ordinary work after a shutdown is still reported.
func notTeardown(w http.ResponseWriter, r *http.Request, srv server) {
	_ = srv.Serve(context.Background()) /* fix */ // want `although "r" is in scope.*\(TL101\)`
}

// A root the code marks as deliberate, as the peer linters' users write it.
func marked(ctx context.Context) {
	//nolint:contextcheck // the audit entry must be written even if the client hangs up
	use(context.Background())    // ok
	go use(context.Background()) //nolint:contextcheck
	// Detached on purpose: the cache refresh must not die with the request.
	use(context.TODO())       // ok
	use(context.Background()) // ok: intentionally not cancelled with the request
	// When the context is canceled, the wait should still finish.
	// Therefore, we use context.Background here.
	use(context.Background()) // ok
	// TODO: pass ctx once the store takes one.
	use(context.Background()) /* fix */ // want `starts a new trace.*\(TL101\)`
	use(context.Background()) //nolint:errcheck /* fix */ // want `starts a new trace.*\(TL101\)`
	// TODO: deliberately detached for now; pass ctx once the store takes one.
	use(context.Background()) /* fix */ // want `starts a new trace.*\(TL101\)`
	// Detached on purpose: the audit entry outlives the request.
	use(
		context.Background(), // ok: the comment above the statement says so
	)
}

func logPanic(ctx context.Context, r any) {}

// A context made only as a cancellation signal runs no work.
func sleep(parentCtx context.Context, d time.Duration) {
	sleepCtx, cancel := context.WithCancel(context.Background()) // ok: a signal only
	defer cancel()
	select {
	case <-sleepCtx.Done():
	case <-parentCtx.Done():
	case <-time.After(d):
	}
}

// A root is for a teardown only when that variable goes to it, whichever
// value of its assignment it is.
func shutdownWithRequest(ctx context.Context, srv server) {
	bg := context.Background() /* fix */ // want `starts a new trace although "ctx" is in scope.*\(TL101\)`
	_ = use(bg)
	_ = srv.Shutdown(ctx)
}

func shutdownPaired(ctx context.Context, srv server) {
	n, sctx := 5, context.Background() // ok: for Shutdown below
	var m, tctx = 6, context.TODO()    // ok: for GracefulStop below
	_ = srv.Shutdown(sctx)
	srv.GracefulStop(tctx)
	_, _ = n, m
}
