package memo_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/tracelint/tracelint"
	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/memo"
	"github.com/tracelint/tracelint/internal/testmodule"
)

// TestInvalidate edits a span-start wrapper in another package of a module
// and checks that analyzers kept alive across runs, as an editor server
// keeps them, see the edit at the wrapper's caller once their Cache is
// invalidated, and only then.
func TestInvalidate(t *testing.T) {
	testdata := testmodule.Dir(t) // its go.mod and go.sum, whose modules are downloaded
	dir := t.TempDir()
	for _, name := range []string{"go.mod", "go.sum"} {
		b, err := os.ReadFile(filepath.Join(testdata, name))
		if err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(dir, name), string(b))
	}
	write(t, filepath.Join(dir, "wrap", "wrap.go"), wrapStarts)
	write(t, filepath.Join(dir, "app", "app.go"), `package app

import (
	"context"

	"example.com/tracelinttest/wrap"
)

func use(context.Context) {}

func Handle(ctx context.Context) {
	ctx, span := wrap.Start(ctx)
	use(ctx)
	_ = span.IsRecording()
}
`)
	t.Setenv("GOFLAGS", "-mod=mod")
	t.Setenv("GOPROXY", "off")
	t.Setenv("GOWORK", "off")

	src := memo.Share(config.Default())
	analyzers := tracelint.Analyzers(src)
	findings := func() string {
		pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadSyntax, Dir: dir}, "./app")
		if err != nil || packages.PrintErrors(pkgs) > 0 {
			t.Fatalf("load: %v", err)
		}
		graph, err := checker.Analyze(analyzers, pkgs, nil)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for act := range graph.All() {
			for _, d := range act.Diagnostics {
				ids = append(ids, d.Category)
			}
		}
		return strings.Join(ids, " ")
	}

	if got := findings(); got != "TL201" {
		t.Fatalf("before the edit: %q, want TL201 (wrap.Start starts a span the caller must end)", got)
	}
	write(t, filepath.Join(dir, "wrap", "wrap.go"), wrapEnds)
	if got := findings(); got != "TL201" {
		t.Errorf("after the edit, before Invalidate: %q, want the remembered answer, TL201", got)
	}
	src.Cache().Invalidate()
	if got := findings(); got != "" {
		t.Errorf("after Invalidate: %q, want nothing (wrap.Start now ends its span)", got)
	}
}

const wrapStarts = `package wrap

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

// Start starts a span for the caller to end.
func Start(ctx context.Context) (context.Context, trace.Span) {
	return otel.Tracer("wrap").Start(ctx, "op")
}
`

// wrapEnds keeps Start on the same line: the edit changes its body only.
const wrapEnds = `package wrap

import (
	"context"

	"go.opentelemetry.io/otel/trace"
)

// Start returns the caller's span; it starts none.
// (The line above keeps Start where it was.)
func Start(ctx context.Context) (context.Context, trace.Span) {
	return ctx, trace.SpanFromContext(ctx)
}
`

func write(t *testing.T, name, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
