// Package testutil is test scaffolding by its name: ctxpropagation does not
// report in it unless ctxpropagation.tests is set.
package testutil

import "context"

func use(context.Context) {}

// Seed fills a test database.
func Seed(ctx context.Context) {
	use(context.Background()) // ok: test scaffolding
}
