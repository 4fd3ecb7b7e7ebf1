package lint_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/finding"
	"github.com/tracelint/tracelint/internal/rust/lint"
	"github.com/tracelint/tracelint/internal/rust/syntax"
	"github.com/tracelint/tracelint/internal/rust/treesitter"
)

// wantRE matches the expectations of a test file's line: // want: TL402 TL301
var wantRE = regexp.MustCompile(`// want: ([\w ]+?)\s*$`)

// configRE matches a test file's configuration, on its first lines:
// // config: {enable: [TL204]}
var configRE = regexp.MustCompile(`(?m)^// config: (.*)$`)

// check runs the lints over src with the configuration its // config:
// line gives, relative to dir.
func check(t *testing.T, name string, src []byte, dir string) []finding.Finding {
	t.Helper()
	cfg := config.Default()
	if m := configRE.FindSubmatch(src); m != nil {
		var err error
		cfg, err = config.Parse(m[1], filepath.Join(dir, config.FileName), lint.RuleIDs())
		if err != nil {
			t.Fatalf("%s: config: %v", name, err)
		}
	}
	return checkWith(t, cfg, name, src)
}

// checkWith parses src and checks it with cfg as the file name.
func checkWith(t testing.TB, cfg *config.Config, name string, src []byte) []finding.Finding {
	t.Helper()
	c, err := lint.NewChecker(cfg)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	root, err := newParser(t).Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	return c.File(name, src, root)
}

// newParser returns a Rust parser, closed when the test ends; a build
// without cgo skips the test.
func newParser(t testing.TB) syntax.Parser {
	t.Helper()
	p, err := treesitter.New()
	if err != nil {
		t.Skip(err)
	}
	t.Cleanup(p.Close)
	return p
}

// TestLints checks each testdata file: exactly the rules its // want:
// comments name are reported, on their lines.
func TestLints(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.rs"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no test files: %v", err)
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for i, line := range strings.Split(string(src), "\n") {
				if m := wantRE.FindStringSubmatch(line); m != nil {
					for _, rule := range strings.Fields(m[1]) {
						want = append(want, fmt.Sprintf("%d: %s", i+1, rule))
					}
				}
			}
			var got []string
			for _, f := range check(t, path, src, "testdata") {
				got = append(got, fmt.Sprintf("%d: %s", f.Pos.Line, f.Rule))
				if !strings.HasSuffix(f.Message, "tracelint::"+f.Analyzer+")") {
					t.Errorf("%s:%d: message does not end with the rule and lint: %s", path, f.Pos.Line, f.Message)
				}
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				var msgs []string
				for _, f := range check(t, path, src, "testdata") {
					msgs = append(msgs, fmt.Sprintf("%d:%d: %s", f.Pos.Line, f.Pos.Column, f.Message))
				}
				t.Errorf("got\n\t%s\nwant\n\t%s\nmessages:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"), strings.Join(msgs, "\n\t"))
			}
		})
	}
}

// TestTestFiles checks that files of tests, benchmarks and examples are
// test code to the syntactic lints, by their path.
func TestTestFiles(t *testing.T) {
	src := []byte("use tracing::info_span;\n#[tracing::instrument]\npub async fn f() {\n    let _root = info_span!(parent: None, \"root\");\n    tokio::spawn(async {});\n}\n")
	for path, want := range map[string]int{
		"src/lib.rs": 2, "tests/it.rs": 0, "crate/benches/b.rs": 0, "examples/server.rs": 0, "src/tests.rs": 0, "src/tests/mod.rs": 0, "src/client_test.rs": 0,
	} {
		if got := len(check(t, path, src, "testdata")); got != want {
			t.Errorf("%s: %d findings, want %d", path, got, want)
		}
	}
}
