package rules

import (
	"testing"

	"github.com/tracelint/tracelint/internal/config"
)

func TestEnabledDefaultIf(t *testing.T) {
	r := &Rule{ID: "TL399", DefaultIf: func(cfg *config.Config) bool { return len(cfg.Attrkeys.Registries) > 0 }, DefaultIfDoc: "with a contract"}
	cfg := config.Default()
	if r.Enabled(cfg) {
		t.Error("on without a contract, want off")
	}
	cfg.Attrkeys.Registries = []string{"telemetry"}
	if !r.Enabled(cfg) {
		t.Error("off with a contract, want on")
	}
	cfg.Disable = []string{"TL399"}
	if r.Enabled(cfg) {
		t.Error("on although disabled")
	}
	cfg = config.Default()
	cfg.Enable = []string{"TL399"}
	if !r.Enabled(cfg) {
		t.Error("off although enabled")
	}
	if got := r.DefaultText(); got != "on with a contract" {
		t.Errorf("DefaultText() = %q", got)
	}
}
