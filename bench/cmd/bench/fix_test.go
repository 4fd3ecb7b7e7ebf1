package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tracelint/tracelint/bench/internal/findings"
)

const fixSource = `package p

import "context"

func handle(ctx context.Context) {
	use(context.Background())
	defer use(context.Background())
	go func() { use(context.Background()) }()
}

func (s *server) Shutdown(ctx context.Context) { use(context.Background()) }

func use(context.Context) {}

type server struct{}
`

// fixAt is a TL101 finding whose fix replaces the n-th context.Background()
// of fixSource by newText.
func fixAt(n int, newText string) findings.Finding {
	start := 0
	for i := 0; i <= n; i++ {
		start += strings.Index(fixSource[start:], "context.Background()")
		if i < n {
			start++
		}
	}
	end := start + len("context.Background()")
	return findings.Finding{Rule: "TL101", File: "p.go", Fixes: []findings.Fix{{
		Message: "Pass ctx", Edits: []findings.Edit{{File: "p.go", Start: start, End: end, New: newText}},
	}}}
}

func TestRiskOf(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "p.go"), []byte(fixSource), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		n       int
		newText string
		want    string
	}{
		{0, "ctx", ""},
		{1, "ctx", "runs deferred"},
		{2, "ctx", "runs in a goroutine"},
		{2, "context.WithoutCancel(ctx)", ""},
		{3, "ctx", "in Shutdown"},
	} {
		f := fixAt(c.n, c.newText)
		got := riskOf(dir, f)
		if c.want == "" && got != "" || c.want != "" && !strings.Contains(got, c.want) {
			t.Errorf("fix %d to %q: riskOf = %q, want %q", c.n, c.newText, got, c.want)
		}
		if p := preview(dir, f); !strings.Contains(p, `"context.Background()" → `) {
			t.Errorf("preview = %q", p)
		}
	}
}

func TestNewLines(t *testing.T) {
	before := []byte("# p\np.go:3:1: x is unused\n")
	after := []byte("# p\np.go:4:1: x is unused\np.go:9:2: unreachable code\n")
	if got := newLines(before, after); got != "p.go:9:2: unreachable code" {
		t.Errorf("newLines = %q", got)
	}
}
