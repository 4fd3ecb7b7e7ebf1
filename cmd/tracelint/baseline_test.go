package main_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tracelint/tracelint/internal/testmodule"
)

// TestBaselineSurvivesEdits writes a baseline, then edits the file in ways
// that move every finding to other lines (lines inserted above them, the
// functions swapped): the baseline still knows them. A new finding is
// reported, and so is a second copy of a known one.
func TestBaselineSurvivesEdits(t *testing.T) {
	bin := build(t)
	dir := scratchModule(t, "baseline.txtar")
	file := filepath.Join(dir, "app", "app.go")
	base := filepath.Join(dir, "tracelint-baseline.json")
	if out, errOut, code := runSplit(t, dir, nil, false, bin, "-write-baseline", base, "./..."); code != 0 || out != "" || !strings.HasPrefix(errOut, "wrote 2 findings to ") {
		t.Fatalf("-write-baseline: exit code %d, output:\n%s%s", code, out, errOut)
	}
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	text := string(src)
	store := text[strings.Index(text, "// Store leaks"):strings.Index(text, "// Load never")]
	load := text[strings.Index(text, "// Load never"):]
	head := text[:strings.Index(text, "// Store leaks")]
	moved := strings.Replace(head, "var tracer", "// Lines inserted above the findings.\n\nconst unused = 1\n\nvar tracer", 1) + load + "\n" + store
	write := func(s string) {
		t.Helper()
		if err := os.WriteFile(file, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(moved)
	if out, errOut, code := runSplit(t, dir, nil, false, bin, "-baseline", base, "./..."); code != 0 || out != "" || !strings.Contains(errOut, "2 findings known to the baseline") {
		t.Errorf("after moving the findings: exit code %d, output:\n%s%s\nwant none reported, 2 known", code, out, errOut)
	}

	// A new function with a leak, and a copy of Load's: both are new.
	write(moved + `
// Save never ends its span.
func Save(ctx context.Context) {
	_, span := tracer.Start(ctx, "save")
	_ = span.IsRecording()
}

// LoadAgain repeats Load.
func LoadAgain(ctx context.Context) {
	_, span := tracer.Start(ctx, "load")
	_ = span.IsRecording()
}
`)
	out, errOut, code := runSplit(t, dir, nil, false, bin, "-baseline", base, "./...")
	got := findings(out)
	if code != 3 || len(got) != 2 || !strings.Contains(out, `span "span" is not ended`) || !strings.Contains(errOut, "2 findings known to the baseline") {
		t.Errorf("with two new leaks: exit code %d, output:\n%s%s\nwant the two new ones only", code, out, errOut)
	}
}

// TestGitHubGolden checks -format github's whole output on a package of
// the testdata service against a golden file.
func TestGitHubGolden(t *testing.T) {
	bin := build(t)
	out, errOut, code := runSplit(t, testmodule.Dir(t), nil, false, bin, "-format", "github", "./service/store", "./service/orders")
	if code != 3 {
		t.Errorf("exit code %d, stderr:\n%s", code, errOut)
	}
	golden(t, "github.golden", out)
}
