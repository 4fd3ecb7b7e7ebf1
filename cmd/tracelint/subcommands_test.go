package main_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/tracelint/tracelint"
	"github.com/tracelint/tracelint/internal/checklist"
	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/rules"
)

// subcommandBin is the tracelint binary the subcommand tests run, built once
// per test binary; TestSubcommands, whose subtests use it, removes it.
var subcommandBin struct {
	once sync.Once
	path string
	err  error
}

// buildSubcommandBin builds the tracelint command once, with version
// control stamping on (GOFLAGS may say -buildvcs=false) so that tracelint
// version has a revision to print in a checkout.
func buildSubcommandBin(t *testing.T) string {
	t.Helper()
	subcommandBin.once.Do(func() {
		dir, err := os.MkdirTemp("", "tracelint-subcommands-")
		if err != nil {
			subcommandBin.err = err
			return
		}
		subcommandBin.path = filepath.Join(dir, "tracelint")
		out, err := exec.Command("go", "build", "-buildvcs=auto", "-o", subcommandBin.path, ".").CombinedOutput()
		if err != nil {
			subcommandBin.err = errors.New("go build: " + err.Error() + "\n" + string(out))
		}
	})
	if subcommandBin.err != nil {
		t.Fatal(subcommandBin.err)
	}
	return subcommandBin.path
}

// tracelintIn runs the built tracelint in dir and returns its standard
// output, its standard error and its exit code.
func tracelintIn(t *testing.T, dir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(buildSubcommandBin(t), args...)
	cmd.Dir = dir
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if exitErr := (*exec.ExitError)(nil); errors.As(err, &exitErr) {
		code = exitErr.ExitCode()
	} else if err != nil {
		t.Fatalf("tracelint %s: %v", strings.Join(args, " "), err)
	}
	return out.String(), errOut.String(), code
}

// emptyModule returns a directory holding only a go.mod, so that the
// search for .tracelint.yml stops there.
func emptyModule(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/empty\n\ngo 1.22\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestSubcommands runs tracelint version, rules, explain and checklist
// through the built binary.
func TestSubcommands(t *testing.T) {
	t.Cleanup(func() {
		if subcommandBin.path != "" {
			os.RemoveAll(filepath.Dir(subcommandBin.path))
		}
	})
	buildSubcommandBin(t)
	t.Run("version", testVersion)
	t.Run("rules", testRules)
	t.Run("explain", testExplain)
	t.Run("checklist", testChecklist)
	t.Run("-V=full", testFullVersion)
}

// testFullVersion checks the answer go vet asks its tool for: "NAME version
// devel ... buildID=ID", with the module in between.
func testFullVersion(t *testing.T) {
	t.Parallel()
	out, errOut, code := tracelintIn(t, ".", "-V=full")
	f := strings.Fields(out)
	if code != 0 || errOut != "" || len(f) < 4 || f[1] != "version" || f[2] != "devel" ||
		!strings.HasPrefix(f[len(f)-1], "buildID=") || len(f[len(f)-1]) != len("buildID=")+64 ||
		!strings.Contains(out, "module=github.com/tracelint/tracelint@") {
		t.Errorf("tracelint -V=full: exit code %d, stdout %q, stderr %q; want NAME version devel module=... revision=... buildID=<sha256>", code, out, errOut)
	}
}

func testVersion(t *testing.T) {
	t.Parallel()
	out, errOut, code := tracelintIn(t, ".", "version")
	if code != 0 || errOut != "" {
		t.Fatalf("tracelint version: exit code %d, stderr:\n%s", code, errOut)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if !strings.HasPrefix(lines[0], "tracelint version ") || len(lines[0]) == len("tracelint version ") {
		t.Errorf("first line %q, want tracelint version and the module's version", lines[0])
	}
	for _, want := range []string{
		"module    github.com/tracelint/tracelint",
		"go        " + runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH,
	} {
		if !strings.Contains(out, want+"\n") {
			t.Errorf("tracelint version lacks the line %q:\n%s", want, out)
		}
	}
	// What tracelint version says is what the go command stamped into the
	// binary: go version -m reads the same build information. In a git
	// checkout that is the checkout's commit; in a git worktree or an
	// unpacked archive the go command stamps none, and tracelint says so.
	meta, err := exec.Command("go", "version", "-m", buildSubcommandBin(t)).Output()
	if err != nil {
		t.Fatal(err)
	}
	stamped := make(map[string]string)
	for line := range strings.Lines(string(meta)) {
		if f := strings.Fields(line); len(f) >= 3 && f[0] == "mod" {
			stamped["mod"] = f[2]
		} else if len(f) == 2 && f[0] == "build" {
			k, v, _ := strings.Cut(f[1], "=")
			stamped[k] = v
		}
	}
	if want := "tracelint version " + stamped["mod"] + "\n"; !strings.HasPrefix(out, want) {
		t.Errorf("tracelint version does not start with %q:\n%s", want, out)
	}
	rev := stamped["vcs.revision"]
	switch {
	case rev == "":
		if !strings.Contains(out, "revision  unknown") {
			t.Errorf("the binary carries no revision, but tracelint version names one:\n%s", out)
		}
	case stamped["vcs.modified"] == "true":
		rev += " (modified)"
		fallthrough
	default:
		if want := "revision  " + rev + "\n"; !strings.Contains(out, want) {
			t.Errorf("tracelint version lacks the line %q:\n%s", want, out)
		}
		if head, err := exec.Command("git", "rev-parse", "HEAD").Output(); err == nil && !strings.HasPrefix(rev, strings.TrimSpace(string(head))) {
			t.Errorf("the binary names revision %s, the checkout is at %s", rev, head)
		}
	}

	if _, errOut, code := tracelintIn(t, ".", "version", "extra"); code != 2 || !strings.Contains(errOut, `unexpected argument "extra"`) {
		t.Errorf("tracelint version extra: exit code %d, stderr %q; want 2 and the argument named", code, errOut)
	}
}

func testRules(t *testing.T) {
	t.Parallel()
	catalogue := tracelint.Rules()

	t.Run("text", func(t *testing.T) {
		out, errOut, code := tracelintIn(t, ".", "rules")
		if code != 0 || errOut != "" {
			t.Fatalf("exit code %d, stderr:\n%s", code, errOut)
		}
		lines := strings.Split(out, "\n")
		if got := strings.Fields(lines[0]); strings.Join(got, " ") != "ID ANALYZER DEFAULT AUTOFIX TITLE" {
			t.Errorf("header %q", lines[0])
		}
		if len(lines) < len(catalogue)+1 {
			t.Fatalf("%d lines for %d rules:\n%s", len(lines), len(catalogue), out)
		}
		for i, r := range catalogue {
			def := r.DefaultText()
			if r.DefaultIfDoc != "" {
				def = "on*"
			}
			want := []string{r.ID, r.Analyzer, def, map[bool]string{true: "yes", false: "no"}[r.Autofix]}
			want = append(want, strings.Fields(r.Title)...)
			if got := strings.Fields(lines[i+1]); strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("row %d: %q, want the fields %q", i+1, lines[i+1], want)
			}
		}
		if !strings.Contains(out, "* TL304 is on with a contract (an attrkeys.registries entry), off otherwise.") {
			t.Errorf("no note on TL304's default:\n%s", out)
		}
	})

	t.Run("json", func(t *testing.T) {
		out, errOut, code := tracelintIn(t, ".", "rules", "-format", "json")
		if code != 0 || errOut != "" {
			t.Fatalf("exit code %d, stderr:\n%s", code, errOut)
		}
		var got []struct {
			ID, Analyzer, Default, Title, URL string
			Autofix                           bool
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("not JSON: %v\n%s", err, out)
		}
		if len(got) != len(catalogue) {
			t.Fatalf("%d rules, want %d", len(got), len(catalogue))
		}
		for i, r := range catalogue {
			g := got[i]
			if g.ID != r.ID || g.Analyzer != r.Analyzer || g.Default != r.DefaultText() || g.Autofix != r.Autofix || g.Title != r.Title || g.URL != r.URL() {
				t.Errorf("rule %d: %+v, want %s %s %q %v %q %s", i, g, r.ID, r.Analyzer, r.DefaultText(), r.Autofix, r.Title, r.URL())
			}
		}
	})

	t.Run("bad format", func(t *testing.T) {
		_, errOut, code := tracelintIn(t, ".", "rules", "-format", "yaml")
		if want := `tracelint rules: -format "yaml": want text or json` + "\n"; code != 2 || errOut != want {
			t.Errorf("exit code %d, stderr %q; want 2 and %q", code, errOut, want)
		}
	})
}

func testExplain(t *testing.T) {
	t.Parallel()
	page := func(id string) string {
		data, err := os.ReadFile(filepath.Join("..", "..", "docs", "rules", id+".md"))
		if err != nil {
			t.Fatal(err)
		}
		_, rest, _ := strings.Cut(string(data), "\n") // the generated-file marker
		return strings.TrimLeft(rest, "\n")
	}

	out, errOut, code := tracelintIn(t, ".", "explain", "TL201")
	if code != 0 || errOut != "" {
		t.Fatalf("tracelint explain TL201: exit code %d, stderr:\n%s", code, errOut)
	}
	if want := page("TL201"); out != want {
		t.Errorf("tracelint explain TL201 prints:\n%s\nwant docs/rules/TL201.md without its first line:\n%s", out, want)
	}
	if !strings.HasPrefix(out, "# TL201: end every span on every path\n") {
		t.Errorf("the page does not start with its title:\n%s", out)
	}

	out, _, code = tracelintIn(t, ".", "explain", "tl303", "106")
	if want := page("TL303") + "\n" + page("TL106"); code != 0 || out != want {
		t.Errorf("tracelint explain tl303 106: exit code %d, output:\n%s\nwant the pages of TL303 and TL106", code, out)
	}

	for _, c := range []struct{ arg, want string }{
		{"TL21", `tracelint explain: no rule "TL21"; did you mean TL201? (tracelint rules lists every rule)` + "\n"},
		{"TL207", `tracelint explain: no rule "TL207"; did you mean one of TL201, TL202, TL203, TL204, TL205, TL206, TL307? (tracelint rules lists every rule)` + "\n"},
		{"XY999", `tracelint explain: no rule "XY999" (tracelint rules lists every rule)` + "\n"},
		{"../rules/TL201", `tracelint explain: no rule "../rules/TL201" (tracelint rules lists every rule)` + "\n"},
		{"spanend", `tracelint explain: "spanend" is an analyzer, not a rule; its rules are TL201, TL202, TL203, TL204, TL205, TL206` + "\n"},
	} {
		out, errOut, code := tracelintIn(t, ".", "explain", c.arg)
		if code != 1 || out != "" || errOut != c.want {
			t.Errorf("tracelint explain %s: exit code %d, stdout %q, stderr:\n%s\nwant exit code 1 and:\n%s", c.arg, code, out, errOut, c.want)
		}
	}
	if _, errOut, code := tracelintIn(t, ".", "explain"); code != 2 || !strings.HasPrefix(errOut, "usage: tracelint explain ID...") {
		t.Errorf("tracelint explain without an ID: exit code %d, stderr:\n%s\nwant 2 and the usage", code, errOut)
	}
}

func testChecklist(t *testing.T) {
	t.Parallel()
	render := func(cfg *config.Config) string {
		t.Helper()
		text, err := checklist.Render(tracelint.Rules(), func(r *rules.Rule) bool { return r.Enabled(cfg) })
		if err != nil {
			t.Fatal(err)
		}
		return text
	}

	t.Run("defaults", func(t *testing.T) {
		out, errOut, code := tracelintIn(t, emptyModule(t), "checklist")
		if code != 0 || errOut != "" {
			t.Fatalf("exit code %d, stderr:\n%s", code, errOut)
		}
		if want := render(config.Default()); out != want {
			t.Errorf("tracelint checklist without a configuration:\n%s\nwant:\n%s", out, want)
		}
		page, err := os.ReadFile(filepath.Join("..", "..", "docs", "checklist.md"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasSuffix(string(page), out) {
			t.Errorf("docs/checklist.md does not end with tracelint checklist's output")
		}
		if n := strings.Count(out, "\n- [ ] **"); n != len(checklist.Items) {
			t.Errorf("%d checkboxes, want one per convention (%d):\n%s", n, len(checklist.Items), out)
		}
	})

	t.Run("configured", func(t *testing.T) {
		dir := emptyModule(t)
		if err := os.WriteFile(filepath.Join(dir, config.FileName), []byte("enable: [TL204]\ndisable: [TL201]\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		sub := filepath.Join(dir, "internal", "app")
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		out, errOut, code := tracelintIn(t, sub, "checklist")
		if code != 0 || errOut != "" {
			t.Fatalf("exit code %d, stderr:\n%s", code, errOut)
		}
		_, spans, _ := strings.Cut(out, "**Spans are ended**")
		spans, _, _ = strings.Cut(spans, "\n- [ ]")
		checked, off, _ := strings.Cut(spans, "  - Off, ")
		if !strings.Contains(checked, "[TL204]") || strings.Contains(checked, "[TL201]") || !strings.Contains(off, "[TL201]") || strings.Contains(off, "[TL204]") {
			t.Errorf("with TL204 enabled and TL201 disabled in the module's %s, the spans item reads:\n%s", config.FileName, spans)
		}

		// -config names the file instead; here, one that breaks.
		bad := filepath.Join(dir, "bad.yml")
		if err := os.WriteFile(bad, []byte("enable: [TL999]\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		out, errOut, code = tracelintIn(t, sub, "checklist", "-config", bad)
		if code != 1 || out != "" || !strings.HasPrefix(errOut, "tracelint checklist: "+bad+":1:") || !strings.Contains(errOut, "TL999") {
			t.Errorf("a broken -config file: exit code %d, stdout %q, stderr %q; want exit code 1 and an error at %s:1 naming TL999", code, out, errOut, bad)
		}
	})
}
