package ctxpropagation_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tracelint/tracelint/analyzers/ctxpropagation"
	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/testmodule"
)

func TestCtxpropagation(t *testing.T) {
	for _, tc := range []struct {
		name string
		pkgs []string
		cfg  func(*config.Config)
	}{
		{name: "defaults", pkgs: []string{"available", "roots", "rootsmain", "variants", "spancontext", "crosspkg", "rootlib", "headers", "groups"}},
		{name: "configured", pkgs: []string{"configured"}, cfg: func(c *config.Config) {
			c.Ctxpropagation.TestingContext = true
			c.Ctxpropagation.DetachFuncs = []string{"example.com/tracelinttest/ctxpropagation/configured.Shutdown"}
			c.Ctxpropagation.PropagationHeaders = []string{"X-Cloud-Trace-Context"}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := config.Default()
			if tc.cfg != nil {
				tc.cfg(cfg)
			}
			var patterns []string
			for _, p := range tc.pkgs {
				patterns = append(patterns, "./ctxpropagation/"+p)
			}
			analysistest.Run(t, testmodule.Dir(t), ctxpropagation.New(cfg), patterns...)
		})
	}
}
