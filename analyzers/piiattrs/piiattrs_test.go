package piiattrs_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tracelint/tracelint/analyzers/piiattrs"
	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/testmodule"
)

const redactor = "example.com/tracelinttest/piiattrs/privacy.Redact"

func TestPiiattrs(t *testing.T) {
	dir := testmodule.Dir(t)
	for _, tc := range []struct {
		name string
		pkgs []string
		cfg  func(*config.Config)
	}{
		{name: "defaults", pkgs: []string{"keys", "sinks"}},
		{name: "redactor", pkgs: []string{"values"}, cfg: func(c *config.Config) {
			c.Piiattrs.Redactors = []string{redactor}
		}},
		{name: "registry", pkgs: []string{"registry"}, cfg: func(c *config.Config) {
			c.Dir = filepath.Join(dir, "piiattrs", "registry")
			c.Attrkeys.Registries = []string{"telemetry"}
			c.Enable = []string{"TL406"}
			c.Piiattrs.Allow = []string{"customer.*"}
			c.Piiattrs.ExtraPatterns = []config.PIIPattern{{Category: "credentials", Words: []string{"pin code"}}}
			c.Piiattrs.Categories.PostalAddress = false
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := config.Default()
			if tc.cfg != nil {
				tc.cfg(cfg)
			}
			var patterns []string
			for _, p := range tc.pkgs {
				patterns = append(patterns, "./piiattrs/"+p)
			}
			analysistest.Run(t, dir, piiattrs.New(cfg), patterns...)
		})
	}
}
