package main_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tracelint/tracelint/internal/testmodule"
)

// flagApp has one finding of each kind the configurations below decide:
// TL204 (opt-in) in Save, TL201 (on by default) in Leak. It imports
// otel/trace alone, not otel: go vet runs the tool on every dependency, and
// a third of them keeps each run near a second and a half.
const flagApp = `package app

import (
	"context"

	"go.opentelemetry.io/otel/trace"
)

func work(context.Context) error { return nil }

// Save ends its span, but returns work's error without recording it.
func Save(ctx context.Context, tracer trace.Tracer) error {
	ctx, span := tracer.Start(ctx, "save")
	defer span.End()
	if err := work(ctx); err != nil {
		return err
	}
	return nil
}

// Leak does not end its span when work fails.
func Leak(ctx context.Context, tracer trace.Tracer) error {
	ctx, span := tracer.Start(ctx, "leak")
	if err := work(ctx); err != nil {
		return err
	}
	span.End()
	return nil
}
`

// TestAnalyzerConfigFlag runs go vet -vettool, the unitchecker protocol
// that Bazel's nogo follows too, on a module whose .tracelint.yml enables
// TL204, and checks that an analyzer's config flag replaces that file for
// the analyzer, and that a broken file named by it stops the run with its
// position.
func TestAnalyzerConfigFlag(t *testing.T) {
	bin := build(t)
	testdata := testmodule.Dir(t) // its go.mod and go.sum, whose modules are downloaded
	dir := t.TempDir()
	write := func(name, data string) string {
		t.Helper()
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	for _, name := range []string{"go.mod", "go.sum"} {
		b, err := os.ReadFile(filepath.Join(testdata, name))
		if err != nil {
			t.Fatal(err)
		}
		write(name, string(b))
	}
	write("app/app.go", flagApp)
	write(".tracelint.yml", "enable: [TL204]\n")
	quiet := write("tools/quiet.yml", "disable: [TL201]\n") // and TL204 stays off
	bad := write("tools/bad.yml", "spanend:\n  infer-wrapers: true\n")

	// A cache of the test's own, shared with TestEndToEnd, as there.
	env := []string{"GOPROXY=off", "GOCACHE=" + filepath.Join(os.TempDir(), "tracelint-e2e-gocache")}
	vet := func(t *testing.T, flags ...string) (string, int) {
		t.Helper()
		args := append(append([]string{"vet", "-vettool=" + bin}, flags...), "./...")
		return runEnv(t, dir, env, "go", args...)
	}
	const (
		tl204 = "app/app.go:13:15: span \"span\" ends without recording the error returned on line 16"
		tl201 = "app/app.go:23:15: span \"span\" is not ended on every path"
	)

	t.Run("unset", func(t *testing.T) {
		t.Parallel()
		out, code := vet(t)
		if code == 0 || !strings.Contains(out, tl204) || !strings.Contains(out, tl201) {
			t.Errorf("exit code %d, output:\n%s\nwant TL204 (enabled by the module's .tracelint.yml) and TL201", code, out)
		}
	})

	t.Run("set", func(t *testing.T) {
		t.Parallel()
		out, code := vet(t, "-spanend.config="+quiet)
		if code != 0 || strings.Contains(out, "(TL") {
			t.Errorf("exit code %d, output:\n%s\nwant no finding: the flag's file disables TL201 and, replacing .tracelint.yml, leaves TL204 off", code, out)
		}
	})

	// go vet runs its tool in each package's directory, so a relative path
	// starts there (docs/bazel.md says so).
	t.Run("relative", func(t *testing.T) {
		t.Parallel()
		out, code := vet(t, "-spanend.config="+filepath.Join("..", "tools", "quiet.yml"))
		if code != 0 || strings.Contains(out, "(TL") {
			t.Errorf("exit code %d, output:\n%s\nwant the file found relative to app/, and no finding", code, out)
		}
	})

	t.Run("every analyzer", func(t *testing.T) {
		t.Parallel()
		var flags []string
		for _, name := range []string{"ctxpropagation", "spanend", "attrkeys", "piiattrs"} {
			flags = append(flags, "-"+name+".config="+quiet)
		}
		out, code := vet(t, flags...)
		if code != 0 || strings.Contains(out, "(TL") {
			t.Errorf("exit code %d, output:\n%s\nwant each flag accepted, and no finding", code, out)
		}
	})

	// The configuration given inline, as a nogo configuration can hermetically.
	t.Run("inline", func(t *testing.T) {
		t.Parallel()
		out, code := vet(t, "-spanend.config-yaml=disable: [TL201]")
		if code != 0 || strings.Contains(out, "(TL") {
			t.Errorf("exit code %d, output:\n%s\nwant no finding: the inline configuration disables TL201 and leaves TL204 off", code, out)
		}
	})

	t.Run("bad file", func(t *testing.T) {
		t.Parallel()
		out, code := vet(t, "-spanend.config="+bad)
		// The error names the absolute path; run trims the module's directory.
		want := `tools/bad.yml:2:3: unknown key "infer-wrapers" in spanend; did you mean "infer-wrappers"?`
		if code == 0 || !strings.Contains(out, want) || strings.Contains(out, "panic") {
			t.Errorf("exit code %d, output:\n%s\nwant an error naming the file and line:\n%s", code, out, want)
		}
	})
}
