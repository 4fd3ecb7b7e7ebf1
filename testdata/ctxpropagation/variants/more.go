package variants

import (
	"context"
	"net/http"
)

// Query is built with or without a context.
type Query struct{ ctx context.Context }

// NewQuery builds a query.
func NewQuery(s string) *Query { return &Query{} }

// NewQueryContext builds a query under ctx.
func NewQueryContext(ctx context.Context, s string) *Query { return &Query{ctx: ctx} }

// Clone copies the query; it attaches no context.
func (q *Query) Clone() *Query { return q }

func cloned(ctx context.Context) *Query {
	q := NewQuery("x") /* fix */ // want `use NewQueryContext\(ctx, ...\).*\(TL102\)`
	return q.Clone()
}

// A method with one argument attaches nothing unless it is named for it.
func withCookie(ctx context.Context, client *http.Client, c *http.Cookie) {
	req, _ := http.NewRequest("GET", "http://x", nil) /* fix */ // want `http.NewRequestWithContext.*\(TL102\)`
	req.AddCookie(c)
	client.Do(req)
}
