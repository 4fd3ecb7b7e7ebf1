// Package testenv lets a test that needs something outside Go (cargo, the
// Debian crates, the semantic-conventions model) skip where it is missing,
// and fail instead in CI, where a skip would hide a broken set-up.
package testenv

import (
	"os"
	"testing"
)

// Missing skips the test with the one-line reason, or, when the CI
// environment variable is "true" (.ci/run sets it), fails it.
func Missing(t testing.TB, reason string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s (CI=true: required here)", reason)
	}
	t.Skip(reason)
}
