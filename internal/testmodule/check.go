package testmodule

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// fixMarker states, on a line of a testdata file, that the diagnostics
// reported on that line carry a suggested fix: "/* fix */" for every one of
// them, "/* fix: TL303 */" for those of the rules listed only. A diagnostic
// on a line without a marker must carry none. analysistest alone checks the
// text of fixes against a .golden file, and only for files that got edits:
// a fix that disappears, or one that appears where none is meant, would go
// unnoticed.
var fixMarker = regexp.MustCompile(`/\* fix(?:: ((?:TL\d{3} ?)+))? \*/`)

// wantPattern matches the expectations of a // want comment: `regexp` or
// "regexp", each of which must name the rule it expects.
var (
	wantComment = regexp.MustCompile(`// want (.*)$`)
	wantPattern = regexp.MustCompile("`[^`]*`" + `|"(?:[^"\\]|\\.)*"`)
	ruleID      = regexp.MustCompile(`TL\d{3}`)
)

// Check checks what analysistest does not: every // want expectation in
// the analysed files names its rule ID, so that no expectation can match
// another rule's message; and every diagnostic carries a suggested fix
// exactly when its line says so with a fix marker (see fixMarker).
func Check(t *testing.T, results []*analysistest.Result) {
	t.Helper()
	type lineKey struct {
		file string
		line int
	}
	markers := make(map[lineKey][]string) // nil slice entry: every rule
	marked := make(map[lineKey]bool)
	seen := make(map[string]bool)
	for _, r := range results {
		for _, f := range r.Pass.Files {
			name := r.Pass.Fset.File(f.Pos()).Name()
			if seen[name] {
				continue
			}
			seen[name] = true
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			for i, line := range strings.Split(string(src), "\n") {
				k := lineKey{name, i + 1}
				if m := fixMarker.FindStringSubmatch(line); m != nil {
					marked[k] = true
					markers[k] = strings.Fields(m[1])
				}
				w := wantComment.FindStringSubmatch(line)
				if w == nil {
					continue
				}
				for _, p := range wantPattern.FindAllString(w[1], -1) {
					if !ruleID.MatchString(p) {
						t.Errorf("%s:%d: the expectation %s names no rule ID: end it with \\(TLnnn\\)", name, i+1, p)
					}
				}
			}
		}
	}
	fixed := make(map[lineKey]bool)
	for _, r := range results {
		for _, d := range r.Diagnostics {
			p := r.Pass.Fset.Position(d.Pos)
			k := lineKey{p.Filename, p.Line}
			rules, isMarked := markers[k], marked[k]
			want := isMarked && (len(rules) == 0 || slices.Contains(rules, d.Category))
			got := len(d.SuggestedFixes) > 0
			if got {
				fixed[k] = true
			}
			if got != want {
				t.Errorf("%s: %s diagnostic %q %s", p, d.Category, d.Message, fixMismatch(got))
			}
		}
	}
	for k := range marked {
		if !fixed[k] {
			t.Errorf("%s:%d: the line is marked /* fix */ but no diagnostic there carries a fix", k.file, k.line)
		}
	}
}

func fixMismatch(got bool) string {
	if got {
		return "carries a suggested fix, but its line has no /* fix */ marker"
	}
	return "carries no suggested fix, but its line is marked /* fix */"
}
