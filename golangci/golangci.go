// Package golangci registers tracelint as golangci-lint v2 module plugins
// (github.com/golangci/plugin-module-register).
//
// golangci-lint attributes findings, //nolint directives, --fix and SARIF
// rule IDs to a plugin's name, not to its analyzers' names, so the package
// registers five plugins: "tracelint", one linter with all four analyzers
// (//nolint:tracelint), and "ctxpropagation", "spanend", "attrkeys" and
// "piiattrs", one linter each (//nolint:spanend). Enable either the first
// or the others, not both, or every finding is reported twice.
//
// Each plugin's settings are the .tracelint.yml schema (see
// internal/config), checked as strictly as the file: an unknown key or a
// bad value stops golangci-lint with a message naming the setting.
// golangci-lint gives a plugin nothing but its settings, so relative paths
// in them (attrkeys.registries) resolve against the directory of the
// golangci-lint configuration file, found as golangci-lint finds it: the
// --config (-c) flag, else the first .golangci.yml, .yaml, .toml or .json
// in the working directory or one of its parents, else in the home
// directory.
package golangci

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/tracelint/tracelint"
	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/contract"
)

// Names are the plugins' names: the suite's, then each analyzer's.
var Names = []string{"tracelint", "ctxpropagation", "spanend", "attrkeys", "piiattrs"}

func init() {
	for _, name := range Names {
		register.Plugin(name, func(settings any) (register.LinterPlugin, error) {
			return New(name, settings)
		})
	}
}

// Plugin is one of tracelint's golangci-lint plugins.
type Plugin struct {
	analyzers []*analysis.Analyzer
}

// New returns the plugin called name (one of Names) configured by
// settings, the plugin's settings in the golangci-lint configuration.
func New(name string, settings any) (*Plugin, error) {
	raw, err := register.DecodeSettings[json.RawMessage](settings)
	if err != nil {
		return nil, fmt.Errorf("%s settings: %w", name, err)
	}
	cwd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	cfg, err := config.ParseSettings(raw, ConfigDir(os.Args[1:], cwd), tracelint.RuleIDs())
	if err != nil {
		return nil, fmt.Errorf("%s settings: %w", name, err)
	}
	// A broken registry stops the run here, once, rather than once per
	// package. The error names the setting, or the registry file and line.
	if _, err := contract.ForConfig(cfg); err != nil {
		return nil, fmt.Errorf("%s settings: %w", name, err)
	}
	p := &Plugin{}
	for _, a := range tracelint.Analyzers(cfg) {
		if name == "tracelint" || a.Name == name {
			p.analyzers = append(p.analyzers, a)
		}
	}
	if len(p.analyzers) == 0 {
		return nil, fmt.Errorf("no tracelint analyzer is called %q", name)
	}
	return p, nil
}

// BuildAnalyzers returns the plugin's analyzers.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) { return p.analyzers, nil }

// GetLoadMode asks for type information: every analyzer resolves callees.
func (p *Plugin) GetLoadMode() string { return register.LoadModeTypesInfo }
