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
	use(context.Background()) /* fix */ // want `\(TL101\)`
	go func() {
		use(context.TODO()) /* fix */ // want `in a goroutine.*\(TL101\)`
	}()
}

func variants(r *http.Request, db *sql.DB) {
	db.Query("SELECT $1", 1)                /* fix */ // want `\(TL102\)`
	db.Begin()                              /* fix */ // want `BeginTx.*\(TL102\)`
	exec.Command("ls", "-l")                /* fix */ // want `CommandContext.*\(TL102\)`
	net.Dial("tcp", "x:1")                  /* fix */ // want `DialContext.*\(TL102\)`
	http.NewRequest("GET", "http://x", nil) /* fix */ // want `NewRequestWithContext.*\(TL102\)`
	slog.Info("done", "n", 1)               /* fix */ // want `InfoContext.*\(TL102\)`
	db.Ping()                               /* fix */ // want `PingContext.*\(TL102\)`
	net.Listen("tcp", ":0")                 /* fix */ // want `ListenConfig.*\(TL102\)`
	net.LookupHost("example.com")           /* fix */ // want `LookupHost.*\(TL102\)`
}

// Work that outlives the request gets advice and no fix: the request's
// context may be cancelled before it runs.
func outlives(ctx context.Context, db *sql.DB) {
	go func() {
		db.Ping() // want `db.Ping in a goroutine is called without a context although "ctx" is in scope; use db.PingContext\(context.WithoutCancel\(ctx\), ...\).*\(TL102\)`
	}()
}

func spanContext(ctx context.Context) {
	_, span := tracer.Start(ctx, "load") /* fix */ // want `\(TL103\)`
	defer span.End()
	use(ctx)
}

func group(ctx context.Context) error {
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error { return use(ctx) }) /* fix */ // want `\(TL106\)`
	g.Go(func() error { return use(gctx) })
	return g.Wait()
}

var pkgCtx = context.Background()

func lifetime(ctx context.Context) {
	use(pkgCtx) /* fix */ // want `pkgCtx is a package-level context.*\(TL101\)`
}

func returnsParent(ctx context.Context) (context.Context, func()) {
	_, span := tracer.Start(ctx, "op") /* fix */ // want `\(TL103\)`
	return ctx, func() { span.End() }
}
