package ctxpropagation_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tracelint/tracelint/analyzers/ctxpropagation"
	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/testmodule"
)

func TestCtxpropagation(t *testing.T) {
	testmodule.Run(t, "ctxpropagation", ctxpropagation.New, []testmodule.Case{
		{Name: "defaults", Pkgs: []string{"available", "roots", "rootsmain", "variants", "spancontext", "rootlib", "headers", "groups", "testutil", "scaffold", "datadog", "optin", "cmd/worker", "clicmd", "clicmdv3", "headersplain"}},
		{Name: "TL104", Pkgs: []string{"crosspkg", "rootlib"}, Config: func(c *config.Config, dir string) {
			c.Enable = []string{"TL104"}
			c.Disable = []string{"TL105"} // the other rules still run
		}},
		{Name: "configured", Pkgs: []string{"configured", "testkit"}, Config: func(c *config.Config, dir string) {
			c.Enable = []string{"TL104"}
			c.Ctxpropagation.TestingContext = true
			c.Ctxpropagation.Tests = true
			c.Ctxpropagation.DetachFuncs = []string{"example.com/tracelinttest/ctxpropagation/configured.Shutdown", "example.com/tracelinttest/ctxpropagation/testkit.Flush"}
			c.Ctxpropagation.PropagationHeaders = []string{"X-Cloud-Trace-Context"}
		}},
	})
}

// TestSlogWithoutContextHandler runs over a module of its own, whose slog
// handlers ignore the context: slog's Context variants are not offered there.
func TestSlogWithoutContextHandler(t *testing.T) {
	testmodule.Check(t, analysistest.Run(t, filepath.Join(testmodule.Dir(t), "ctxpropagation", "slogplain"), ctxpropagation.Analyzer, "."))
}

// TestNoWithoutCancelBeforeGo121 runs over a module of its own that targets
// Go 1.20: the fixes that need context.WithoutCancel are not offered there.
func TestNoWithoutCancelBeforeGo121(t *testing.T) {
	testmodule.Check(t, analysistest.Run(t, filepath.Join(testmodule.Dir(t), "ctxpropagation", "go120"), ctxpropagation.Analyzer, "."))
}

func TestSuggestedFixes(t *testing.T) {
	testmodule.Check(t, analysistest.RunWithSuggestedFixes(t, testmodule.Dir(t), ctxpropagation.New(config.Default()), "./ctxpropagation/fix"))
}

// TestRelated checks the secondary positions, which // want comments cannot
// express: where TL103's parent context is passed on, and where TL104's root
// context is created, in this package and in another.
func TestRelated(t *testing.T) {
	cfg := config.Default()
	cfg.Enable = []string{"TL104"}
	results := analysistest.Run(t, testmodule.Dir(t), ctxpropagation.New(cfg), "./ctxpropagation/spancontext", "./ctxpropagation/crosspkg")
	var got []string
	for _, r := range results {
		for _, d := range r.Diagnostics {
			pos := r.Pass.Fset.Position(d.Pos)
			for _, rel := range d.Related {
				rpos := r.Pass.Fset.Position(rel.Pos)
				got = append(got, fmt.Sprintf("%s:%d -> %s:%d: %s", filepath.Base(pos.Filename), pos.Line, filepath.Base(rpos.Filename), rpos.Line, rel.Message))
			}
		}
	}
	for _, want := range []string{
		`spancontext.go:22 -> spancontext.go:24: ctx is passed on here`,
		`spancontext.go:44 -> spancontext.go:46: r.Context() is passed on here`,
		`spancontext.go:88 -> spancontext.go:89: the span is returned without its context here`,
		`crosspkg.go:13 -> rootlib.go:15: the root context is created here`,
		`crosspkg.go:14 -> rootlib.go:24: the root context is created here`,
		`crosspkg.go:18 -> rootlib.go:45: the root context is created here`,
		`crosspkg.go:19 -> crosspkg.go:28: the root context is created here`,
	} {
		if !slices.Contains(got, want) {
			t.Errorf("missing related information %s; got:\n%s", want, strings.Join(got, "\n"))
		}
	}
}
