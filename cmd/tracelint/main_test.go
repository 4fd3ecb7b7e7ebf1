package main_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/tracelint/tracelint"

	"github.com/tracelint/tracelint/internal/contract"
	"github.com/tracelint/tracelint/internal/testmodule"
)

// update rewrites the golden files of the text output from the command's
// output (go test ./cmd/tracelint -run 'TestEndToEnd|TestNolint' -update).
// testdata/service.json and testdata/vetflags.json are not rewritten: they
// are the output of the multichecker-based command the driver replaced,
// kept to show that -json and the go vet protocol did not change.
var update = flag.Bool("update", false, "rewrite the golden files of the text output")

// bin is the tracelint command, built once for the tests of the package.
var bin struct {
	once sync.Once
	dir  string
	path string
	err  error
}

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if bin.dir != "" {
		os.RemoveAll(bin.dir)
	}
	os.Exit(code)
}

// build returns the tracelint command, compiled on first use.
func build(t *testing.T) string {
	t.Helper()
	bin.once.Do(func() {
		bin.dir, bin.err = os.MkdirTemp("", "tracelint-e2e-")
		if bin.err != nil {
			return
		}
		bin.path = filepath.Join(bin.dir, "tracelint")
		if out, err := exec.Command("go", "build", "-o", bin.path, ".").CombinedOutput(); err != nil {
			bin.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if bin.err != nil {
		t.Fatal(bin.err)
	}
	return bin.path
}

// run runs a command in the testdata module and returns its combined
// output, with the module's absolute path removed, and its exit code.
func run(t *testing.T, dir, name string, args ...string) (string, int) {
	t.Helper()
	return runEnv(t, dir, nil, name, args...)
}

func runEnv(t *testing.T, dir string, env []string, name string, args ...string) (string, int) {
	t.Helper()
	stdout, stderr, code := runSplit(t, dir, env, true, name, args...)
	return stdout + stderr, code
}

// runSplit runs a command in dir and returns its standard output and
// error, with dir's absolute path removed, and its exit code; with
// combined, both streams go to the first result.
func runSplit(t *testing.T, dir string, env []string, combined bool, name string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off"), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if combined {
		cmd.Stderr = &stdout
	}
	err := cmd.Run()
	code := 0
	if exitErr := (*exec.ExitError)(nil); errors.As(err, &exitErr) {
		code = exitErr.ExitCode()
	} else if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	trim := func(s string) string { return strings.ReplaceAll(s, dir+string(filepath.Separator), "") }
	return trim(stdout.String()), trim(stderr.String()), code
}

// golden compares got with the named file of testdata, or with -update
// writes it.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s:\n%s\nwant:\n%s", path, got, want)
	}
}

// findings splits text output into findings, each with its related lines.
func findings(out string) []string {
	var fs []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if strings.HasPrefix(line, "\t") && len(fs) > 0 {
			fs[len(fs)-1] += "\n" + line
			continue
		}
		fs = append(fs, line)
	}
	return fs
}

// vetFindings converts go vet's output, where a related place is written
// "file:line:col: \tmessage", to the command's text output, and sorts
// it by finding: go vet checks packages in parallel.
func vetFindings(out string) []string {
	var lines []string
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "service/") {
			continue
		}
		if place, msg, ok := strings.Cut(line, ": \t"); ok {
			line = "\t" + place + ": " + msg
		}
		lines = append(lines, line)
	}
	fs := findings(strings.Join(lines, "\n"))
	slices.Sort(fs)
	return fs
}

// The testdata service's .tracelint.yml (at the root of the testdata
// module) enables TL204, names the service's registry, service/telemetry,
// and its redactor, service/privacy.Redact (used in service/profile): the
// command's findings there are testdata/service.golden.
const serviceSummary = "28 findings (TL101 ×1, TL102 ×3, TL103 ×1, TL104 ×1, TL105 ×2, TL106 ×2, TL201 ×4, TL202 ×1, TL203 ×1, TL204 ×2, TL205 ×1, TL206 ×1, TL301 ×1, TL302 ×1, TL303 ×1, TL306 ×1, TL403 ×1, TL404 ×2, TL405 ×1) in 9 packages\n"

func TestEndToEnd(t *testing.T) {
	bin := build(t)
	dir := testmodule.Dir(t)

	// The findings sorted by file, line, column and rule, related places
	// indented beneath, paths relative to the working directory.
	t.Run("standalone", func(t *testing.T) {
		t.Parallel()
		out, errOut, code := runSplit(t, dir, nil, false, bin, "./service/...")
		if code != 3 {
			t.Errorf("exit code %d, want 3 (findings)", code)
		}
		golden(t, "service.golden", out)
		if errOut != serviceSummary {
			t.Errorf("stderr:\n%s\nwant the summary:\n%s", errOut, serviceSummary)
		}
	})

	t.Run("go vet -vettool", func(t *testing.T) {
		t.Parallel()
		// go vet replays results from the build cache, keyed by the tool's
		// build ID and the package's inputs; a run interrupted in the
		// developer's cache can leave an empty result behind. A cache of the
		// test's own keeps the test independent of that history.
		cache := filepath.Join(os.TempDir(), "tracelint-e2e-gocache")
		out, _ := runEnv(t, dir, []string{"GOCACHE=" + cache}, "go", "vet", "-vettool="+bin, "./service/...")
		want, err := os.ReadFile(filepath.Join("testdata", "service.golden"))
		if err != nil {
			t.Fatal(err)
		}
		wantFindings := findings(string(want))
		slices.Sort(wantFindings)
		if got := vetFindings(out); !slices.Equal(got, wantFindings) {
			t.Errorf("go vet output:\n%s\nwant the findings of testdata/service.golden", out)
		}
	})

	// -json writes what the multichecker-based command wrote, with its
	// exit code, 0; -format json writes the same and exits with 3.
	t.Run("json", func(t *testing.T) {
		t.Parallel()
		want, err := os.ReadFile(filepath.Join("testdata", "service.json"))
		if err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			flags     []string
			code      int
			errOutput string
		}{
			{[]string{"-json"}, 0, ""},
			{[]string{"-format", "json"}, 3, serviceSummary},
			{[]string{"-json", "-format", "json"}, 0, ""},
		} {
			out, errOut, code := runSplit(t, dir, nil, false, bin, append(tc.flags, "./service/...")...)
			// runSplit removes "<dir>/", the JSON output has absolute paths.
			out = strings.ReplaceAll(out, `"service/`, `"$DIR/service/`)
			if out != string(want) {
				t.Errorf("%s: output differs from testdata/service.json:\n%s", tc.flags, out)
			}
			if code != tc.code || errOut != tc.errOutput {
				t.Errorf("%s: exit code %d, stderr %q; want %d and %q", tc.flags, code, errOut, tc.code, tc.errOutput)
			}
		}
	})

	t.Run("context lines", func(t *testing.T) {
		t.Parallel()
		out, _, code := runSplit(t, dir, nil, false, bin, "-c", "1", "./service/store")
		want := "service/store/store.go:34:13: span \"span\" is not ended on every path: it leaks at the return on line 37; call span.End() on every path, e.g. defer span.End() after the start (TL201)\n" +
			"33\tfunc (s *Store) Get(ctx context.Context, id string) (Order, error) {\n" +
			"34\t\t_, span := StartOp(ctx, \"get\")\n" +
			"35\t\to, ok := s.orders[id]\n" +
			"\tservice/store/store.go:37:3: \"span\" leaks when the function returns here\n" +
			"36\t\tif !ok {\n" +
			"37\t\t\treturn Order{}, ErrNotFound\n" +
			"38\t\t}\n"
		if code != 3 || !strings.HasPrefix(out, want) {
			t.Errorf("exit code %d, output:\n%s\nwant it to start with:\n%s", code, out, want)
		}
	})

	// -format github and sarif hand the findings to internal/ghannot and
	// internal/sarifout, whose own tests check their output; the exit code
	// and summary are the command's.
	t.Run("formats", func(t *testing.T) {
		t.Parallel()
		out, errOut, code := runSplit(t, dir, nil, false, bin, "-format", "github", "./service/store")
		want := "::warning file=service/store/store.go,line=34,col=13,"
		if code != 3 || !strings.HasPrefix(out, want) || strings.Count(out, "\n") != 2 || errOut != "2 findings (TL201 ×1, TL204 ×1) in 1 package\n" {
			t.Errorf("-format github: exit code %d, output:\n%s%s\nwant 2 annotations starting %q", code, out, errOut, want)
		}
		out, _, code = runSplit(t, dir, nil, false, bin, "-format", "sarif", "./service/store")
		var log struct {
			Runs []struct {
				Results []struct {
					RuleID string `json:"ruleId"`
				} `json:"results"`
			} `json:"runs"`
		}
		if err := json.Unmarshal([]byte(out), &log); err != nil || code != 3 || len(log.Runs) != 1 || len(log.Runs[0].Results) != 2 || log.Runs[0].Results[0].RuleID != "TL201" {
			t.Errorf("-format sarif: exit code %d, %v, log %+v:\n%s", code, err, log, out)
		}
	})

	// -write-baseline accepts the findings of a run; with -baseline, only
	// the others are reported.
	t.Run("baseline", func(t *testing.T) {
		t.Parallel()
		file := filepath.Join(t.TempDir(), "baseline.json")
		out, errOut, code := runSplit(t, dir, nil, false, bin, "-write-baseline", file, "./service/store")
		if code != 0 || out != "" || errOut != "wrote 2 findings to "+file+"\n" {
			t.Errorf("-write-baseline: exit code %d, output:\n%s%s", code, out, errOut)
		}
		out, errOut, code = runSplit(t, dir, nil, false, bin, "-baseline", file, "./service/...")
		want := "26 findings (TL101 ×1, TL102 ×3, TL103 ×1, TL104 ×1, TL105 ×2, TL106 ×2, TL201 ×3, TL202 ×1, TL203 ×1, TL204 ×1, TL205 ×1, TL206 ×1, TL301 ×1, TL302 ×1, TL303 ×1, TL306 ×1, TL403 ×1, TL404 ×2, TL405 ×1) in 9 packages; 2 findings known to the baseline " + file + " not shown\n"
		if code != 3 || errOut != want || strings.Contains(out, "service/store/") || len(findings(out)) != 26 {
			t.Errorf("-baseline: exit code %d, output:\n%s%s\nwant the findings outside service/store and:\n%s", code, out, errOut, want)
		}
		_, errOut, code = runSplit(t, dir, nil, false, bin, "-baseline", filepath.Join(t.TempDir(), "none.json"), "./service/store")
		if code != 1 || !strings.HasPrefix(errOut, "tracelint: -baseline: ") {
			t.Errorf("-baseline with no file: exit code %d, stderr:\n%s", code, errOut)
		}
	})

	// -fix -diff prints the fixes and leaves the files alone.
	t.Run("fix diff", func(t *testing.T) {
		t.Parallel()
		before, err := os.ReadFile(filepath.Join(dir, "spanend", "fix", "fix.go"))
		if err != nil {
			t.Fatal(err)
		}
		out, errOut, code := runSplit(t, dir, nil, false, bin, "-fix", "-diff", "./spanend/fix")
		for _, want := range []string{"--- a/spanend/fix/fix.go\n+++ b/spanend/fix/fix.go\n", "+\tdefer span.End()", "+\t\tdefer s.End()", "+\tdefer span.Finish()"} {
			if !strings.Contains(out, want) {
				t.Errorf("-fix -diff output lacks %q:\n%s", want, out)
			}
		}
		if code != 3 || !strings.Contains(errOut, "in 1 file, shown as a diff and not applied") {
			t.Errorf("exit code %d, stderr:\n%s", code, errOut)
		}
		if after, _ := os.ReadFile(filepath.Join(dir, "spanend", "fix", "fix.go")); !bytes.Equal(before, after) {
			t.Errorf("-fix -diff changed spanend/fix/fix.go")
		}
	})

	// A broken configuration stops the run with one line naming the file,
	// line and problem (its wording is the config package's).
	t.Run("bad config", func(t *testing.T) {
		t.Parallel()
		cfg := filepath.Join(t.TempDir(), "bad.yml")
		if err := os.WriteFile(cfg, []byte("spanend:\n  infer-wrapers: true\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		out, code := run(t, dir, bin, "-config", cfg, "./service/...")
		prefix := "tracelint: " + cfg + `:2:3: unknown key "infer-wrapers" in spanend`
		if code != 1 || !strings.HasPrefix(out, prefix) || strings.Count(out, "\n") != 1 {
			t.Errorf("exit code %d, output:\n%s\nwant exit code 1 and one line starting with:\n%s", code, out, prefix)
		}

		// Given to one analyzer, it fails that analyzer on every package:
		// one error, and the other analyzers' findings.
		out, errOut, code := runSplit(t, dir, nil, false, bin, "-spanend.config", cfg, "./service/...")
		prefix = "tracelint: spanend: " + cfg + `:2:3: unknown key "infer-wrapers" in spanend`
		if code != 1 || !strings.HasPrefix(errOut, prefix) || strings.Count(errOut, prefix) != 1 || !strings.Contains(out, "(TL101)") || strings.Contains(out, "(TL201)") {
			t.Errorf("-spanend.config: exit code %d, stderr:\n%s\nwant exit code 1, the error once:\n%s\nand the other analyzers' findings:\n%s", code, errOut, prefix, out)
		}
	})

	t.Run("bad registry", func(t *testing.T) {
		t.Parallel()
		tmp := t.TempDir()
		cfg := filepath.Join(tmp, "cfg.yml")
		reg := filepath.Join(tmp, "reg.yaml")
		if err := os.WriteFile(cfg, []byte("attrkeys:\n  registries: [reg.yaml]\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(reg, []byte("file_format: definition/2\nattributes:\n  - key: shop.order.id\n    type: strin\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		out, code := run(t, dir, bin, "-config", cfg, "./service/...")
		prefix := "tracelint: " + reg + `:4:11: unknown type "strin"`
		if code != 1 || !strings.HasPrefix(out, prefix) || strings.Count(out, "\n") != 1 {
			t.Errorf("exit code %d, output:\n%s\nwant exit code 1 and one line starting with:\n%s", code, out, prefix)
		}
	})

	t.Run("explicit config", func(t *testing.T) {
		t.Parallel()
		cfg := filepath.Join(t.TempDir(), "quiet.yml")
		quiet := "disable: [" + strings.Join(tracelint.RuleIDs(), ", ") + "]\n"
		if err := os.WriteFile(cfg, []byte(quiet), 0o644); err != nil {
			t.Fatal(err)
		}
		out, errOut, code := runSplit(t, dir, nil, false, bin, "-config", cfg, "./service/...")
		if code != 0 || out != "" || errOut != "no findings in 9 packages\n" {
			t.Errorf("with every rule disabled (TL204 not enabled): exit code %d, output:\n%s%s", code, out, errOut)
		}
	})

	// The command's flags and arguments: mistakes exit with 2.
	t.Run("command line", func(t *testing.T) {
		t.Parallel()
		for _, tc := range []struct {
			args []string
			code int
			want string
		}{
			{nil, 2, "usage: tracelint [flags] packages..."},
			{[]string{"-nosuch", "./service/store"}, 2, "tracelint: flag provided but not defined: -nosuch"},
			{[]string{"-format", "xml", "./service/store"}, 2, `tracelint: -format "xml": want text, json, sarif, github`},
			{[]string{"-json", "-format", "text", "./service/store"}, 2, "tracelint: -json and -format text ask for two formats"},
			{[]string{"-format", "json", "-c", "2", "./service/store"}, 2, "tracelint: -c shows lines of context in the text format only"},
			{[]string{"-baseline", "a.json", "-write-baseline", "b.json", "./service/store"}, 2, "tracelint: -baseline reads a baseline and -write-baseline writes one"},
			{[]string{"-help"}, 0, "-require-reason"},
			{[]string{"help"}, 0, "spanend "},
			{[]string{"help", "spanend"}, 0, "-spanend.config value"},
			{[]string{"help", "nosuch"}, 2, "tracelint: help nosuch: no such analyzer"},
			{[]string{"./nosuch/..."}, 1, "tracelint: "},
			// The analyzer flags: -NAME runs only the analyzers named.
			{[]string{"-piiattrs", "./service/store"}, 0, "no findings in 1 package"},
			{[]string{"-spanend=false", "-ctxpropagation=false", "./service/store"}, 0, "no findings in 1 package"},
			{[]string{"-spanend", "-test=false", "-tags", "x", "./service/store"}, 3, "2 findings (TL201 ×1, TL204 ×1) in 1 package"},
		} {
			out, code := run(t, dir, bin, tc.args...)
			if code != tc.code || !strings.Contains(out, tc.want) {
				t.Errorf("tracelint %s: exit code %d, output:\n%s\nwant exit code %d and %q", strings.Join(tc.args, " "), code, out, tc.code, tc.want)
			}
		}
	})

	// go vet asks the tool for its flags, and passes on those it names:
	// the same names as before the driver.
	t.Run("vet flags", func(t *testing.T) {
		t.Parallel()
		out, _, code := runSplit(t, dir, nil, false, bin, "-flags")
		want, err := os.ReadFile(filepath.Join("testdata", "vetflags.json"))
		if err != nil {
			t.Fatal(err)
		}
		type vetFlag struct {
			Name string
			Bool bool
		}
		var got, wantFlags []vetFlag
		if err := json.Unmarshal([]byte(out), &got); err != nil || code != 0 {
			t.Fatalf("tracelint -flags: exit code %d, %v:\n%s", code, err, out)
		}
		if err := json.Unmarshal(want, &wantFlags); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, wantFlags) {
			t.Errorf("tracelint -flags: %v\nwant the flags of testdata/vetflags.json: %v", got, wantFlags)
		}
	})
}

func TestKeys(t *testing.T) {
	bin := build(t)
	dir := testmodule.Dir(t)

	t.Run("text", func(t *testing.T) {
		out, code := run(t, dir, bin, "keys", "./attrkeys/drift")
		if code != 0 {
			t.Fatalf("exit code %d, want 0:\n%s", code, out)
		}
		for _, want := range []string{
			"tenantID     string  2      not in contract  attrkeys/drift/drift.go:13",
			"user.id      string  2      semconv          attrkeys/drift/drift.go:18",
			"10 keys, 12 sites; 3 concepts spelled several ways:",
			"  orgID (1 site, first attrkeys/drift/drift.go:15), tenant (1 site, first attrkeys/drift/drift.go:24), tenantID (2 sites, first attrkeys/drift/drift.go:13), tenant_id (1 site, first attrkeys/drift/drift.go:14)",
			"  storeID (1 site, first attrkeys/drift/drift.go:16), store_id (1 site, first attrkeys/drift/drift.go:25)",
			"  user.id (2 sites, first attrkeys/drift/drift.go:18), userId (1 site, first attrkeys/drift/drift.go:17)",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("output lacks %q:\n%s", want, out)
			}
		}
	})

	t.Run("json", func(t *testing.T) {
		out, _ := run(t, dir, bin, "keys", "-format", "json", "./attrkeys/drift")
		var got struct {
			Keys []struct {
				Key    string   `json:"key"`
				Types  []string `json:"types"`
				Status string   `json:"status"`
				Sites  []struct {
					File string `json:"file"`
					Line int    `json:"line"`
				} `json:"sites"`
			} `json:"keys"`
			Drift [][]string `json:"drift"`
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("not JSON: %v\n%s", err, out)
		}
		if len(got.Keys) != 10 || len(got.Drift) != 3 || got.Keys[0].Key != "order.count" || got.Keys[0].Types[0] != "int" {
			t.Errorf("unexpected inventory: %+v", got)
		}
	})

	t.Run("weaver", func(t *testing.T) {
		out, code := run(t, dir, bin, "keys", "-format", "weaver", "-name", "shop", "./attrkeys/drift")
		if code != 0 {
			t.Fatalf("exit code %d:\n%s", code, out)
		}
		file := filepath.Join(t.TempDir(), "registry.yaml")
		if err := os.WriteFile(file, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		c, err := contract.Load([]string{file}, contract.Semconv())
		if err != nil {
			t.Fatalf("the skeleton is not a registry tracelint reads: %v\n%s", err, out)
		}
		if a, ok := c.Lookup("store_id"); !ok || a.Type.String() != "string" || a.Stability != "development" {
			t.Errorf("store_id in the skeleton: %+v, %v", a, ok)
		}
		if _, ok := c.Lookup("user.id"); ok {
			t.Errorf("user.id, a semantic conventions key, is defined again instead of referenced")
		}
		if !strings.Contains(out, "- ref: user.id") || !strings.Contains(out, "The same concept is also spelled store_id: keep one spelling.") {
			t.Errorf("skeleton:\n%s", out)
		}
	})

	t.Run("bad format", func(t *testing.T) {
		out, code := run(t, dir, bin, "keys", "-format", "xml", ".")
		if code != 2 || !strings.Contains(out, `-format "xml": want text, json or weaver`) {
			t.Errorf("exit code %d, output %q", code, out)
		}
	})
}

// scratchModule writes the files of the txtar archive testdata/name into
// a new module beside the testdata module's go.mod and go.sum, whose
// dependencies are downloaded, and returns its directory.
func scratchModule(t *testing.T, name string) string {
	t.Helper()
	testdata := testmodule.Dir(t)
	dir := t.TempDir()
	ar, err := txtar.ParseFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"go.mod", "go.sum"} {
		b, err := os.ReadFile(filepath.Join(testdata, f))
		if err != nil {
			t.Fatal(err)
		}
		ar.Files = append(ar.Files, txtar.File{Name: f, Data: b})
	}
	for _, f := range ar.Files {
		path := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestNolint runs the command on the module of testdata/nolint.txtar:
// every form of //nolint, the problems of the directives (TL000), a
// package that does not type-check, a package with tests, and -fix.
func TestNolint(t *testing.T) {
	bin := build(t)
	env := []string{"GOPROXY=off"}

	// nolint/forms.go has a TL201 in each function: those the directives
	// silence are missing; broken is reported once, by name, and the run
	// goes on; the finding of the test file is reported once, by the test
	// variant, and those of forms.go once, though the variant has them too.
	t.Run("report", func(t *testing.T) {
		t.Parallel()
		dir := scratchModule(t, "nolint.txtar")
		out, errOut, code := runSplit(t, dir, env, false, bin, "./...")
		golden(t, "nolint.golden", out)
		want := "tracelint: package example.com/tracelinttest/broken: broken/broken.go:3:23: undefined: y\n" +
			"11 findings (TL000 ×5, TL201 ×6) in 1 package; 1 package could not be checked\n"
		if code != 1 || errOut != want {
			t.Errorf("exit code %d, stderr:\n%s\nwant exit code 1 (a package could not be checked) and:\n%s", code, errOut, want)
		}

		// Without the broken package, findings give 3.
		_, errOut, code = runSplit(t, dir, env, false, bin, "./nolint")
		if code != 3 || errOut != "11 findings (TL000 ×5, TL201 ×6) in 1 package\n" {
			t.Errorf("./nolint: exit code %d, stderr:\n%s", code, errOut)
		}

		// -require-reason adds the directive that silences without a reason.
		out, _, code = runSplit(t, dir, env, false, bin, "-require-reason", "./nolint")
		var reasons []string
		for _, line := range strings.Split(out, "\n") {
			if strings.Contains(line, "gives no reason") {
				reasons = append(reasons, line)
			}
		}
		wantReasons := []string{"nolint/forms.go:26:39: //nolint:spanend gives no reason; say why after a second //: //nolint:spanend // why the finding does not apply here (TL000)"}
		if code != 3 || !slices.Equal(reasons, wantReasons) {
			t.Errorf("-require-reason: exit code %d, reasons:\n%s\nwant:\n%s", code, strings.Join(reasons, "\n"), strings.Join(wantReasons, "\n"))
		}

		// With -spanend=false, no spanend name is judged unused.
		out, _, code = runSplit(t, dir, env, false, bin, "-spanend=false", "./nolint")
		if code != 3 || strings.Contains(out, "silences no finding") || !strings.Contains(out, `did you mean "spanend"?`) {
			t.Errorf("-spanend=false: exit code %d, output:\n%s\nwant only the misspelt name", code, out)
		}
	})

	// -fix applies the fixes, the removal of unused directives among them,
	// except in the generated file, and reports what remains.
	t.Run("fix", func(t *testing.T) {
		t.Parallel()
		dir := scratchModule(t, "nolint.txtar")
		generated, err := os.ReadFile(filepath.Join(dir, "nolint", "generated.go"))
		if err != nil {
			t.Fatal(err)
		}
		out, errOut, code := runSplit(t, dir, env, false, bin, "-fix", "./nolint")
		wantErr := "applied 9 fixes in 2 files; 2 findings remain\n2 findings (TL000 ×1, TL201 ×1) in 1 package\n"
		if code != 3 || errOut != wantErr {
			t.Errorf("exit code %d, stderr:\n%s\nwant exit code 3 and:\n%s", code, errOut, wantErr)
		}
		golden(t, "nolint-fix.golden", out)
		fixed, err := os.ReadFile(filepath.Join(dir, "nolint", "forms.go"))
		if err != nil {
			t.Fatal(err)
		}
		golden(t, "nolint-forms.go.golden", string(fixed))
		if after, _ := os.ReadFile(filepath.Join(dir, "nolint", "generated.go")); !bytes.Equal(after, generated) {
			t.Errorf("-fix edited the generated file:\n%s", after)
		}
	})

	// go vet -vettool honours the directives too.
	t.Run("go vet -vettool", func(t *testing.T) {
		t.Parallel()
		dir := scratchModule(t, "nolint.txtar")
		cache := filepath.Join(os.TempDir(), "tracelint-e2e-gocache")
		out, _ := runEnv(t, dir, append(env, "GOCACHE="+cache), "go", "vet", "-vettool="+bin, "./nolint")
		var got []string
		for _, line := range strings.Split(out, "\n") {
			if strings.HasSuffix(line, "(TL201)") {
				place, _, _ := strings.Cut(line, ": ")
				got = append(got, place)
			}
		}
		slices.Sort(got)
		want := []string{"nolint/forms.go:65:15", "nolint/forms.go:71:15", "nolint/forms.go:77:15", "nolint/forms.go:97:15", "nolint/forms_test.go:11:15", "nolint/generated.go:8:15"}
		if !slices.Equal(slices.Compact(got), want) {
			t.Errorf("go vet reported TL201 at %v, want %v:\n%s", got, want, out)
		}
	})
}
