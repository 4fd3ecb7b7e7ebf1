package findingout_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tracelint/tracelint/internal/finding"
	"github.com/tracelint/tracelint/internal/findingout"
)

func TestPlace(t *testing.T) {
	for _, tc := range []struct {
		p    finding.Position
		want string
	}{
		{finding.Position{}, "-"},
		{finding.Position{File: "a.go"}, "a.go"},
		{finding.Position{File: "a.go", Line: 3}, "a.go:3"},
		{finding.Position{File: "a.go", Line: 3, Column: 7}, "a.go:3:7"},
		{finding.Position{Line: 3, Column: 7}, "-"}, // no file, no place
	} {
		if got := findingout.Place(tc.p); got != tc.want {
			t.Errorf("Place(%+v) = %q, want %q", tc.p, got, tc.want)
		}
	}
}

func TestCount(t *testing.T) {
	for _, tc := range []struct {
		n    int
		noun string
		want string
	}{
		{0, "finding", "0 findings"},
		{1, "finding", "1 finding"},
		{2, "package", "2 packages"},
		{1, "fix", "1 fix"},
		{3, "fix", "3 fixes"},
	} {
		if got := findingout.Count(tc.n, tc.noun); got != tc.want {
			t.Errorf("Count(%d, %q) = %q, want %q", tc.n, tc.noun, got, tc.want)
		}
	}
}

// TestPaths checks Rel and Abs in a working directory reached through a
// symbolic link: a file named through either path is relative, and Abs
// gives back the name Rel was given.
func TestPaths(t *testing.T) {
	base, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	real := filepath.Join(base, "wd")
	link := filepath.Join(base, "link")
	if err := os.Mkdir(real, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(real, link); err != nil {
		t.Skipf("no symbolic links: %v", err)
	}
	p := findingout.NewPaths(link)
	sibling := filepath.Join(base, "wdx", "d.go")
	above := filepath.Join(base, "e.go")
	for _, tc := range []struct {
		name, rel, abs string
	}{
		{filepath.Join(link, "a", "b.go"), "a/b.go", filepath.Join(link, "a", "b.go")},
		{filepath.Join(real, "c.go"), "c.go", filepath.Join(real, "c.go")}, // the real path
		{sibling, filepath.ToSlash(sibling), sibling},                      // "wdx" is not below "wd"
		{above, filepath.ToSlash(above), above},
		{filepath.Join("x", "f.go"), "x/f.go", filepath.Join(link, "x", "f.go")}, // relative: kept, joined by Abs
		{"", "", ""},
	} {
		rel := p.Rel(tc.name)
		if rel != tc.rel {
			t.Errorf("Rel(%q) = %q, want %q", tc.name, rel, tc.rel)
		}
		if got := p.Abs(rel); got != tc.abs {
			t.Errorf("Abs(%q) = %q, want %q", rel, got, tc.abs)
		}
	}

	var zero findingout.Paths
	if got := zero.Rel(filepath.Join(real, "c.go")); got != filepath.ToSlash(filepath.Join(real, "c.go")) {
		t.Errorf("zero Paths: Rel = %q, want the name itself", got)
	}
	if got := zero.Abs("x/f.go"); got != filepath.FromSlash("x/f.go") {
		t.Errorf("zero Paths: Abs = %q, want the name itself", got)
	}
}

func TestWriteFixed(t *testing.T) {
	for _, tc := range []struct {
		fixes, files, remaining, overlapping int
		want                                 string
	}{
		{2, 1, 1, 0, "applied 2 fixes in 1 file; 1 finding remains\n"},
		{1, 2, 0, 1, "applied 1 fix in 2 files; 0 findings remain\n1 fix not applied, as it overlaps a fix applied; run tracelint rust -fix again\n"},
		{0, 0, 3, 2, "applied 0 fixes in 0 files; 3 findings remain\n2 fixes not applied, as they overlap a fix applied; run tracelint rust -fix again\n"},
	} {
		var b strings.Builder
		findingout.WriteFixed(&b, "tracelint rust", tc.fixes, tc.files, tc.remaining, tc.overlapping)
		if b.String() != tc.want {
			t.Errorf("WriteFixed(%d, %d, %d, %d) = %q, want %q", tc.fixes, tc.files, tc.remaining, tc.overlapping, b.String(), tc.want)
		}
	}
}
