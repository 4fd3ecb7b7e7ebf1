package lint_test

import (
	"slices"
	"testing"

	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/rust/lint"
)

// TestRustOnlyRulesConfigurable checks that every lint with no Go rule is
// one the configuration accepts by name, in the Go command too.
func TestRustOnlyRulesConfigurable(t *testing.T) {
	var names []string
	for _, l := range lint.Lints {
		if len(l.Mirrors) == 0 {
			names = append(names, l.Name)
		}
	}
	slices.Sort(names)
	want := slices.Sorted(slices.Values(config.RustOnlyRules))
	if !slices.Equal(names, want) {
		t.Errorf("lints with no Go rule: %v; config.RustOnlyRules: %v", names, want)
	}
}
