package spanend_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tracelint/tracelint/analyzers/spanend"
	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/testmodule"
)

func TestSpanend(t *testing.T) {
	dir := testmodule.Dir(t)
	for _, tc := range []struct {
		pkg string
		cfg func(*config.Config)
	}{
		{pkg: "paths"},
		{pkg: "notflagged"},
		{pkg: "discard"},
		{pkg: "loops"},
		{pkg: "foreign"},
		{pkg: "handoff"},
		{pkg: "wrappers"},
		{pkg: "crosspkg"},
		{pkg: "othertracers"},
		{pkg: "configured", cfg: func(c *config.Config) {
			c.Spanend.StartFuncs = []string{"(example.com/tracelinttest/spanend/configured.Tracing).Begin"}
			c.Spanend.NoReturnFuncs = []string{"example.com/tracelinttest/spanend/configured.Die"}
		}},
		{pkg: "errpath", cfg: func(c *config.Config) { c.Enable = []string{"TL204"} }},
	} {
		t.Run(tc.pkg, func(t *testing.T) {
			cfg := config.Default()
			if tc.cfg != nil {
				tc.cfg(cfg)
			}
			analysistest.Run(t, dir, spanend.New(cfg), "./spanend/"+tc.pkg)
		})
	}
}
