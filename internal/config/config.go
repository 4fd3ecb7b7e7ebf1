// Package config is tracelint's one configuration schema: the struct behind
// .tracelint.yml, the golangci-lint plugin settings and the command line.
//
// Every field carries identical kebab-case yaml and json tags, so an option is
// spelled the same way everywhere. Attribute keys and function names travel as
// list values, never as map keys: golangci-lint lower-cases setting keys and
// splits dotted keys into nested maps.
package config

import (
	"fmt"
	"slices"
)

// FileName is the name of the configuration file tracelint looks for.
const FileName = ".tracelint.yml"

// Config is the whole configuration. The zero value is not ready for use:
// start from [Default], which sets the defaults that are not zero.
type Config struct {
	// Enable lists rule IDs to turn on: the opt-in rules, or a rule whose default
	// depends on the configuration.
	Enable []string `yaml:"enable" json:"enable" example:"[TL204]"`
	// Disable lists rule IDs to turn off. `disable` wins when a rule is listed in
	// both.
	Disable []string `yaml:"disable" json:"disable" example:"[TL203]"`

	// Spanend holds the options of the spanend analyzer.
	Spanend Spanend `yaml:"spanend" json:"spanend"`
	// Ctxpropagation holds the options of the ctxpropagation analyzer.
	Ctxpropagation Ctxpropagation `yaml:"ctxpropagation" json:"ctxpropagation"`
	// Attrkeys holds the options of the attrkeys analyzer.
	Attrkeys Attrkeys `yaml:"attrkeys" json:"attrkeys"`
	// Piiattrs holds the options of the piiattrs analyzer.
	Piiattrs Piiattrs `yaml:"piiattrs" json:"piiattrs"`

	// Dir is the directory of the file the configuration was read from
	// (empty for the defaults); relative paths in the configuration resolve
	// against it.
	Dir string `yaml:"-" json:"-"`

	// file and pos say where each value was written: pos maps a value's
	// path in messages ("attrkeys.registries[1]") to its line and column in
	// file. Both are empty when the configuration did not come from a file.
	file string
	pos  map[string]lineCol
}

type lineCol struct{ line, col int }

// ErrorAt returns an [*Error] about the value at path, as messages name it
// ("attrkeys.registries[1]"): at the value's position in the file it was
// read from, or, when there is none (the defaults, golangci-lint's
// settings), with the path at the start of the message.
func (c *Config) ErrorAt(path, format string, args ...any) *Error {
	msg := fmt.Sprintf(format, args...)
	if p, ok := c.pos[path]; ok {
		return &Error{File: c.file, Line: p.line, Col: p.col, Msg: msg}
	}
	return &Error{Msg: path + ": " + msg}
}

// Spanend configures the spanend analyzer.
type Spanend struct {
	// StartFuncs lists functions that start a span and return it to the caller, by
	// fully qualified name as go/types prints it (`example.com/x/tracing.Start`,
	// `(*example.com/x/tracing.Tracer).Start`). Wrappers in your own module are
	// found without this.
	StartFuncs []string `yaml:"start-funcs" json:"start-funcs" example:"[example.com/x/tracing.Start]"`
	// NoReturnFuncs lists extra functions that never return, such as a project's
	// own fatal helper, in the same form: a path through a call to one of them
	// does not leak a span.
	NoReturnFuncs []string `yaml:"no-return-funcs" json:"no-return-funcs"`
	// InferWrappers treats a function that returns a span it started, without
	// ending it, as a span starter, in the package and, read from source, in other
	// packages of the module.
	InferWrappers bool `yaml:"infer-wrappers" json:"infer-wrappers"`
}

// Ctxpropagation configures the ctxpropagation analyzer.
type Ctxpropagation struct {
	// TestingContext counts the `Context()` of `*testing.T`, `*testing.B` and
	// `*testing.F` as an available context (a test's context is cancelled when the
	// test ends, and tests rarely trace).
	TestingContext bool `yaml:"testing-context" json:"testing-context"`
	// Tests reports in test code too: `_test.go` files and test scaffolding
	// packages (a path element that starts with `test` or is `e2e`, `fixtures` or
	// `mocks`, or a package that imports `testing`).
	Tests bool `yaml:"tests" json:"tests"`
	// DetachFuncs lists functions, by fully qualified name, that create root
	// contexts on purpose (shutdown hooks, background workers): their own roots
	// and calls to them are not reported.
	DetachFuncs []string `yaml:"detach-funcs" json:"detach-funcs"`
	// PropagationHeaders lists extra trace header names, in any case, that must go
	// through a propagator (`x-cloud-trace-context`).
	PropagationHeaders []string `yaml:"propagation-headers" json:"propagation-headers" example:"[x-cloud-trace-context]"`
}

// Attrkeys configures the attrkeys analyzer.
type Attrkeys struct {
	// Registries lists the team's Weaver registries, files or folders relative to
	// the configuration file (v1 `groups:`, v2 `definition/2` or a resolved
	// `resolved/2.0` registry). With registries set, every key must be in them or
	// in the semantic conventions.
	Registries []string `yaml:"registries" json:"registries" example:"[telemetry/registry]"`
	// Semconv makes the bundled OpenTelemetry semantic conventions part of the
	// contract.
	Semconv bool `yaml:"semconv" json:"semconv"`
	// Allow lists extra keys that are always accepted, as globs in which `*`
	// matches any run of characters (`shop.experiment.*`).
	Allow []string `yaml:"allow" json:"allow" example:"[\"shop.experiment.*\"]"`
	// Deny lists keys (or globs of keys) that must not be used, each with the
	// reason shown in the report.
	Deny []DeniedKey `yaml:"deny" json:"deny" example:"[{key: http.url, reason: use url.full}]"`
	// IgnoreNamespaces lists key namespaces (`vendor.legacy`) whose keys are not
	// checked at all.
	IgnoreNamespaces []string `yaml:"ignore-namespaces" json:"ignore-namespaces"`
	// MinStability sets the lowest stability a contract key may have for
	// TL307: development, alpha, beta, release_candidate or stable.
	MinStability string `yaml:"min-stability" json:"min-stability"`
}

// StabilityLevels are the stability levels of the semantic conventions,
// lowest first; "experimental" is an older name of development.
var StabilityLevels = []string{"development", "alpha", "beta", "release_candidate", "stable"}

// StabilityRank returns the rank of level in StabilityLevels, treating
// "experimental" as "development", or -1 for an unknown level.
func StabilityRank(level string) int {
	if level == "experimental" {
		level = "development"
	}
	return slices.Index(StabilityLevels, level)
}

// DeniedKey is a key that must not be used, and why.
type DeniedKey struct {
	// Key is the key, or a glob of keys as in Attrkeys.Allow.
	Key string `yaml:"key" json:"key"`
	// Reason is shown in the diagnostic: what to use instead.
	Reason string `yaml:"reason" json:"reason"`
}

// Piiattrs configures the piiattrs analyzer.
type Piiattrs struct {
	// Allow lists attribute, baggage and tracestate keys accepted after
	// review, as globs in which * matches any run of characters.
	Allow []string `yaml:"allow" json:"allow"`
	// Redactors lists functions, by fully qualified name
	// (`example.com/x/privacy.Redact`), whose result is safe to record whatever
	// their argument; for tracelint rust, by Rust path (`crate::privacy::redact`).
	Redactors []string `yaml:"redactors" json:"redactors" example:"[example.com/x/privacy.Redact]"`
	// ExtraPatterns adds words and phrases to a category (`credentials`,
	// `contact`, `government-id`, `financial`, `person-name`, `birth-date`,
	// `postal-address`, `network-identity` or `pseudonymous`); a phrase's words
	// are separated by spaces: `pin code` matches `pin_code`, `pinCode` and
	// `pin.code`.
	ExtraPatterns []PIIPattern `yaml:"extra-patterns" json:"extra-patterns" example:"[{category: credentials, words: [pin code]}]"`
	// Categories turns categories of personal data and secrets off (all are on by
	// default); pseudonymous identifiers are TL406's, turned on and off as a rule.
	Categories PIICategories `yaml:"categories" json:"categories"`
}

// PIIPattern is a list of extra words and phrases of one category.
type PIIPattern struct {
	// Category is one of PIICategoryNames.
	Category string `yaml:"category" json:"category"`
	// Words are words or phrases, a phrase's words separated by spaces:
	// "pin code" matches pin_code, pinCode and pin.code.
	Words []string `yaml:"words" json:"words"`
}

// PIICategories turns each category on or off; all are on by default.
type PIICategories struct {
	Credentials     bool `yaml:"credentials" json:"credentials"`
	Contact         bool `yaml:"contact" json:"contact"`
	GovernmentID    bool `yaml:"government-id" json:"government-id"`
	Financial       bool `yaml:"financial" json:"financial"`
	PersonName      bool `yaml:"person-name" json:"person-name"`
	BirthDate       bool `yaml:"birth-date" json:"birth-date"`
	PostalAddress   bool `yaml:"postal-address" json:"postal-address"`
	NetworkIdentity bool `yaml:"network-identity" json:"network-identity"`
}

// PIICategoryNames are the categories extra-patterns may name.
var PIICategoryNames = []string{
	"credentials", "contact", "government-id", "financial", "person-name", "birth-date",
	"postal-address", "network-identity", "pseudonymous",
}

// Default returns the configuration used when no file is given or found.
func Default() *Config {
	return &Config{
		Spanend:  Spanend{InferWrappers: true},
		Attrkeys: Attrkeys{Semconv: true, MinStability: "stable"},
		Piiattrs: Piiattrs{Categories: PIICategories{
			Credentials: true, Contact: true, GovernmentID: true, Financial: true, PersonName: true,
			BirthDate: true, PostalAddress: true, NetworkIdentity: true,
		}},
	}
}

// Source yields the configuration that applies to the package in dir.
type Source interface {
	// For returns the configuration for the package in dir.
	For(dir string) (*Config, error)
}

// For returns c itself: a Config is a Source that applies everywhere.
func (c *Config) For(string) (*Config, error) { return c, nil }
