package lint_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/rust/lint"
)

// fixtureMarkerRE matches the fixture's markers: //~ names, one per
// expected finding; tracelint's are written tracelint::lint_name, the
// others are clippy's (contrib/clippy checks those).
var fixtureMarkerRE = regexp.MustCompile(`//~ ([a-z_:]+(?: [a-z_:]+)*)\s*$`)

// TestFixture checks the bad and good examples of every lint page in the
// fixture crate testdata/rust, as contrib/clippy checks clippy's: exactly
// the findings its //~ tracelint:: markers name, on their lines, with the
// fixture's .tracelint.yml.
func TestFixture(t *testing.T) {
	crate := filepath.Join("..", "..", "..", "testdata", "rust")
	c, err := lint.Load(filepath.Join(crate, config.FileName))
	if err != nil {
		t.Fatal(err)
	}
	p := newParser(t)
	var got, want []string
	checked := make(map[string]bool)
	err = filepath.WalkDir(filepath.Join(crate, "src"), func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".rs") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(crate, path)
		rel = filepath.ToSlash(rel)
		for i, line := range strings.Split(string(src), "\n") {
			if m := fixtureMarkerRE.FindStringSubmatch(line); m != nil {
				for _, name := range strings.Fields(m[1]) {
					if strings.HasPrefix(name, "tracelint::") {
						want = append(want, fmt.Sprintf("%s:%d: %s", rel, i+1, name))
					}
				}
			}
		}
		root, err := p.Parse(src)
		if err != nil {
			return err
		}
		for _, f := range c.File(rel, src, root) {
			got = append(got, fmt.Sprintf("%s:%d: tracelint::%s", rel, f.Pos.Line, f.Analyzer))
			checked[f.Analyzer] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("tracelint rust reported:\n\t%s\nthe fixture's //~ tracelint:: markers expect:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
	for _, l := range lint.Lints {
		if !checked[l.Name] {
			t.Errorf("the fixture has no bad example that tracelint rust reports for %s", l.Name)
		}
	}
}
