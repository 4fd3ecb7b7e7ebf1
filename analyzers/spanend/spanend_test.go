package spanend_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tracelint/tracelint/analyzers/spanend"
	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/testmodule"
)

func TestSpanend(t *testing.T) {
	testmodule.Run(t, "spanend", spanend.New, []testmodule.Case{
		{Name: "defaults", Pkgs: []string{
			"paths", "notflagged", "discard", "loops", "foreign", "handoff",
			"wrappers", "crosspkg", "othertracers", "helpers", "endfuncs", "bindings",
		}},
		{Name: "configured", Pkgs: []string{"configured"}, Config: func(c *config.Config, dir string) {
			c.Spanend.StartFuncs = []string{"(example.com/tracelinttest/spanend/configured.Tracing).Begin"}
			c.Spanend.NoReturnFuncs = []string{"example.com/tracelinttest/spanend/configured.Die"}
		}},
		{Name: "errpath", Pkgs: []string{"errpath"}, Config: func(c *config.Config, dir string) { c.Enable = []string{"TL204"} }},
		{Name: "infer-wrappers off", Pkgs: []string{"noinfer"}, Config: func(c *config.Config, dir string) { c.Spanend.InferWrappers = false }},
	})
}

// TestConfigSources checks where an Analyzer's configuration comes from,
// on errpath, whose TL204 findings appear only with TL204 enabled, as the
// testdata module's .tracelint.yml does: the exported Analyzer finds that
// file, as nogo runs it; an Analyzer built with the defaults takes it from
// its config flag.
func TestConfigSources(t *testing.T) {
	dir := testmodule.Dir(t)
	flagged := spanend.New(config.Default())
	if err := flagged.Flags.Set(config.FlagName, filepath.Join(dir, config.FileName)); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		a    *analysis.Analyzer
	}{
		{"exported Analyzer", spanend.Analyzer},
		{"config flag", flagged},
	} {
		t.Run(tc.name, func(t *testing.T) {
			testmodule.Check(t, analysistest.Run(t, dir, tc.a, "./spanend/errpath"))
		})
	}
}

func TestSuggestedFixes(t *testing.T) {
	testmodule.Check(t, analysistest.RunWithSuggestedFixes(t, testmodule.Dir(t), spanend.New(config.Default()), "./spanend/fix"))
}

// TestRelated checks the secondary positions, which // want comments cannot
// express: one diagnostic per start, listing every leaking exit.
func TestRelated(t *testing.T) {
	results := analysistest.Run(t, testmodule.Dir(t), spanend.New(config.Default()), "./spanend/paths")
	var got []string
	for _, r := range results {
		for _, d := range r.Diagnostics {
			pos := r.Pass.Fset.Position(d.Pos)
			for _, rel := range d.Related {
				rpos := r.Pass.Fset.Position(rel.Pos)
				got = append(got, fmt.Sprintf("%s:%d -> %d: %s", filepath.Base(pos.Filename), pos.Line, rpos.Line, rel.Message))
			}
		}
	}
	for _, want := range []string{
		`paths.go:17 -> 19: "span" leaks when the function returns here`,
		`paths.go:31 -> 33: "span" leaks when the function returns here`,
		`paths.go:31 -> 40: "span" leaks when the function returns here`,
		`paths.go:26 -> 28: "span" leaks when the function ends here`,
		`paths.go:45 -> 44: "span" leaks when the loop starts its next iteration`,
		`paths.go:114 -> 115: "span" is overwritten here`,
		`paths.go:139 -> 142: the deferred function ends the span only when its condition holds`,
		`paths.go:177 -> 178: this deferred End ends "outer" of the enclosing function, not "inner"`,
	} {
		if !slices.Contains(got, want) {
			t.Errorf("missing related information %s; got:\n%v", want, got)
		}
	}
	// The leak of a callback's own span relates only to its exit, never to
	// a deferred call that ends nothing of the enclosing function.
	for _, g := range got {
		if strings.HasPrefix(g, "more.go:39 -> ") && g != `more.go:39 -> 47: "inner" leaks when the function ends here` {
			t.Errorf("unexpected related information %s", g)
		}
	}
}
