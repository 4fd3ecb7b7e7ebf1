package golangci_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/tracelint/tracelint/internal/testmodule"
)

// golangciVersion is the golangci-lint release the plugin is built into.
const golangciVersion = "v2.15.0"

// envBuild turns the integration test on: it builds golangci-lint from
// source (about 400 CPU-seconds cold on 2 cores), so go test ./... skips it
// unless asked; .ci/run asks.
const envBuild = "TRACELINT_GOLANGCI_LINT"

// TestGolangciLint builds a real golangci-lint with tracelint's plugins,
// runs it on a copy of the testdata service with .golangci.example.yml and
// checks that it reports exactly what the standalone tracelint reports,
// that //nolint:tracelint and //nolint:spanend suppress, that --fix applies
// the fixes and that bad settings stop it with a clear message.
func TestGolangciLint(t *testing.T) {
	if os.Getenv(envBuild) == "" {
		t.Skipf("set %s=1 to build golangci-lint %s with the plugin and run it (minutes on a cold build cache)", envBuild, golangciVersion)
	}
	repo := repoRoot(t)
	testmodule.Dir(t) // the testdata module's dependencies, downloaded
	bin := buildGolangciLint(t, repo)
	tracelintBin := filepath.Join(t.TempDir(), "tracelint")
	runCmd(t, repo, nil, "go", "build", "-o", tracelintBin, "./cmd/tracelint")

	t.Run("findings", func(t *testing.T) {
		mod := copyTestdata(t, repo)
		writeConfig(t, mod, allInOne(t, repo))
		got := withoutAnalyzerPrefix(golangciFindings(t, bin, filepath.Join(mod, "service"), "./..."))
		want := standaloneFindings(t, tracelintBin, mod)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("golangci-lint findings:\n%s\nstandalone tracelint's, related places folded in:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		// golangci-lint would show related information as issues of their
		// own, "spanend(related information): ...", which outlive a //nolint
		// on the finding; the plugin folds them into the finding's text.
		if !containsPart(got, "; related: line ") || !containsPart(got, "; related: ../jobs/jobs.go:8: ") {
			t.Errorf("no finding with related places in its text:\n%s", strings.Join(got, "\n"))
		}
		if containsPart(got, "(related information)") {
			t.Errorf("related places reported as issues:\n%s", strings.Join(got, "\n"))
		}
		for _, id := range []string{"(TL101)", "(TL201)", "(TL301)", "(TL404)"} {
			if !containsPart(got, id) {
				t.Errorf("no %s finding: each analyzer should report through the plugin", id)
			}
		}
	})

	t.Run("nolint", func(t *testing.T) {
		mod := copyTestdata(t, repo)
		// Per analyzer: //nolint:spanend silences spanend only.
		writeConfig(t, mod, perAnalyzer(t, repo))
		appendToLine(t, filepath.Join(mod, "service/api/api.go"), 54, " //nolint:spanend")
		appendToLine(t, filepath.Join(mod, "service/orders/orders.go"), 53, " //nolint:spanend")
		got := golangciFindings(t, bin, mod, "./service/...")
		if containsPart(got, "service/api/api.go:54:") {
			t.Error("//nolint:spanend did not silence spanend's TL202 on api.go:54")
		}
		if !containsPart(got, "service/orders/orders.go:53:26") {
			t.Error("//nolint:spanend silenced ctxpropagation's TL101 on orders.go:53")
		}
		if !containsPart(got, "(spanend)") || !containsPart(got, "(ctxpropagation)") {
			t.Errorf("findings are not attributed to the analyzers' linters:\n%s", strings.Join(got, "\n"))
		}
		// All in one: //nolint:tracelint silences every analyzer.
		writeConfig(t, mod, allInOne(t, repo))
		got = golangciFindings(t, bin, mod, "./service/...")
		if !containsPart(got, "service/orders/orders.go:53:") {
			t.Errorf("//nolint:spanend on orders.go:53 silenced the tracelint linter:\n%s", strings.Join(got, "\n"))
		}
		appendToLine(t, filepath.Join(mod, "service/orders/orders.go"), 25, " //nolint:tracelint")
		got = golangciFindings(t, bin, mod, "./service/...")
		if containsPart(got, "service/orders/orders.go:25:") {
			t.Error("//nolint:tracelint did not silence TL102 on orders.go:25")
		}
		// A finding with related places elsewhere: TL201 on api.go:21,
		// whose span leaks at the return on line 25. The //nolint on line
		// 21 silences all of it; nothing is left at line 25.
		if !containsPart(got, "service/api/api.go:21:15: ") {
			t.Fatalf("no TL201 on api.go:21 to silence:\n%s", strings.Join(got, "\n"))
		}
		appendToLine(t, filepath.Join(mod, "service/api/api.go"), 21, " //nolint:tracelint")
		got = golangciFindings(t, bin, mod, "./service/...")
		if containsPart(got, "service/api/api.go:21:") || containsPart(got, "service/api/api.go:25:") {
			t.Errorf("//nolint:tracelint on api.go:21 left issues on api.go:21 or at its related place, line 25:\n%s", strings.Join(got, "\n"))
		}
	})

	t.Run("fix", func(t *testing.T) {
		mod := copyTestdata(t, repo)
		writeConfig(t, mod, allInOne(t, repo))
		apiFile := filepath.Join(mod, "service/api/api.go")
		// Ping (api.go:64) never ends its span: TL201's fix adds the one
		// defer there.
		const ping = "service/api/api.go:64:15: "
		apiBefore := read(t, apiFile)
		before := golangciFindings(t, bin, mod, "./service/...")
		if !containsPart(before, ping) || !containsPart(before, "(TL102)") {
			t.Fatalf("no TL201 on Ping or no TL102 to fix:\n%s", strings.Join(before, "\n"))
		}
		runTool(t, bin, mod, "run", "--fix", "--show-stats=false", "./service/...")
		orders := read(t, filepath.Join(mod, "service/orders/orders.go"))
		for _, want := range []string{"s.DB.QueryContext(r.Context(), ", "slog.ErrorContext(r.Context(), ", "exec.CommandContext(gctx, "} {
			if !strings.Contains(orders, want) {
				t.Errorf("--fix did not apply %q to orders.go:\n%s", want, orders)
			}
		}
		const start = "ctx, span := tracer.Start(ctx, \"ping\")\n"
		api := read(t, apiFile)
		if n, m := strings.Count(apiBefore, "defer span.End()"), strings.Count(api, "defer span.End()"); m != n+1 ||
			strings.Contains(apiBefore, start+"\tdefer span.End()\n") || !strings.Contains(api, start+"\tdefer span.End()\n") {
			t.Errorf("--fix did not add one defer span.End() after Ping's start in api.go (%d before, %d after):\n%s", n, m, api)
		}
		runCmd(t, mod, nil, "go", "build", "./service/...")
		after := golangciFindings(t, bin, mod, "./service/...")
		if containsPart(after, ping) {
			t.Errorf("TL201 on Ping left after --fix:\n%s", strings.Join(after, "\n"))
		}
		if containsPart(after, "(TL102)") {
			t.Errorf("TL102 findings left after --fix:\n%s", strings.Join(after, "\n"))
		}
		if !containsPart(after, "service/api/api.go:21:15: ") {
			t.Errorf("--fix removed TL201 on api.go:21, which has no fix:\n%s", strings.Join(after, "\n"))
		}
	})

	t.Run("bad settings", func(t *testing.T) {
		mod := copyTestdata(t, repo)
		cfg := allInOne(t, repo)
		custom := cfg["linters"].(map[string]any)["settings"].(map[string]any)["custom"].(map[string]any)
		custom["tracelint"].(map[string]any)["settings"] = map[string]any{"spanend": map[string]any{"infer-wrapers": true}}
		writeConfig(t, mod, cfg)
		out, code := runTool(t, bin, mod, "run", "./service/...")
		want := `tracelint settings: unknown key "infer-wrapers" in spanend; did you mean "infer-wrappers"?`
		if code == 0 || !strings.Contains(out, want) {
			t.Errorf("exit code %d, output:\n%s\nwant a failure that says: %s", code, out, want)
		}
	})
}

// buildGolangciLint builds golangci-lint with the plugin, as golangci-lint
// custom would but without its git clone: the module source comes from the
// module cache, the blank import goes into cmd/golangci-lint/plugins.go and
// a replace directive points at this checkout. The binary is cached in the
// user cache directory, keyed by the golangci-lint and Go versions and a
// hash of this module's sources.
func buildGolangciLint(t *testing.T, repo string) string {
	cacheRoot, err := os.UserCacheDir()
	if err != nil {
		t.Fatal(err)
	}
	key := golangciVersion + "-" + runtime.Version() + "-" + sourceHash(t, repo)
	bin := filepath.Join(cacheRoot, "tracelint", "golangci-lint-"+key, "golangci-lint")
	if _, err := os.Stat(bin); err == nil {
		t.Logf("reusing %s", bin)
		return bin
	}
	start := time.Now()
	out := runCmd(t, repo, nil, "go", "mod", "download", "-json", "github.com/golangci/golangci-lint/v2@"+golangciVersion)
	var mod struct{ Dir string }
	if err := json.Unmarshal([]byte(out), &mod); err != nil || mod.Dir == "" {
		t.Fatalf("golangci-lint module source: %v\n%s", err, out)
	}
	src := filepath.Join(t.TempDir(), "golangci-lint")
	copyTree(t, mod.Dir, src)
	plugins := "package main\n\nimport _ \"github.com/tracelint/tracelint/golangci\"\n"
	if err := os.WriteFile(filepath.Join(src, "cmd", "golangci-lint", "plugins.go"), []byte(plugins), 0o644); err != nil {
		t.Fatal(err)
	}
	env := []string{"GOWORK=off", "GOFLAGS=-mod=mod"}
	runCmd(t, src, env, "go", "mod", "edit", "-require=github.com/tracelint/tracelint@v0.0.0", "-replace=github.com/tracelint/tracelint="+repo)
	runCmd(t, src, env, "go", "mod", "tidy")
	runCmd(t, src, env, "go", "build", "-trimpath", "-o", bin, "./cmd/golangci-lint")
	info, _ := os.Stat(bin)
	t.Logf("built golangci-lint %s with the plugin in %s: %.1f MB", golangciVersion, time.Since(start).Round(time.Second), float64(info.Size())/1e6)
	return bin
}

// sourceHash hashes the module's go.mod, go.sum and non-test Go files,
// leaving out the benchmark, which the plugin does not contain.
func sourceHash(t *testing.T, repo string) string {
	h := sha256.New()
	err := filepath.WalkDir(repo, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(repo, path)
		if d.IsDir() && (rel == "testdata" || rel == "bench" || strings.HasPrefix(d.Name(), ".")) && rel != "." {
			return filepath.SkipDir
		}
		if d.IsDir() || !(rel == "go.mod" || rel == "go.sum" || strings.HasSuffix(rel, ".go") && !strings.HasSuffix(rel, "_test.go")) {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s %d\n", rel, len(data))
		h.Write(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// exampleConfig reads .golangci.example.yml and sets the tracelint
// settings the testdata service is meant to be checked with (those of
// testdata/.tracelint.yml): TL204 and TL104 on, the service's registry and redactor.
func exampleConfig(t *testing.T, repo string) map[string]any {
	var cfg map[string]any
	if err := yaml.Unmarshal([]byte(read(t, filepath.Join(repo, ".golangci.example.yml"))), &cfg); err != nil {
		t.Fatal(err)
	}
	custom := cfg["linters"].(map[string]any)["settings"].(map[string]any)["custom"].(map[string]any)
	settings := custom["tracelint"].(map[string]any)["settings"].(map[string]any)
	settings["enable"] = []any{"TL204", "TL104"}
	settings["attrkeys"].(map[string]any)["registries"] = []any{"service/telemetry"}
	settings["piiattrs"].(map[string]any)["redactors"] = []any{"example.com/tracelinttest/service/privacy.Redact"}
	return cfg
}

// allInOne is the example configuration, with the tracelint linter.
func allInOne(t *testing.T, repo string) map[string]any {
	cfg := exampleConfig(t, repo)
	cfg["linters"].(map[string]any)["default"] = "none"
	return cfg
}

// perAnalyzer is the example configuration with one linter per analyzer,
// each with the same settings.
func perAnalyzer(t *testing.T, repo string) map[string]any {
	cfg := allInOne(t, repo)
	linters := cfg["linters"].(map[string]any)
	custom := linters["settings"].(map[string]any)["custom"].(map[string]any)
	all := custom["tracelint"]
	delete(custom, "tracelint")
	names := []any{"ctxpropagation", "spanend", "attrkeys", "piiattrs"}
	for _, name := range names {
		custom[name.(string)] = all
	}
	linters["enable"] = names
	return cfg
}

func writeConfig(t *testing.T, dir string, cfg map[string]any) {
	data, err := yaml.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".golangci.yml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// golangciFindings runs golangci-lint in dir and returns its findings as
// "file:line:col: text (linter)", sorted; file is relative to the
// configuration file's directory.
func golangciFindings(t *testing.T, bin, dir string, patterns ...string) []string {
	args := append([]string{"run", "--show-stats=false", "--output.json.path=stdout", "--output.text.path=stderr"}, patterns...)
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	_ = cmd.Run() // exit code 1 means findings
	var out struct {
		Issues []struct {
			FromLinter, Text string
			Pos              struct {
				Filename     string
				Line, Column int
			}
		}
	}
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		t.Fatalf("golangci-lint output is not JSON: %v\nstdout:\n%s\nstderr:\n%s", err, stdout.String(), stderr.String())
	}
	var got []string
	for _, i := range out.Issues {
		got = append(got, fmt.Sprintf("%s:%d:%d: %s (%s)", filepath.ToSlash(i.Pos.Filename), i.Pos.Line, i.Pos.Column, i.Text, i.FromLinter))
	}
	slices.Sort(got)
	return got
}

// standaloneFindings runs the standalone tracelint on the service, with
// the testdata module's .tracelint.yml, in golangciFindings' form, each
// finding's related places (the lines after it that start with a tab)
// written into its text as the plugin writes them.
func standaloneFindings(t *testing.T, bin, mod string) []string {
	// -json: the machine-readable tree, on stdout alone (the summary goes to
	// stderr), with absolute positions; it exits 0 with findings.
	cmd := exec.Command(bin, "-json", "./service/...")
	cmd.Dir = mod
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("standalone tracelint -json: %v\n%s", err, stderr.String())
	}
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal(stdout.Bytes(), &tree); err != nil {
		t.Fatalf("standalone tracelint -json printed no JSON tree: %v\n%s", err, stdout.String())
	}
	type place struct{ Posn, Message string }
	type diag struct {
		Category, Posn, Message string
		Related                 []place
	}
	split := func(posn string) (file, line, col string) {
		rest, col, _ := cutLast(posn, ":")
		file, line, _ = cutLast(rest, ":")
		return file, line, col
	}
	seen := make(map[string]bool)
	var want []string
	for _, byAnalyzer := range tree {
		for analyzer, raw := range byAnalyzer {
			var diags []diag
			if analyzer == "nolint" || json.Unmarshal(raw, &diags) != nil {
				continue // the driver's own directive checks, or an analysis error
			}
			for _, d := range diags {
				file, line, col := split(d.Posn)
				msg := d.Message
				var related []string
				for _, r := range d.Related {
					rfile, rline, _ := split(r.Posn)
					where := "line " + rline
					if rfile != file {
						rel, _ := filepath.Rel(filepath.Dir(file), rfile)
						where = filepath.ToSlash(rel) + ":" + rline
					}
					related = append(related, where+": "+r.Message)
				}
				if len(related) > 0 {
					i := strings.LastIndex(msg, " (TL")
					msg = msg[:i] + "; related: " + strings.Join(related, "; ") + msg[i:]
				}
				relFile, _ := filepath.Rel(mod, file)
				f := filepath.ToSlash(relFile) + ":" + line + ":" + col + ": " + msg + " (tracelint)"
				if !seen[f] {
					seen[f] = true
					want = append(want, f)
				}
			}
		}
	}
	slices.Sort(want)
	return want
}

// withoutAnalyzerPrefix rewrites golangci-lint's texts in the standalone
// driver's form: a linter with several analyzers prefixes each text with
// the analyzer's name, "spanend: ...".
func withoutAnalyzerPrefix(lines []string) []string {
	var out []string
	for _, l := range lines {
		for _, a := range []string{"ctxpropagation", "spanend", "attrkeys", "piiattrs"} {
			l = strings.Replace(l, ": "+a+": ", ": ", 1)
		}
		out = append(out, l)
	}
	slices.Sort(out)
	return out
}

// cutLast cuts s around the last instance of sep.
func cutLast(s, sep string) (before, after string, found bool) {
	if i := strings.LastIndex(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, "", false
}

func runTool(t *testing.T, bin, dir string, args ...string) (string, int) {
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); ok {
		return string(out), ee.ExitCode()
	} else if err != nil {
		t.Fatalf("%s: %v", bin, err)
	}
	return string(out), 0
}

func runCmd(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s%s", name, strings.Join(args, " "), err, stdout.String(), stderr.String())
	}
	return stdout.String()
}

func repoRoot(t *testing.T) string {
	dir, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// copyTestdata copies the testdata module to a temporary directory, where
// the test may edit it.
func copyTestdata(t *testing.T, repo string) string {
	dst := filepath.Join(t.TempDir(), "testdata")
	copyTree(t, filepath.Join(repo, "testdata"), dst)
	return dst
}

// copyTree copies a directory tree, leaving every file writable.
func copyTree(t *testing.T, src, dst string) {
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func appendToLine(t *testing.T, path string, line int, text string) {
	lines := strings.Split(read(t, path), "\n")
	lines[line-1] += text
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, path string) string {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func containsPart(lines []string, part string) bool {
	return slices.ContainsFunc(lines, func(l string) bool { return strings.Contains(l, part) })
}
