// Package rules holds the shape of tracelint's rule catalogue: a rule's ID,
// title, rationale, examples, default and options, and when the
// configuration turns it on. Reporting a rule's findings is internal/report's
// job; rendering the catalogue as Markdown is internal/rulesdoc's.
//
// The catalogue entries themselves live next to each analyzer's code.
package rules

import (
	"regexp"
	"slices"

	"github.com/tracelint/tracelint/internal/config"
)

// DocsBase is where the rule pages are published; a rule's URL is
// DocsBase + ID + ".md".
const DocsBase = "https://github.com/tracelint/tracelint/blob/main/docs/rules/"

// Rule describes one rule: what it reports, why, and how to configure it.
type Rule struct {
	// ID is the stable identifier, e.g. "TL201".
	ID string
	// Analyzer is the name of the analyzer that reports the rule.
	Analyzer string
	// Title is a lowercase verb phrase without a final period.
	Title string
	// Why explains the harm the rule prevents, in Markdown.
	Why string
	// Bad and Good are Go examples: code the rule reports, and its repair.
	Bad, Good string
	// Default reports whether the rule is on when the configuration does not
	// mention it; DefaultWhy says why it has that default.
	Default    bool
	DefaultWhy string
	// DefaultIf, when set, decides the default from the configuration in
	// place of Default, and DefaultIfDoc says when it is on, for the docs
	// ("with a contract"): TL304 is on only for teams that declared one.
	DefaultIf    func(*config.Config) bool
	DefaultIfDoc string
	// Autofix reports whether the rule offers a suggested fix.
	Autofix bool
	// NotFlagged lists, in Markdown, what the rule deliberately accepts.
	NotFlagged []string
	// KnownProblems lists, in Markdown, the rule's known limits.
	KnownProblems []string
	// Options are the keys of .tracelint.yml that change the rule
	// ("spanend.start-funcs"); their type, default and documentation are
	// the config package's (see rulesdoc.ReadOptions).
	Options []string
}

// URL returns the rule's documentation page.
func (r *Rule) URL() string { return DocsBase + r.ID + ".md" }

// idPattern is the form of every rule ID: TL, the analyzer's digit, two digits.
var idPattern = regexp.MustCompile(`^TL[1-4][0-9][0-9]$`)

// ValidID reports whether id has the form of a rule ID.
func ValidID(id string) bool { return idPattern.MatchString(id) }

// Enabled reports whether cfg turns the rule on: Disable wins over Enable,
// which wins over the rule's default.
func (r *Rule) Enabled(cfg *config.Config) bool {
	switch {
	case slices.Contains(cfg.Disable, r.ID):
		return false
	case slices.Contains(cfg.Enable, r.ID):
		return true
	case r.DefaultIf != nil:
		return r.DefaultIf(cfg)
	}
	return r.Default
}
