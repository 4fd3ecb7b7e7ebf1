package lint

import (
	"path"
	"strings"

	"github.com/tracelint/tracelint/internal/rust/syntax"
)

// inTest reports whether n is test code: a file of tests, benchmarks or
// examples (by its path), or an item marked #[test], #[tokio::test],
// #[cfg(test)] or the like. Test code starts roots, spawns tasks and
// copies headers on purpose, so the lints about trace structure leave it
// alone; the contract and privacy lints do not.
func (f *file) inTest(n *syntax.Node) bool {
	if f.testFile() {
		return true
	}
	for p := n; p != nil; p = p.Parent {
		if !strings.HasSuffix(p.Kind, "_item") {
			continue
		}
		for _, attr := range attributesBefore(p) {
			a := strings.ReplaceAll(f.text(attr), " ", "")
			if strings.HasSuffix(a, "test]") || strings.Contains(a, "test)") || strings.Contains(a, "::test(") || strings.Contains(a, "bench]") {
				return true
			}
		}
	}
	return false
}

// testFile reports a file of tests, benchmarks or examples: below a
// tests, benches or examples directory, or named tests.rs or *_test.rs.
func (f *file) testFile() bool {
	p := "/" + strings.ReplaceAll(f.path, "\\", "/")
	for _, dir := range []string{"/tests/", "/benches/", "/examples/"} {
		if strings.Contains(p, dir) {
			return true
		}
	}
	base := path.Base(p)
	return base == "tests.rs" || base == "test.rs" || strings.HasSuffix(base, "_test.rs") || strings.HasSuffix(base, "_tests.rs")
}
