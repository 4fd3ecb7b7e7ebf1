package configured

import (
	"context"
	"net/http"
	"testing"
)

// With testing-context, a test helper's t.Context() is available.
func helper(t *testing.T) {
	use(context.Background()) /* fix */ // want `although "t" is in scope; pass t.Context\(\).*\(TL101\)`
}

// With tests, a test helper that receives a context is checked...
func ctxHelper(ctx context.Context) {
	use(context.Background()) /* fix */ // want `although "ctx" is in scope; pass ctx.*\(TL101\)`
}

// ...but the top level of a test is still where its roots belong.
func TestTop(t *testing.T) {
	use(context.Background()) // ok
}

type store struct{}

func (store) Fetch(id string) error                             { return nil }
func (store) FetchContext(ctx context.Context, id string) error { return ctx.Err() }

// A helper is told to pass its context on...
func fetchHelper(ctx context.Context, s store) {
	_ = s.Fetch("1") /* fix */ // want `s.Fetch is called without a context although "ctx" is in scope.*\(TL102\)`
	drain()          // want `drain cannot receive "ctx".*\(TL104\)`
}

// ...a test's top level is not: its calls do the test's own work.
func TestCalls(t *testing.T) {
	ctx := t.Context()
	use(ctx)
	var s store
	_ = s.Fetch("1") // ok
	drain()          // ok
}

// A test checks what went over the wire.
func TestHeaders(t *testing.T) {
	r, _ := http.NewRequest(http.MethodGet, "/", nil)
	_ = r.Header.Get("traceparent") // ok
}

// An exported helper of a test file is no test either.
func CtxHelper(ctx context.Context) {
	use(context.Background()) /* fix */ // want `although "ctx" is in scope; pass ctx.*\(TL101\)`
}

// A method named like a test is no test: go test runs functions only.
type suite struct{}

func (suite) TestLoad(ctx context.Context) {
	use(context.Background()) /* fix */ // want `although "ctx" is in scope; pass ctx.*\(TL101\)`
}
