// Package testhelp has test helpers that take a *testing.T, for TL104's
// cross-package cases.
package testhelp

import (
	"context"
	"testing"
)

// Prepare takes a test, whose Context() it could use: its root is its own
// business, not its callers'.
func Prepare(t *testing.T) { _ = context.Background() }
