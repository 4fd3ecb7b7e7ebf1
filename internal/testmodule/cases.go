package testmodule

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tracelint/tracelint/internal/config"
)

// Case is one analysistest run of an analyzer: packages of its testdata
// folder, checked with the defaults changed by Config.
type Case struct {
	Name string
	// Pkgs are package folders under testdata/<folder>.
	Pkgs []string
	// Config changes the defaults; dir is the testdata module's directory.
	// It may be nil.
	Config func(cfg *config.Config, dir string)
}

// Run runs each case as a subtest: the analyzer newAnalyzer builds from the
// case's configuration, over ./<folder>/<pkg> of the testdata module,
// checking their // want comments.
func Run(t *testing.T, folder string, newAnalyzer func(config.Source) *analysis.Analyzer, cases []Case) {
	dir := Dir(t)
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			cfg := config.Default()
			if tc.Config != nil {
				tc.Config(cfg, dir)
			}
			var patterns []string
			for _, p := range tc.Pkgs {
				patterns = append(patterns, "./"+folder+"/"+p)
			}
			Check(t, analysistest.Run(t, dir, newAnalyzer(cfg), patterns...))
		})
	}
}
