package main_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// buildTracelint builds the command into a temporary directory, with env
// added to the go command's environment, and returns its path.
func buildTracelint(t *testing.T, env ...string) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "tracelint")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Env = append(os.Environ(), env...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build %s: %v\n%s", strings.Join(env, " "), err, out)
	}
	return bin
}

// runBin runs bin with args in dir and returns its standard output, its
// standard error and its exit code.
func runBin(t *testing.T, bin, dir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
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

// TestRustCommand runs tracelint rust through the binary, on the crates of
// testdata/rust: clean, without findings, and leaky, whose src/login.rs
// records a password in a span field (pii_in_telemetry, TL401) on line 4
// and drops a span guard at once (span_guard_dropped_at_once, TL202) on
// line 5.
func TestRustCommand(t *testing.T) {
	if cgo, err := exec.Command("go", "env", "CGO_ENABLED").Output(); err != nil || strings.TrimSpace(string(cgo)) != "1" {
		t.Skipf("tracelint rust needs cgo: go env CGO_ENABLED: %q, %v", cgo, err)
	}
	bin := buildTracelint(t)
	out, errOut, code := runBin(t, bin, filepath.Join("testdata", "rust", "clean"), "rust")
	if code != 0 || out != "" || errOut != "no findings in 1 file\n" {
		t.Errorf("tracelint rust on a clean crate: exit code %d, stdout %q, stderr %q; want 0 and the summary", code, out, errOut)
	}

	// NEEDS lint.Checker.File: this half fails while File returns nil.
	out, errOut, code = runBin(t, bin, filepath.Join("testdata", "rust"), "rust", "-format", "github", "leaky")
	for _, want := range []string{
		"::warning file=leaky/src/login.rs,line=4,", "title=TL401::",
		"::warning file=leaky/src/login.rs,line=5,", "title=TL202::",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("tracelint rust -format github leaky: no %q in\n%s", want, out)
		}
	}
	if code != 3 || !strings.HasSuffix(errOut, " in 1 file\n") {
		t.Errorf("tracelint rust on a leaky crate: exit code %d, stderr %q; want 3 and the summary", code, errOut)
	}
}

// TestRustWithoutCgo builds the command without cgo: the rest of the
// command works, and tracelint rust says what it needs.
func TestRustWithoutCgo(t *testing.T) {
	bin := buildTracelint(t, "CGO_ENABLED=0")
	dir := t.TempDir()
	if out, errOut, code := runBin(t, bin, dir, "version"); code != 0 || errOut != "" || !strings.HasPrefix(out, "tracelint version ") {
		t.Errorf("tracelint version: exit code %d, stdout %q, stderr %q", code, out, errOut)
	}
	out, errOut, code := runBin(t, bin, dir, "rust", ".")
	if code != 1 || out != "" || !strings.HasPrefix(errOut, "tracelint rust: tracelint rust needs a build with cgo") ||
		!strings.Contains(errOut, "CGO_ENABLED=1") || strings.Count(errOut, "\n") != 1 {
		t.Errorf("tracelint rust .: exit code %d, stdout %q, stderr %q; want 1 and one line saying that cgo is needed", code, out, errOut)
	}
	// The flags are parsed first.
	if _, errOut, code := runBin(t, bin, dir, "rust", "-format", "xml"); code != 2 {
		t.Errorf("tracelint rust -format xml: exit code %d, stderr %q; want 2", code, errOut)
	}
}

// TestRustCgoFreeImports checks that tree-sitter, and cgo with it, stay
// out of what other programs import: the analyzers, the root package and
// the golangci-lint plugin, which golangci-lint builds into itself.
func TestRustCgoFreeImports(t *testing.T) {
	deps := func(patterns ...string) []string {
		cmd := exec.Command("go", append([]string{"list", "-deps"}, patterns...)...)
		cmd.Dir = filepath.Join("..", "..")
		cmd.Env = append(os.Environ(), "CGO_ENABLED=1") // the build that can import tree-sitter
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("go list -deps %s: %v", strings.Join(patterns, " "), err)
		}
		return strings.Fields(string(out))
	}
	const treeSitter = "github.com/tree-sitter/"
	hasTreeSitter := func(pkgs []string) bool {
		for _, p := range pkgs {
			if strings.HasPrefix(p, treeSitter) {
				return true
			}
		}
		return false
	}
	// The command imports it: the test looks for the right name.
	if !hasTreeSitter(deps("./cmd/tracelint")) {
		t.Fatalf("the command does not import %s...: the test looks for the wrong path", treeSitter)
	}
	for _, pattern := range []string{".", "./analyzers/...", "./golangci/..."} {
		if pkgs := deps(pattern); hasTreeSitter(pkgs) {
			t.Errorf("%s imports %s...: keep the Rust parser out of it", pattern, treeSitter)
		}
	}
}
