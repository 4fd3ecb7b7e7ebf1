package piiattrs_test

import (
	"path/filepath"
	"testing"

	"github.com/tracelint/tracelint/analyzers/piiattrs"
	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/testmodule"
)

const redactor = "example.com/tracelinttest/piiattrs/privacy.Redact"

func TestPiiattrs(t *testing.T) {
	testmodule.Run(t, "piiattrs", piiattrs.New, []testmodule.Case{
		{Name: "defaults", Pkgs: []string{"keys", "sinks", "urls", "netaddr"}},
		{Name: "redactor", Pkgs: []string{"values"}, Config: func(c *config.Config, dir string) {
			c.Piiattrs.Redactors = []string{redactor, "example.com/tracelinttest/piiattrs/privacy.Mask"}
		}},
		{Name: "registry, credentials off", Pkgs: []string{"registryoff"}, Config: func(c *config.Config, dir string) {
			c.Dir = filepath.Join(dir, "piiattrs", "registry")
			c.Attrkeys.Registries = []string{"telemetry"}
			c.Piiattrs.Categories.Credentials = false
		}},
		{Name: "registry", Pkgs: []string{"registry"}, Config: func(c *config.Config, dir string) {
			c.Dir = filepath.Join(dir, "piiattrs", "registry")
			c.Attrkeys.Registries = []string{"telemetry"}
			c.Enable = []string{"TL406"}
			c.Piiattrs.Allow = []string{"customer.*"}
			c.Piiattrs.ExtraPatterns = []config.PIIPattern{{Category: "credentials", Words: []string{"transaction number"}}}
			c.Piiattrs.Categories.PostalAddress = false
		}},
	})
}
