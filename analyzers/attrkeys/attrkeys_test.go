package attrkeys_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tracelint/tracelint/analyzers/attrkeys"
	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/testmodule"
)

func TestAttrkeys(t *testing.T) {
	dir := testmodule.Dir(t)
	for _, tc := range []struct {
		name string
		pkgs []string
		cfg  func(*config.Config)
	}{
		{name: "defaults", pkgs: []string{"semconvonly", "keyforms"}},
		{name: "registry", pkgs: []string{"registry"}, cfg: func(c *config.Config) {
			c.Dir = filepath.Join(dir, "attrkeys", "registry")
			c.Enable = []string{"TL305"}
			c.Attrkeys.Registries = []string{"telemetry"}
			c.Attrkeys.Allow = []string{"shop.experiment.*"}
			c.Attrkeys.Deny = []config.DeniedKey{{Key: "http.url", Reason: "use url.full"}, {Key: "debug.*"}}
			c.Attrkeys.IgnoreNamespaces = []string{"vendor.legacy"}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := config.Default()
			if tc.cfg != nil {
				tc.cfg(cfg)
			}
			var patterns []string
			for _, p := range tc.pkgs {
				patterns = append(patterns, "./attrkeys/"+p)
			}
			analysistest.Run(t, dir, attrkeys.New(cfg), patterns...)
		})
	}
}

func TestSuggestedFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testmodule.Dir(t), attrkeys.Analyzer, "./attrkeys/fix")
}
