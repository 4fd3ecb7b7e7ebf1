// Package variants covers TL102: APIs with a context-taking variant.
package variants

import (
	"context"
	"database/sql"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"time"

	"google.golang.org/grpc"
)

func stdlib(ctx context.Context, db *sql.DB, tx *sql.Tx, stmt *sql.Stmt, client *http.Client, logger *slog.Logger) {
	http.Get("http://x")                       // want `http.Get is called without a context although "ctx" is in scope; use http.NewRequestWithContext\(ctx, ...\) and Client.Do so the call joins the request's trace and stops with it \(TL102\)`
	client.Post("http://x", "text/plain", nil) // want `client.Post is called without a context.*\(TL102\)`
	http.NewRequest("GET", "http://x", nil)    /* fix */ // want `use http.NewRequestWithContext\(ctx, ...\).*\(TL102\)`
	db.Query("SELECT 1")                       /* fix */ // want `db.Query is called without a context although "ctx" is in scope; use db.QueryContext\(ctx, ...\).*\(TL102\)`
	db.QueryRow("SELECT 1")                    /* fix */ // want `db.QueryRowContext.*\(TL102\)`
	db.Exec("DELETE FROM t")                   /* fix */ // want `db.ExecContext.*\(TL102\)`
	db.Ping()                                  /* fix */ // want `db.PingContext.*\(TL102\)`
	db.Prepare("SELECT 1")                     /* fix */ // want `db.PrepareContext.*\(TL102\)`
	db.Begin()                                 /* fix */ // want `use db.BeginTx\(ctx, nil\).*\(TL102\)`
	tx.Exec("DELETE FROM t")                   /* fix */ // want `tx.ExecContext.*\(TL102\)`
	tx.Commit()                                // ok: no variant
	stmt.Query()                               /* fix */ // want `stmt.QueryContext.*\(TL102\)`
	exec.Command("ls")                         /* fix */ // want `exec.CommandContext.*\(TL102\)`
	net.Dial("tcp", "x:1")                     /* fix */ // want `use \(&net.Dialer\{\}\).DialContext\(ctx, ...\).*\(TL102\)`
	net.DialTimeout("tcp", "x:1", 0)           // want `use \(&net.Dialer\{Timeout: timeout\}\).DialContext\(ctx, ...\).*\(TL102\)`
	net.Listen("tcp", ":0")                    /* fix */ // want `use \(&net.ListenConfig\{\}\).Listen\(ctx, ...\).*\(TL102\)`
	(&net.Dialer{}).Dial("tcp", "x:1")         /* fix */ // want `DialContext.*\(TL102\)`
	slog.Info("done")                          /* fix */ // want `slog.Info is called without a context although "ctx" is in scope; use slog.InfoContext\(ctx, ...\).*\(TL102\)`
	logger.Error("failed", "err", "x")         /* fix */ // want `logger.ErrorContext.*\(TL102\)`
	slog.Log(ctx, slog.LevelInfo, "done")      // ok: takes a context
	logger.InfoContext(ctx, "done")            // ok
	req, _ := http.NewRequestWithContext(ctx, "GET", "http://x", nil)
	client.Do(req)                                       // ok: the request carries ctx
	signal.Notify(make(chan os.Signal, 1), os.Interrupt) // ok: NotifyContext is another API
	strings.ToUpper("x")                                 // ok
}

// Client is a project's own API with a context-taking variant. Variants
// read their context: one that ignores it is not worth calling (loggers.go).
type Client struct{}

func (c *Client) Fetch(id string) error                              { return nil }
func (c *Client) FetchContext(ctx context.Context, id string) error  { return ctx.Err() }
func (c *Client) Store(id string) error                              { return nil }
func (c *Client) StoreWithContext(ctx context.Context, id int) error { return nil }
func (c *Client) Delete(ctx context.Context, id string) error        { return nil }
func (c *Client) DeleteContext(ctx context.Context, id string) error { return nil }

// Lookup is a package function with a variant, generic.
func Lookup[T any](key string) T                             { var v T; return v }
func LookupContext[T any](ctx context.Context, key string) T { var v T; _ = ctx; return v }

func project(r *http.Request, c *Client) {
	c.Fetch("1")               /* fix */ // want `c.Fetch is called without a context although "r" is in scope; use c.FetchContext\(r.Context\(\), ...\).*\(TL102\)`
	c.Store("1")               // ok: StoreWithContext takes other parameters
	c.Delete(r.Context(), "1") // ok: takes a context already
	_ = Lookup[int]("k")       /* fix */ // want `use LookupContext\(r.Context\(\), ...\).*\(TL102\)`
	fetch := c.Fetch           // ok: a method value, not a call
	_ = fetch
}

// Chain is a long call chain.
type Chain struct{}

func (Chain) Select(string) Chain                   { return Chain{} }
func (Chain) Where(string) Chain                    { return Chain{} }
func (Chain) Scan() error                           { return nil }
func (Chain) ScanContext(ctx context.Context) error { return ctx.Err() }

func chain(ctx context.Context, db Chain) {
	db.Select("id").Where("id = 1").Where("name = 'x'").Scan() /* fix */ // want `Chain.Scan is called without a context although "ctx" is in scope; use Chain.ScanContext\(ctx, ...\).*\(TL102\)`
}

// No context in scope: nothing to report.
func background(db *sql.DB) {
	db.Query("SELECT 1") // ok
	slog.Info("x")       // ok
}

// A request whose context is attached after it is built.
func attachedLater(ctx context.Context, client *http.Client) {
	req, _ := http.NewRequest("GET", "http://x", nil) // ok: WithContext below
	client.Do(req.WithContext(ctx))
	handed, _ := http.NewRequest("GET", "http://x", nil) // ok: invoke gets ctx with it
	invoke(ctx, client, handed)
	other, _ := http.NewRequest("GET", "http://x", nil) /* fix */ // want `http.NewRequestWithContext.*\(TL102\)`
	client.Do(other)
}

// Inside the variant itself, calling the plain function is how the variant
// is built (exec.CommandContext calls exec.Command).
func (c *Client) Get(id string) error { return nil }
func (c *Client) GetContext(ctx context.Context, id string) error {
	if err := c.Get(id); err != nil { // ok: the variant's own body
		return err
	}
	return ctx.Err()
}

// lifecycle registers cleanup hooks, as testing.TB does.
type lifecycle struct{}

func (lifecycle) Cleanup(f func()) {}

// A cleanup hook runs after the request's context may be cancelled.
func hook(ctx context.Context, lc lifecycle, db *sql.DB) {
	lc.Cleanup(func() {
		db.Exec("DELETE FROM t") // want `db.Exec in a cleanup hook is called without a context although "ctx" is in scope; use db.ExecContext\(context.WithoutCancel\(ctx\), ...\).*\(TL102\)`
	})
}

// A request built and returned: its caller sends it with its own context.
func build(ctx context.Context, url string) (*http.Request, error) {
	req, err := http.NewRequest("GET", url, nil) // ok: returned to the caller
	if err != nil {
		return nil, err
	}
	return req, nil
}

// A callback stored in a field runs later, once per event, on behalf of
// whoever triggers it: the constructor's context is not its context.
func newTransport(ctx context.Context, timeout time.Duration) *http.Transport {
	t := &http.Transport{
		Dial: func(network, address string) (net.Conn, error) {
			return (&net.Dialer{Timeout: timeout}).Dial(network, address) // ok
		},
	}
	t.DialTLS = func(network, address string) (net.Conn, error) {
		return net.Dial(network, address) // ok
	}
	use(ctx)
	return t
}

func use(context.Context) {}

// Params is shaped like go-swagger's generated parameters: a constructor
// with a WithContext twin, and a WithContext method.
type Params struct{ ctx context.Context }

func NewParams() *Params                                  { return &Params{} }
func NewParamsWithContext(ctx context.Context) *Params    { return &Params{ctx: ctx} }
func (p *Params) WithTimeout(d time.Duration) *Params     { return p }
func (p *Params) WithContext(ctx context.Context) *Params { p.ctx = ctx; return p }
func (p *Params) SetContext(ctx context.Context)          { p.ctx = ctx }

func swagger(ctx context.Context) {
	_ = NewParams().WithContext(ctx)                          // ok: chained
	_ = NewParams().WithTimeout(time.Second).WithContext(ctx) // ok: chained
	p := NewParams()                                          // ok: SetContext below
	p.SetContext(ctx)
	_ = NewParams() /* fix */ // want `use NewParamsWithContext\(ctx, ...\).*\(TL102\)`
}

// Resolver shortcuts and grpc.Dial.
func network(ctx context.Context) {
	net.LookupHost("example.com") /* fix */ // want `net.LookupHost is called without a context although "ctx" is in scope; use net.DefaultResolver.LookupHost\(ctx, ...\).*\(TL102\)`
	net.LookupIP("example.com")   // want `use net.DefaultResolver.LookupIP\(ctx, "ip", ...\).*\(TL102\)`
	grpc.Dial("x:1")              // want `grpc.Dial is called without a context although "ctx" is in scope; use grpc.NewClient, and pass ctx to each call on the connection.*\(TL102\)`
	grpc.DialContext(ctx, "x:1")  // ok: takes a context (deprecated, but not this rule's business)
	grpc.NewClient("x:1")         // ok
}

func invoke(ctx context.Context, client *http.Client, req *http.Request) {
	client.Do(req.WithContext(ctx))
}

// A request kept as a template in a struct is sent later, with the context
// of each send.
type builder struct{ r *http.Request }

func newBuilder(ctx context.Context, url string) *builder {
	r, _ := http.NewRequest("GET", url, nil) // ok: a template
	return &builder{r: r}
}

// forward is only ever started as a goroutine, after the response: the
// request's context may be cancelled by the time it runs.
func forward(req *http.Request, client *http.Client) {
	out, _ := http.NewRequest("POST", "http://sibling", nil) // want `http.NewRequest in a function that only runs as a goroutine is called without a context although "req" is in scope; use http.NewRequestWithContext\(context.WithoutCancel\(req.Context\(\)\), ...\).*\(TL102\)`
	client.Do(out)
}

func serveAndForward(w http.ResponseWriter, req *http.Request, client *http.Client) {
	go forward(req, client)
}

var defaultClient Client

// A call at package level has no context to pass.
var preloaded = defaultClient.Fetch("config") // ok

// legacy has methods whose ...Context namesakes are other APIs: a first
// parameter that is not a context, none at all, other results, a slice
// for the variadic parameter, a parameter fewer.
type legacy struct{}

func (legacy) Get(id string) error                              { return nil }
func (legacy) GetContext(l, id string) error                    { return label(l) }
func (legacy) Ping() error                                      { return nil }
func (legacy) PingContext() error                               { return nil }
func (legacy) Find(id string) (string, error)                   { return "", nil }
func (legacy) FindContext(ctx context.Context, id string) error { return ctx.Err() }
func (legacy) Printf(format string, args ...any)                {}
func (legacy) PrintfContext(ctx context.Context, format string, args []any) {
	_ = ctx.Err()
}
func (legacy) Send(to, body string)                       {}
func (legacy) SendContext(ctx context.Context, to string) { _ = ctx.Err() }

func label(s string) error { return nil }

func notVariants(ctx context.Context, l legacy) {
	_ = l.Get("1")     // ok
	_ = l.Ping()       // ok
	_, _ = l.Find("1") // ok
	l.Printf("%d", 1)  // ok
	l.Send("a", "b")   // ok
}

// Only the request's own WithContext attaches a context to it; only the
// request built here, returned or kept in a struct, is sent elsewhere; a
// command is sent nowhere else.
func attachedToOther(ctx context.Context, client *http.Client, prev *http.Request) (*http.Request, int) {
	req, _ := http.NewRequest("GET", "http://x", nil) /* fix */ // want `http.NewRequestWithContext.*\(TL102\)`
	prev = prev.WithContext(ctx)
	n := len(strings.Fields("a b"))
	_ = struct{ n int }{n: n}
	sendWith(client, req)
	return prev, n
}

func sendWith(c *http.Client, r *http.Request) { c.Do(r) }

type sendJob struct{ req *http.Request }

func kept(ctx context.Context) sendJob {
	req, _ := http.NewRequest("GET", "http://x", nil) // ok: kept as a template
	return sendJob{req: req}
}

func command(ctx context.Context) *exec.Cmd {
	cmd := exec.Command("ls") /* fix */ // want `exec.CommandContext.*\(TL102\)`
	return cmd
}

func commandKept(ctx context.Context) struct{ cmd *exec.Cmd } {
	cmd := exec.Command("ls") /* fix */ // want `exec.CommandContext.*\(TL102\)`
	return struct{ cmd *exec.Cmd }{cmd: cmd}
}
