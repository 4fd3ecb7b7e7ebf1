package lint

import (
	"path"
	"regexp"
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
			if f.testAttribute(attr) {
				return true
			}
		}
	}
	return false
}

// testAttribute reports an attribute that makes its item a test:
// #[test], #[tokio::test(..)], #[bench], or a cfg that needs test
// (#[cfg(test)], #[cfg(all(test, feature = "x"))], not #[cfg(not(test))]).
func (f *file) testAttribute(item *syntax.Node) bool {
	attr := firstNamed(item, "attribute")
	if attr == nil || len(attr.NamedChildren()) == 0 {
		return false
	}
	path := f.text(attr.NamedChildren()[0])
	switch last := lastSegment(path); {
	case last == "test" || last == "bench":
		return true
	case path != "cfg":
		return false
	}
	args := strings.ReplaceAll(f.text(attr.ChildByField("arguments")), " ", "")
	for {
		i := strings.Index(args, "not(")
		if i < 0 {
			break
		}
		depth, j := 0, i+3
		for ; j < len(args); j++ {
			if args[j] == '(' {
				depth++
			} else if args[j] == ')' {
				if depth--; depth == 0 {
					break
				}
			}
		}
		args = args[:i] + args[min(j+1, len(args)):]
	}
	return testWordRE.MatchString(args)
}

// testWordRE matches the cfg predicate test, not feature = "test".
var testWordRE = regexp.MustCompile(`[(,]test[,)]`)

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
