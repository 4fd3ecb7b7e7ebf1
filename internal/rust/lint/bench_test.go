package lint_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/rust/lint"
	"github.com/tracelint/tracelint/internal/rust/syntax"
)

// benchFiles are the sources the benchmarks parse and check: this
// package's test files, which use every site the lints read.
func benchFiles(b *testing.B) [][]byte {
	paths, err := filepath.Glob(filepath.Join("testdata", "*.rs"))
	if err != nil || len(paths) == 0 {
		b.Fatalf("no test files: %v", err)
	}
	var srcs [][]byte
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, src)
	}
	return srcs
}

// BenchmarkParse measures tree-sitter's parse and the copy of its tree
// into syntax.Nodes, per file.
func BenchmarkParse(b *testing.B) {
	srcs := benchFiles(b)
	p := newParser(b)
	var bytes int64
	for _, src := range srcs {
		bytes += int64(len(src))
	}
	b.SetBytes(bytes / int64(len(srcs)))
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, err := p.Parse(srcs[i%len(srcs)]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheck measures the lints on parsed trees, per file.
func BenchmarkCheck(b *testing.B) {
	srcs := benchFiles(b)
	p := newParser(b)
	c, err := lint.NewChecker(config.Default())
	if err != nil {
		b.Fatal(err)
	}
	type parsedFile struct {
		src  []byte
		root *syntax.Node
	}
	roots := make([]*parsedFile, len(srcs))
	for i, src := range srcs {
		root, err := p.Parse(src)
		if err != nil {
			b.Fatal(err)
		}
		roots[i] = &parsedFile{src: src, root: root}
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		f := roots[i%len(roots)]
		c.File("bench.rs", f.src, f.root)
	}
}
