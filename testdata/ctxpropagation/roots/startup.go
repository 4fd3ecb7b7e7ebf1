package roots

import (
	"context"
	"net"
	"net/http"
	"time"
)

// A function that starts a server is start-up code: its context is the
// server's lifetime, not a request's.
func startServer(ctx context.Context, srv *http.Server) error {
	l, err := net.Listen("tcp", ":0") // ok: starts a server, ctx is its lifetime
	if err != nil {
		return err
	}
	use(context.Background()) // ok: ctx is the server's lifetime
	return srv.Serve(l)
}

// Handing the serve method over counts as starting the server.
func startGraceful(ctx context.Context, srv *http.Server, run func(func() error)) {
	use(context.Background()) // ok: ctx is the server's lifetime
	run(srv.ListenAndServe)
}

// Handlers built inside start-up code still serve requests.
func startWithHandler(ctx context.Context, srv *http.Server) error {
	srv.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		use(context.Background()) /* fix */ // want `starts a new trace although "r" is in scope; pass r.Context\(\).*TL101`
	})
	return srv.ListenAndServe()
}

// Listening without serving keeps the context of the work.
func dialBack(ctx context.Context) {
	net.Listen("tcp", ":0") /* fix */ // want `net.Listen is called without a context although "ctx" is in scope.*TL102`
}

type datastore struct{}

// A constructor bounds its set-up with a timeout of its own: the deadline is
// the point of the root.
func NewDatastore(ctx context.Context, url string) (*datastore, error) {
	initCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second) // ok: set-up bounded by its own timeout
	defer cancel()
	use(initCtx)
	return &datastore{}, nil
}

// Without a timeout of its own, a constructor's root is still reported.
func newDatastoreUnbounded(ctx context.Context) (*datastore, error) {
	use(context.Background()) /* fix */ // want `starts a new trace although "ctx" is in scope.*TL101`
	return &datastore{}, nil
}

// Outside a constructor, a root bounded by a timeout loses the trace.
func (s *datastore) refresh(ctx context.Context) {
	rctx, cancel := context.WithTimeout(context.Background(), time.Second) /* fix */ // want `starts a new trace although "ctx" is in scope.*TL101`
	defer cancel()
	use(rctx)
}

// A root marked deliberate is judged by the comments of its own file; each
// file of the package has one, whatever order they are parsed in.
func markedStartup(ctx context.Context) {
	_ = use(ctx)
	_ = use(context.Background()) // ok: detached on purpose
}

// A constructor may bound its set-up with a deadline too, and its name may
// start in lower case.
func newDatastoreUntil(ctx context.Context, at time.Time) (*datastore, error) {
	initCtx, cancel := context.WithDeadline(context.Background(), at) // ok: set-up bounded by its own deadline
	defer cancel()
	use(initCtx)
	return &datastore{}, nil
}

// What builds nothing, or builds a context or an error first, is no
// constructor; nor is a function of another name.
func newNothing(ctx context.Context) {
	initCtx, cancel := context.WithTimeout(context.Background(), time.Second) /* fix */ // want `starts a new trace although "ctx" is in scope.*TL101`
	defer cancel()
	use(initCtx)
}

func NewSession(ctx context.Context) (context.Context, error) {
	sctx, cancel := context.WithTimeout(context.Background(), time.Second) /* fix */ // want `starts a new trace although "ctx" is in scope.*TL101`
	defer cancel()
	return sctx, nil
}

func newCheck(ctx context.Context) error {
	cctx, cancel := context.WithTimeout(context.Background(), time.Second) /* fix */ // want `starts a new trace although "ctx" is in scope.*TL101`
	defer cancel()
	return use(cctx)
}

func loadDatastore(ctx context.Context) (*datastore, error) {
	lctx, cancel := context.WithTimeout(context.Background(), time.Second) /* fix */ // want `starts a new trace although "ctx" is in scope.*TL101`
	defer cancel()
	use(lctx)
	return &datastore{}, nil
}

// An empty result list, as unformatted code may write it, builds nothing.
// (gofmt would drop the parentheses: this file keeps them on purpose.)
func newEmpty(ctx context.Context) () {
	initCtx, cancel := context.WithTimeout(context.Background(), time.Second) /* fix */ // want `starts a new trace although "ctx" is in scope.*TL101`
	defer cancel()
	use(initCtx)
}

// Only a timeout or a deadline bounds a constructor's set-up: a cancel
// function does not.
func newDatastoreCancelled(ctx context.Context) (*datastore, error) {
	initCtx, cancel := context.WithCancel(context.Background()) /* fix */ // want `starts a new trace although "ctx" is in scope.*TL101`
	defer cancel()
	use(initCtx)
	return &datastore{}, nil
}
