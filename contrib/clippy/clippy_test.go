// Package clippy_test checks contrib/clippy/clippy.toml and the Rust lint
// specification in docs/rust against the fixture crate in testdata/rust.
package clippy_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/tracelint/tracelint"

	"github.com/tracelint/tracelint/internal/testenv"
)

// registry is where Debian's librust-*-dev packages put crate sources; the
// fixture's .cargo/config.toml builds from it, offline.
const registry = "/usr/share/cargo/registry"

var (
	crateDir = filepath.Join("..", "..", "testdata", "rust")
	docsDir  = filepath.Join("..", "..", "docs", "rust")
)

// markerRE matches the expected lints in the fixture: //~ lint_name, several
// separated by spaces; tracelint rust's are written tracelint::lint_name and
// are left to the test in internal/rust/lint.
var markerRE = regexp.MustCompile(`//~ ([a-z_:]+(?: [a-z_:]+)*)\s*$`)

// TestClippy runs cargo clippy with clippy.toml on the fixture crate and
// expects exactly the lints its //~ markers name, on their lines: every bad
// example caught, no good example touched.
func TestClippy(t *testing.T) {
	cargo, err := exec.LookPath("cargo")
	if err != nil {
		testenv.Missing(t, "cargo is not installed; the Rust fixture cannot be checked here")
	}
	if out, err := exec.Command(cargo, "clippy", "--version").CombinedOutput(); err != nil {
		testenv.Missing(t, "cargo clippy does not run ("+strings.TrimSpace(firstLine(string(out)))+"); install clippy (rustup component add clippy, or Debian's rust-clippy)")
	}
	if missing := missingCrates(t); len(missing) > 0 {
		names := strings.Join(missing, ", ")
		if len(missing) > 3 {
			names = fmt.Sprintf("%s and %d more", strings.Join(missing[:3], ", "), len(missing)-3)
		}
		testenv.Missing(t, fmt.Sprintf("%d crates of the Rust fixture's Cargo.lock are not in %s (%s): install the Debian packages librust-tracing-dev, librust-tracing-attributes-dev and librust-tokio-dev (.ci/run does)",
			len(missing), registry, names))
	}
	confDir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(cargo, "clippy", "--offline", "--quiet", "--message-format=json")
	cmd.Dir = crateDir
	cmd.Env = append(os.Environ(), "CLIPPY_CONF_DIR="+confDir, "CARGO_TARGET_DIR="+t.TempDir(), "CARGO_TERM_COLOR=never")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("cargo clippy: %v\n%s", err, stderr.String())
	}
	got := clippyFindings(t, stdout.Bytes())
	want := markers(t)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("cargo clippy reported:\n%s\nthe fixture's //~ markers expect:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// missingCrates returns the crates of the fixture's Cargo.lock that are
// not in the Debian registry, as name-version: with some of Debian's
// packages installed but not all, cargo would fail with an error rather
// than the test skip.
func missingCrates(t *testing.T) []string {
	lock, err := os.ReadFile(filepath.Join(crateDir, "Cargo.lock"))
	if err != nil {
		t.Fatal(err)
	}
	var missing []string
	for _, pkg := range strings.Split(string(lock), "[[package]]")[1:] {
		fields := make(map[string]string)
		for line := range strings.Lines(pkg) {
			if k, v, ok := strings.Cut(line, " = "); ok {
				fields[k] = strings.Trim(strings.TrimSpace(v), `"`)
			}
		}
		if fields["source"] == "" { // the fixture itself
			continue
		}
		crate := fields["name"] + "-" + fields["version"]
		if _, err := os.Stat(filepath.Join(registry, crate)); err != nil {
			missing = append(missing, crate)
		}
	}
	return missing
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// clippyFindings returns cargo's diagnostics as "file:line: lint", sorted;
// a diagnostic without a lint code (a compiler error) keeps its message.
func clippyFindings(t *testing.T, out []byte) []string {
	var got []string
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var m struct {
			Reason  string
			Message struct {
				Message string
				Level   string
				Code    *struct{ Code string }
				Spans   []struct {
					FileName  string `json:"file_name"`
					LineStart int    `json:"line_start"`
					IsPrimary bool   `json:"is_primary"`
				}
			}
		}
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("cargo output: %v: %s", err, sc.Text())
		}
		if m.Reason != "compiler-message" || m.Message.Level == "note" {
			continue
		}
		what := m.Message.Message
		if m.Message.Code != nil {
			what = strings.TrimPrefix(m.Message.Code.Code, "clippy::")
		}
		for _, s := range m.Message.Spans {
			if s.IsPrimary {
				got = append(got, fmt.Sprintf("%s:%d: %s", filepath.ToSlash(s.FileName), s.LineStart, what))
			}
		}
	}
	slices.Sort(got)
	return got
}

// markers returns the //~ markers of the fixture, in clippyFindings' form.
func markers(t *testing.T) []string {
	var want []string
	err := filepath.WalkDir(filepath.Join(crateDir, "src"), func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".rs") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(crateDir, path)
		for i, line := range strings.Split(string(data), "\n") {
			if m := markerRE.FindStringSubmatch(line); m != nil {
				for _, name := range strings.Fields(m[1]) {
					if !strings.HasPrefix(name, "tracelint::") {
						want = append(want, fmt.Sprintf("%s:%d: %s", filepath.ToSlash(rel), i+1, name))
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(want)
	return want
}

// sections are the headings every lint page has, in order.
var sections = []string{"### What it does", "### Why is this bad?", "### Known problems", "### Example", "### Use instead", "### Configuration"}

// TestLintPages checks that every page of docs/rust has every section, and
// that its Example and Use instead are, verbatim, the fixture's bad.rs and
// good.rs for the lint, which cargo compiles.
func TestLintPages(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join(docsDir, "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	var lints []string
	for _, page := range pages {
		name := strings.TrimSuffix(filepath.Base(page), ".md")
		if name == "README" {
			continue
		}
		lints = append(lints, name)
		text := read(t, page)
		if !strings.HasPrefix(text, "# "+name+"\n") {
			t.Errorf("%s: the page should start with # %s", page, name)
		}
		last := -1
		for _, s := range sections {
			i := strings.Index(text, "\n"+s+"\n")
			if i < 0 || i < last {
				t.Errorf("%s: section %q missing or out of order", page, s)
			}
			last = i
		}
		for _, pair := range []struct{ section, file string }{{"### Example", "bad.rs"}, {"### Use instead", "good.rs"}} {
			block := rustBlockAfter(text, pair.section)
			src := filepath.Join(crateDir, "src", "spec", name, pair.file)
			code := withoutMarkers(read(t, src))
			if block != code {
				t.Errorf("%s: the %s block differs from %s:\n%s\n---\n%s", page, pair.section, src, block, code)
			}
		}
	}
	if len(lints) < 9 {
		t.Errorf("docs/rust has %d lint pages; the specification needs at least 9", len(lints))
	}
	index := read(t, filepath.Join(docsDir, "README.md"))
	for _, lint := range lints {
		if !strings.Contains(index, "("+lint+".md)") {
			t.Errorf("docs/rust/README.md does not link %s.md", lint)
		}
	}
	for _, id := range tracelint.RuleIDs() {
		if !regexp.MustCompile(`\| ` + id + ` \|`).MatchString(index) {
			t.Errorf("docs/rust/README.md does not map %s", id)
		}
	}
}

// rustBlockAfter returns the first ```rust block after heading.
func rustBlockAfter(text, heading string) string {
	i := strings.Index(text, "\n"+heading+"\n")
	if i < 0 {
		return ""
	}
	rest := text[i:]
	start := strings.Index(rest, "```rust\n")
	if start < 0 {
		return ""
	}
	rest = rest[start+len("```rust\n"):]
	end := strings.Index(rest, "```")
	if end < 0 {
		return ""
	}
	return rest[:end]
}

// withoutMarkers drops the //~ markers, and the spaces before them.
func withoutMarkers(src string) string {
	lines := strings.Split(src, "\n")
	for i, l := range lines {
		if loc := markerRE.FindStringIndex(l); loc != nil {
			lines[i] = strings.TrimRight(l[:loc[0]], " ")
		}
	}
	return strings.Join(lines, "\n")
}

func read(t *testing.T, path string) string {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
