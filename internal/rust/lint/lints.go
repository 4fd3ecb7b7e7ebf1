// Package lint checks Rust sources against tracelint's telemetry contract
// and privacy rules: the Rust lints of docs/rust that can be decided from
// syntax, each reporting under the Go rule IDs it mirrors, with the same
// configuration (.tracelint.yml), registries, redactors and allow lists.
//
// It works on syntax.Node trees and needs no cgo; the parser that builds
// them (package treesitter) does.
package lint

import (
	"slices"

	"github.com/tracelint/tracelint"
	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/rules"
)

// DocsBase is where the Rust lint pages are published.
const DocsBase = "https://github.com/tracelint/tracelint/blob/main/docs/rust/"

// Lint is one Rust lint of docs/rust.
type Lint struct {
	// Name is the lint's name, as clippy would spell it
	// ("pii_in_telemetry"); suppressions name it, prefixed or not with
	// "tracelint::".
	Name string
	// Mirrors are the IDs of the Go rules the lint's findings report under;
	// empty for a lint with no Go counterpart, whose findings carry Name as
	// their rule.
	Mirrors []string
	// Rule is the rule of a lint with no Go counterpart, under its name:
	// its title and default, for the SARIF log and for enable and disable;
	// nil for the others, which follow their Go rules.
	Rule *rules.Rule
}

// URL returns the lint's page.
func (l *Lint) URL() string { return DocsBase + l.Name + ".md" }

// The lints tracelint rust enforces.
var (
	TelemetryKeyNotInContract = &Lint{Name: "telemetry_key_not_in_contract", Mirrors: []string{"TL301", "TL302", "TL303", "TL304", "TL305", "TL306"}}
	PIIInTelemetry            = &Lint{Name: "pii_in_telemetry", Mirrors: []string{"TL401", "TL402", "TL403", "TL404", "TL405", "TL406"}}
	InstrumentSensitiveArgs   = &Lint{Name: "instrument_sensitive_args", Mirrors: []string{"TL401", "TL403", "TL406"}}
	ManualTracePropagation    = &Lint{Name: "manual_trace_propagation", Mirrors: []string{"TL105"}}
	InstrumentUnrecordedError = &Lint{Name: "instrument_unrecorded_error", Mirrors: []string{"TL204"}}
	SpanGuardDroppedAtOnce    = &Lint{Name: "span_guard_dropped_at_once", Mirrors: []string{"TL202"}}
	FreshRootContext          = &Lint{Name: "fresh_root_context", Mirrors: []string{"TL101"}}
	SpawnWithoutSpan          = &Lint{Name: "spawn_without_span", Mirrors: []string{"TL101"}}
	SpanGuardAcrossAwait      = &Lint{Name: "span_guard_across_await", Rule: &rules.Rule{ID: "span_guard_across_await", Analyzer: "tracelint rust", Title: "do not hold a span guard across an .await", Default: true}}
)

// Lints is every lint tracelint rust enforces, by name.
var Lints = []*Lint{
	FreshRootContext, InstrumentSensitiveArgs, InstrumentUnrecordedError, ManualTracePropagation,
	PIIInTelemetry, SpanGuardAcrossAwait, SpanGuardDroppedAtOnce, SpawnWithoutSpan, TelemetryKeyNotInContract,
}

// LintNamed returns the lint called name, with or without "tracelint::".
func LintNamed(name string) (*Lint, bool) {
	for _, l := range Lints {
		if l.Name == name || "tracelint::"+l.Name == name {
			return l, true
		}
	}
	return nil, false
}

// Catalogue returns the rules tracelint rust reports under, for a SARIF
// log: the Go rules the lints mirror, from catalogue (tracelint.Rules()),
// and one rule for each lint with no Go counterpart.
func Catalogue(catalogue []*rules.Rule) []*rules.Rule {
	var out []*rules.Rule
	for _, r := range catalogue {
		if slices.ContainsFunc(Lints, func(l *Lint) bool { return slices.Contains(l.Mirrors, r.ID) }) {
			out = append(out, r)
		}
	}
	for _, l := range Lints {
		if l.Rule != nil {
			out = append(out, l.Rule)
		}
	}
	return out
}

// RuleIDs returns what enable and disable may name: the Go rule IDs, which
// the lints report under, and the names of the lints that have no Go
// counterpart (config.RustOnlyRules, which every configuration accepts).
func RuleIDs() []string {
	return slices.Concat(tracelint.RuleIDs(), config.RustOnlyRules)
}
