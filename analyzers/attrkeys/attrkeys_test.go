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
	testmodule.Run(t, "attrkeys", attrkeys.New, []testmodule.Case{
		{Name: "defaults", Pkgs: []string{"semconvonly", "keyforms", "dualemit"}},
		{Name: "TL304", Pkgs: []string{"naming"}, Config: func(c *config.Config, dir string) {
			c.Enable = []string{"TL304"}
		}},
		{Name: "TL307", Pkgs: []string{"stability"}, Config: func(c *config.Config, dir string) {
			c.Enable = []string{"TL307"}
		}},
		{Name: "TL308", Pkgs: []string{"drift"}, Config: func(c *config.Config, dir string) {
			c.Enable = []string{"TL308"}
		}},
		{Name: "registry", Pkgs: []string{"registry"}, Config: func(c *config.Config, dir string) {
			c.Dir = filepath.Join(dir, "attrkeys", "registry")
			c.Enable = []string{"TL305"}
			c.Attrkeys.Registries = []string{"telemetry"}
			c.Attrkeys.Allow = []string{"shop.experiment.*"}
			c.Attrkeys.Deny = []config.DeniedKey{{Key: "http.url", Reason: "use url.full"}, {Key: "debug.*"}}
			c.Attrkeys.IgnoreNamespaces = []string{"vendor.legacy"}
		}},
	})
}

func TestSuggestedFixes(t *testing.T) {
	testmodule.Check(t, analysistest.RunWithSuggestedFixes(t, testmodule.Dir(t), attrkeys.Analyzer, "./attrkeys/fix"))
}
