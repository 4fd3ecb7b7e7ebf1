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
//
// golangci-lint turns each related place of a diagnostic (the return that
// leaks a span) into an issue of its own, at its own line, which a
// //nolint on the finding's line does not silence. The plugins' analyzers
// therefore write related places into the finding's text instead, before
// its rule ID: `...; related: line 25: "span" leaks when the function
// returns here (TL201)`.
package golangci

import (
	"encoding/json"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strings"

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
			p.analyzers = append(p.analyzers, folding(a))
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

// folding returns a copy of a that reports its diagnostics through
// foldRelated. Its Requires are a's, so it shares their results; nothing
// requires a itself.
func folding(a *analysis.Analyzer) *analysis.Analyzer {
	f := *a
	f.Run = func(pass *analysis.Pass) (any, error) {
		p := *pass // golangci-lint's pass stays as it was
		p.Report = func(d analysis.Diagnostic) { pass.Report(foldRelated(pass.Fset, d)) }
		return a.Run(&p)
	}
	return &f
}

// ruleIDRE matches the rule ID that ends a message.
var ruleIDRE = regexp.MustCompile(` \(TL\d+\)$`)

// foldRelated returns d with its related places written into its message,
// before the rule ID that ends it, and no Related:
//
//	span "span" is not ended on every path: ...; related: line 25: "span" leaks when the function returns here (TL201)
//
// A place is "line N" in the finding's file, "file.go:N" in another file of
// its directory, and a path relative to that directory elsewhere
// ("../jobs/jobs.go:8"): golangci-lint shows file names relative to where
// it runs, which the plugin cannot know.
func foldRelated(fset *token.FileSet, d analysis.Diagnostic) analysis.Diagnostic {
	if len(d.Related) == 0 {
		return d
	}
	here := fset.Position(d.Pos)
	places := make([]string, len(d.Related))
	for i, r := range d.Related {
		places[i] = r.Message
		if at := fset.Position(r.Pos); at.IsValid() {
			places[i] = where(here.Filename, at) + ": " + r.Message
		}
	}
	msg, id := d.Message, ""
	if loc := ruleIDRE.FindStringIndex(msg); loc != nil {
		msg, id = msg[:loc[0]], msg[loc[0]:]
	}
	d.Message = msg + "; related: " + strings.Join(places, "; ") + id
	d.Related = nil
	return d
}

// where names position at as seen from the file from.
func where(from string, at token.Position) string {
	switch dir := filepath.Dir(from); {
	case at.Filename == from:
		return fmt.Sprintf("line %d", at.Line)
	case filepath.Dir(at.Filename) == dir:
		return fmt.Sprintf("%s:%d", filepath.Base(at.Filename), at.Line)
	default:
		rel, err := filepath.Rel(dir, at.Filename)
		if err != nil {
			rel = at.Filename
		}
		return fmt.Sprintf("%s:%d", filepath.ToSlash(rel), at.Line)
	}
}
