package crosspkg

import (
	"context"
	"net/http"
	"testing"
)

// newFixture can use t.Context(): it can receive a context.
func newFixture(t *testing.T) {
	_ = context.Background()
}

func check(ctx context.Context, t *testing.T, r *http.Request) {
	newFixture(t)                   // ok
	_ = r.Header.Get("traceparent") // ok: tests check what went over the wire
}
