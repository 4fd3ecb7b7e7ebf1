package lint_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tracelint/tracelint/internal/finding"
)

var update = flag.Bool("update", false, "rewrite the .golden files of testdata/fixes")

// TestFixes applies every suggested fix of each testdata/fixes file and
// compares the result with the file's .golden.
func TestFixes(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "fixes", "*.rs"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fix files: %v", err)
	}
	for _, path := range paths {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var edits []finding.Edit
		for _, f := range check(t, path, src, "testdata") {
			for _, fix := range f.Fixes {
				edits = append(edits, fix.Edits...)
			}
		}
		slices.SortFunc(edits, func(a, b finding.Edit) int { return a.Pos.Offset - b.Pos.Offset })
		var out bytes.Buffer
		last := 0
		for _, e := range edits {
			if e.Pos.Offset < last {
				t.Fatalf("%s: overlapping edits at offset %d", path, e.Pos.Offset)
			}
			if got := string(src[e.Pos.Offset:e.End.Offset]); strings.Count(got, "\n") != e.End.Line-e.Pos.Line {
				t.Errorf("%s: edit %q spans lines %d-%d", path, got, e.Pos.Line, e.End.Line)
			}
			out.Write(src[last:e.Pos.Offset])
			out.WriteString(e.NewText)
			last = e.End.Offset
		}
		out.Write(src[last:])
		golden := path + ".golden"
		if *update {
			if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out.Bytes(), want) {
			t.Errorf("%s: the fixes give\n%s\nwant (%s)\n%s", path, out.Bytes(), golden, want)
		}
	}
}
