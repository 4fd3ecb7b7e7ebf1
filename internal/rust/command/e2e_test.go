package command

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tracelint/tracelint/internal/findingout"
	"github.com/tracelint/tracelint/internal/rust/treesitter"
)

// The tests of this file run Main, with tree-sitter and the lints: they
// skip in a build without cgo.

// runMain runs Main with args in the working directory.
func runMain(t *testing.T, args ...string) result {
	t.Helper()
	if !treesitter.Available {
		t.Skip("tracelint rust needs cgo")
	}
	var out, errOut bytes.Buffer
	code := Main(args, &out, &errOut)
	return result{stdout: out.String(), stderr: errOut.String(), code: code}
}

// findingLine is a finding in the text format: file, line, column, and
// the rule in the parentheses that end the message.
var findingLine = regexp.MustCompile(`(?m)^(\S+):(\d+):\d+: .*\((TL\d+|[a-z_]+)(?:, [^()]*)?\)$`)

// rulesAt returns "file:line rule" for each finding of text output.
func rulesAt(text string) map[string]bool {
	set := make(map[string]bool)
	for _, m := range findingLine.FindAllStringSubmatch(text, -1) {
		set[m[1]+":"+m[2]+" "+m[3]] = true
	}
	return set
}

// clean is Rust that no lint reports, and a file with a syntax error,
// which tree-sitter parses all the same.
var clean = []string{
	"src/main.rs=use tracing::info_span;\n\nfn main() {\n    let span = info_span!(\"startup\", version = 3);\n    let _guard = span.enter();\n    println!(\"hi\");\n}\n",
	"src/broken.rs=fn f( {\n",
}

func TestRustCleanTree(t *testing.T) {
	tree(t, clean...)
	for _, format := range findingout.Formats {
		res := runMain(t, "-format", format)
		if res.code != exitClean || res.stderr != "no findings in 2 files\n" {
			t.Errorf("-format %s: exit code %d, stderr %q; want 0 and the summary\nstdout:\n%s", format, res.code, res.stderr, res.stdout)
		}
	}
}

// leaky has one finding of each of two lints, certain cases: a secret in
// a span field (pii_in_telemetry, TL401) and a guard dropped at once
// (span_guard_dropped_at_once, TL202).
const leaky = `use tracing::info_span;

fn login(password: &str) {
    let span = info_span!("login", user.password = %password);
    let _ = span.enter();
}
`

// TestFindings checks the findings of the lints in every format.
//
// NEEDS lint.Checker.File: it fails while File returns nil.
func TestRustFindings(t *testing.T) {
	dir := tree(t, "src/login.rs="+leaky)
	file := filepath.Join(dir, "src", "login.rs")

	t.Run("text", func(t *testing.T) {
		res := runMain(t)
		got := rulesAt(res.stdout)
		for _, want := range []string{"src/login.rs:4 TL401", "src/login.rs:5 TL202"} {
			if !got[want] {
				t.Errorf("no finding %s:\n%s", want, res.stdout)
			}
		}
		if res.code != exitFindings || !strings.Contains(res.stderr, "TL202 ×1") || !strings.Contains(res.stderr, "TL401 ×1") || !strings.HasSuffix(res.stderr, " in 1 file\n") {
			t.Errorf("exit code %d, stderr %q; want 3 and a summary with TL202 ×1 and TL401 ×1", res.code, res.stderr)
		}
	})

	for _, args := range [][]string{{"-format", "json"}, {"-json"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			res := runMain(t, args...)
			var tree map[string]map[string][]findingout.Diagnostic
			if err := json.Unmarshal([]byte(res.stdout), &tree); err != nil {
				t.Fatalf("%v:\n%s", err, res.stdout)
			}
			for lint, want := range map[string]string{"pii_in_telemetry": "TL401", "span_guard_dropped_at_once": "TL202"} {
				ds := tree["src"][lint]
				if len(ds) != 1 || ds[0].Category != want || !strings.HasPrefix(ds[0].Posn, file+":") {
					t.Errorf("src/%s: %+v, want one %s finding at %s", lint, ds, want, file)
				}
			}
			if res.code != exitFindings {
				t.Errorf("exit code %d, want 3", res.code)
			}
		})
	}

	t.Run("sarif", func(t *testing.T) {
		res := runMain(t, "-format", "sarif")
		var log struct {
			Runs []struct{ Results []struct{ RuleID string } }
		}
		if err := json.Unmarshal([]byte(res.stdout), &log); err != nil || len(log.Runs) != 1 {
			t.Fatalf("%v, or not one run:\n%s", err, res.stdout)
		}
		var rules []string
		for _, r := range log.Runs[0].Results {
			rules = append(rules, r.RuleID)
		}
		if got := strings.Join(rules, " "); !strings.Contains(got, "TL401") || !strings.Contains(got, "TL202") || res.code != exitFindings {
			t.Errorf("exit code %d, results of %q; want 3, TL401 and TL202", res.code, rules)
		}
	})

	t.Run("github", func(t *testing.T) {
		res := runMain(t, "-format", "github")
		for _, want := range []string{"::warning file=src/login.rs,line=4,", "title=TL401::", "::warning file=src/login.rs,line=5,", "title=TL202::"} {
			if !strings.Contains(res.stdout, want) {
				t.Errorf("stdout lacks %q:\n%s", want, res.stdout)
			}
		}
		if res.code != exitFindings {
			t.Errorf("exit code %d, want 3", res.code)
		}
	})
}

// TestFindingsPerDirectory checks that each file is checked with its own
// configuration, and that the output does not depend on the number of
// workers.
//
// NEEDS lint.Checker.File: it fails while File returns nil.
func TestRustFindingsPerDirectory(t *testing.T) {
	tree(t, "a/login.rs="+leaky, "b/login.rs="+leaky, "b/.tracelint.yml=disable: [TL401]\n", "c/login.rs="+leaky, "d/login.rs="+leaky)
	one := runMain(t, "-j", "1")
	got := rulesAt(one.stdout)
	for _, want := range []string{"a/login.rs:4 TL401", "a/login.rs:5 TL202", "b/login.rs:5 TL202", "c/login.rs:4 TL401", "d/login.rs:4 TL401"} {
		if !got[want] {
			t.Errorf("no finding %s:\n%s", want, one.stdout)
		}
	}
	if got["b/login.rs:4 TL401"] {
		t.Errorf("b/.tracelint.yml disables TL401, yet:\n%s", one.stdout)
	}
	if one.code != exitFindings || !strings.Contains(one.stderr, "TL401 ×3") || !strings.Contains(one.stderr, "TL202 ×4") {
		t.Errorf("exit code %d, stderr %q; want 3, TL401 ×3 and TL202 ×4", one.code, one.stderr)
	}
	for range 3 {
		if two := runMain(t, "-j", "2"); two.stdout != one.stdout || two.stderr != one.stderr || two.code != one.code {
			t.Errorf("-j 2: %+v\n-j 1: %+v", two, one)
		}
	}
}
