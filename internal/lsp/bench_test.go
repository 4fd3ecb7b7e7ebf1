package lsp

import (
	"context"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/tracelint/tracelint"
	"github.com/tracelint/tracelint/internal/testmodule"
)

// benchDir is the package a benchmark saves a file of: the directory in
// TRACELINT_LSP_BENCH (a package of a large service, e.g. openfga's
// pkg/server, prepared by bench/run), else a small package written here.
func benchDir(b *testing.B) (dir, file string) {
	if dir = os.Getenv("TRACELINT_LSP_BENCH"); dir == "" {
		testdata := testmodule.Dir(b)
		dir = b.TempDir()
		for _, name := range []string{"go.mod", "go.sum"} {
			src, err := os.ReadFile(filepath.Join(testdata, name))
			if err != nil {
				b.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, name), src, 0o644); err != nil {
				b.Fatal(err)
			}
		}
		if err := os.WriteFile(filepath.Join(dir, "app.go"), []byte(benchApp), 0o644); err != nil {
			b.Fatal(err)
		}
		b.Setenv("GOFLAGS", "-mod=mod")
		b.Setenv("GOPROXY", "off")
		b.Setenv("GOWORK", "off")
	}
	matches, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	for _, m := range matches {
		if !strings.HasSuffix(m, "_test.go") {
			return dir, m
		}
	}
	b.Fatalf("no Go file in %s", dir)
	return "", ""
}

const benchApp = `package app

import (
	"context"

	"go.opentelemetry.io/otel"
)

func Handle(ctx context.Context) {
	_, span := otel.Tracer("app").Start(ctx, "handle")
	_ = span
}
`

// BenchmarkLoad is the floor a save is judged against: loading and
// type-checking the package (its tests included, as the server does).
func BenchmarkLoad(b *testing.B) {
	dir, _ := benchDir(b)
	for b.Loop() {
		if _, err := load(dir, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSave is one save as the server handles it: everything the
// analyzers remember dropped, the package loaded with the buffer as an
// overlay, analysed, and its diagnostics converted. After the loop it
// reports the live heap after 10 and after 100 saves, which should not
// grow.
func BenchmarkSave(b *testing.B) {
	_, file := benchDir(b)
	text, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	opts := Options{RuleIDs: tracelint.RuleIDs(), Analyzers: tracelint.Analyzers}
	if os.Getenv("TRACELINT_LSP_LOG") != "" {
		opts.Log = log.New(os.Stderr, "", 0)
	}
	s := New(opts)
	ctx := context.Background()
	save := func() {
		t := string(text)
		s.DidSave(ctx, &protocol.DidSaveTextDocumentParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: uri.File(file)}, Text: &t,
		})
		s.Wait()
	}
	s.DidOpen(ctx, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: uri.File(file), LanguageID: "go", Version: 1, Text: string(text),
	}})
	s.Wait()
	for b.Loop() {
		save()
	}
	b.StopTimer()
	if os.Getenv("TRACELINT_LSP_SAVES") != "" {
		heap := func() float64 {
			runtime.GC()
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			return float64(m.HeapAlloc) / (1 << 20)
		}
		for range 10 {
			save()
		}
		after10 := heap()
		for range 90 {
			save()
		}
		after100 := heap()
		runtime.KeepAlive(s) // else the server itself is collected before the last reading
		b.ReportMetric(after10, "MiB-heap-after-10-saves")
		b.ReportMetric(after100, "MiB-heap-after-100-saves")
	}
}

// BenchmarkChange is an analysis of an unsaved buffer, after a pause in
// typing: with the buffer as an overlay, go/packages type-checks every
// dependency from source.
func BenchmarkChange(b *testing.B) {
	_, file := benchDir(b)
	text, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	s := New(Options{RuleIDs: tracelint.RuleIDs(), Analyzers: tracelint.Analyzers, Debounce: time.Millisecond})
	ctx := context.Background()
	s.DidOpen(ctx, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: uri.File(file), LanguageID: "go", Version: 1, Text: string(text),
	}})
	s.Wait()
	version := int32(1)
	for b.Loop() {
		version++
		s.DidChange(ctx, &protocol.DidChangeTextDocumentParams{
			TextDocument: protocol.VersionedTextDocumentIdentifier{
				TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: uri.File(file)}, Version: version,
			},
			ContentChanges: []protocol.TextDocumentContentChangeEvent{
				&protocol.TextDocumentContentChangeWholeDocument{Text: string(text) + "\n// edited " + strconv.Itoa(int(version)) + "\n"},
			},
		})
		s.Wait()
	}
}
