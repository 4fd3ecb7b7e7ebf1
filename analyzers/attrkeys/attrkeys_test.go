package attrkeys_test

import (
	"fmt"
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
		{Name: "TL307 with a registry", Pkgs: []string{"stabilityregistry"}, Config: func(c *config.Config, dir string) {
			c.Dir = filepath.Join(dir, "attrkeys", "registry")
			c.Attrkeys.Registries = []string{"telemetry"}
			c.Enable = []string{"TL307"}
		}},
		{Name: "TL304 with a contract", Pkgs: []string{"namingcontract"}, Config: func(c *config.Config, dir string) {
			c.Dir = filepath.Join(dir, "attrkeys", "registry")
			c.Attrkeys.Registries = []string{"telemetry"}
			c.Disable = []string{"TL301"}
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
	testmodule.Check(t, analysistest.RunWithSuggestedFixes(t, testmodule.Dir(t), attrkeys.New(config.Default()), "./attrkeys/fix"))
}

// TestInventory checks attrkeys' result, the package's key inventory that
// tracelint keys prints: each constant key with what its site stores and
// its place in the contract.
func TestInventory(t *testing.T) {
	cfg := config.Default()
	dir := testmodule.Dir(t)
	cfg.Dir = filepath.Join(dir, "attrkeys", "registry")
	cfg.Attrkeys.Registries = []string{"telemetry"}
	results := analysistest.Run(&noErrors{t}, dir, attrkeys.New(cfg), "./attrkeys/registry")
	got := make(map[string]string)
	for _, r := range results {
		inv, ok := r.Result.(*attrkeys.Inventory)
		if !ok {
			t.Fatalf("result %T, want *attrkeys.Inventory", r.Result)
		}
		for _, u := range inv.Uses {
			got[u.Key] = fmt.Sprintf("%s %s in=%t known=%t", u.Kind, u.Status, u.InContract(), u.Known())
		}
	}
	for key, want := range map[string]string{
		"shop.order.id":       "string registry in=true known=true",
		"shop.order.amount":   "double registry (deprecated) in=false known=true",
		"http.request.method": "string semconv in=true known=true",
		"http.url":            "string semconv (deprecated) in=false known=true",
		"warehouse.bin":       "string not in contract in=false known=false",
	} {
		if got[key] != want {
			t.Errorf("inventory of %s: %q, want %q", key, got[key], want)
		}
	}
}

// noErrors lets analysistest run without checking // want comments: the
// expectations of the package belong to TestAttrkeys's configuration.
type noErrors struct{ *testing.T }

func (noErrors) Errorf(string, ...any) {}
