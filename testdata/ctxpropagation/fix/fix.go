// Package fix holds the shapes whose ctxpropagation fixes are checked
// against fix.go.golden.
package fix

import (
	"context"
	"database/sql"
	"log/slog"
	"net"
	"net/http"
	"os/exec"

	"go.opentelemetry.io/otel"
	"golang.org/x/sync/errgroup"
)

var tracer = otel.Tracer("fix")

// use may start spans under the context it gets.
func use(ctx context.Context) error {
	_, span := tracer.Start(ctx, "use")
	span.End()
	return nil
}

func roots(ctx context.Context) {
	use(context.Background()) // want `\(TL101\)`
	go func() {
		use(context.TODO()) // want `in a goroutine`
	}()
}

func variants(r *http.Request, db *sql.DB) {
	db.Query("SELECT $1", 1)                // want `\(TL102\)`
	db.Begin()                              // want `BeginTx`
	exec.Command("ls", "-l")                // want `CommandContext`
	net.Dial("tcp", "x:1")                  // want `DialContext`
	http.NewRequest("GET", "http://x", nil) // want `NewRequestWithContext`
	slog.Info("done", "n", 1)               // want `InfoContext`
	db.Ping()                               // want `PingContext`
	net.Listen("tcp", ":0")                 // want `ListenConfig`
	net.LookupHost("example.com")           // want `LookupHost`
}

// Work that outlives the request gets advice and no fix: the request's
// context may be cancelled before it runs.
func outlives(ctx context.Context, db *sql.DB) {
	go func() {
		db.Ping() // want `db.Ping in a goroutine is called without a context although "ctx" is in scope; use db.PingContext\(context.WithoutCancel\(ctx\), ...\)`
	}()
}

func spanContext(ctx context.Context) {
	_, span := tracer.Start(ctx, "load") // want `\(TL103\)`
	defer span.End()
	use(ctx)
}

func group(ctx context.Context) error {
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error { return use(ctx) }) // want `\(TL106\)`
	g.Go(func() error { return use(gctx) })
	return g.Wait()
}

var pkgCtx = context.Background()

func lifetime(ctx context.Context) {
	use(pkgCtx) // want `pkgCtx is a package-level context`
}

func returnsParent(ctx context.Context) (context.Context, func()) {
	_, span := tracer.Start(ctx, "op") // want `\(TL103\)`
	return ctx, func() { span.End() }
}
