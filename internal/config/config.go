// Package config is tracelint's one configuration schema: the struct behind
// .tracelint.yml, the golangci-lint plugin settings and the command line.
//
// Every field carries identical kebab-case yaml and json tags, so an option is
// spelled the same way everywhere. Attribute keys and function names travel as
// list values, never as map keys: golangci-lint lower-cases setting keys and
// splits dotted keys into nested maps.
package config

import "slices"

// FileName is the name of the configuration file tracelint looks for.
const FileName = ".tracelint.yml"

// Config is the whole configuration. The zero value is not ready for use:
// start from [Default], which sets the defaults that are not zero.
type Config struct {
	// Enable lists opt-in rule IDs to turn on, e.g. TL204.
	Enable []string `yaml:"enable" json:"enable"`
	// Disable lists rule IDs to turn off. Disable wins over Enable.
	Disable []string `yaml:"disable" json:"disable"`

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
}

// Spanend configures the spanend analyzer.
type Spanend struct {
	// StartFuncs lists functions that start a span and return it without
	// ending it, by their fully qualified name as go/types prints it:
	// "example.com/x/tracing.Start" or "(*example.com/x/tracing.Tracer).Start".
	StartFuncs []string `yaml:"start-funcs" json:"start-funcs"`
	// NoReturnFuncs lists extra functions that never return (custom fatal
	// helpers), in the same form as StartFuncs. A path through a call to one
	// of them does not leak a span.
	NoReturnFuncs []string `yaml:"no-return-funcs" json:"no-return-funcs"`
	// InferWrappers makes spanend treat a function that returns a span it
	// started, without ending it, as a span starter itself; across packages of
	// the same module too, by reading the callee's source. Default true.
	InferWrappers bool `yaml:"infer-wrappers" json:"infer-wrappers"`
}

// Ctxpropagation configures the ctxpropagation analyzer.
type Ctxpropagation struct {
	// TestingContext makes the Context method of *testing.T, *testing.B and
	// *testing.F count as an available context. Default false: a test's
	// context is cancelled when the test ends, and tests rarely trace.
	TestingContext bool `yaml:"testing-context" json:"testing-context"`
	// Tests makes ctxpropagation report in test code: _test.go files and
	// test scaffolding packages (see docs/ctxpropagation.md). Default false:
	// a test's roots and helpers lose no production trace.
	Tests bool `yaml:"tests" json:"tests"`
	// DetachFuncs lists functions, by fully qualified name, that create root
	// contexts on purpose (shutdown hooks, background workers); neither their
	// own fresh roots nor calls to them are reported.
	DetachFuncs []string `yaml:"detach-funcs" json:"detach-funcs"`
	// PropagationHeaders lists extra trace propagation header names, in any
	// case, that must not be read or written by hand (e.g. a vendor's
	// "x-cloud-trace-context").
	PropagationHeaders []string `yaml:"propagation-headers" json:"propagation-headers"`
}

// Attrkeys configures the attrkeys analyzer.
type Attrkeys struct {
	// Registries lists Weaver registries, files or folders, relative to the
	// configuration file: the team's telemetry contract. With registries
	// set, every key must be in them or in the semantic conventions.
	Registries []string `yaml:"registries" json:"registries"`
	// Semconv makes the bundled OpenTelemetry semantic conventions part of
	// the contract. Default true.
	Semconv bool `yaml:"semconv" json:"semconv"`
	// Allow lists extra keys that are always accepted, as globs in which *
	// matches any run of characters ("shop.experiment.*").
	Allow []string `yaml:"allow" json:"allow"`
	// Deny lists keys that must not be used, with the reason to show.
	Deny []DeniedKey `yaml:"deny" json:"deny"`
	// IgnoreNamespaces lists key namespaces ("vendor.legacy") whose keys
	// are not checked at all.
	IgnoreNamespaces []string `yaml:"ignore-namespaces" json:"ignore-namespaces"`
	// MinStability is the lowest stability of a contract key that TL307
	// accepts: development, alpha, beta, release_candidate or stable.
	// Default stable.
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
	// Redactors lists functions, by fully qualified name, whose result is
	// safe to record whatever their argument: "example.com/x/privacy.Redact".
	Redactors []string `yaml:"redactors" json:"redactors"`
	// ExtraPatterns adds words and phrases to the built-in ones.
	ExtraPatterns []PIIPattern `yaml:"extra-patterns" json:"extra-patterns"`
	// Categories turns categories of personal data and secrets on and off.
	// Pseudonymous identifiers are controlled by their rule, TL406.
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
