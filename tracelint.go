// Package tracelint exposes the tracelint suite: its analyzers, built from
// one configuration, and the catalogue of their rules.
package tracelint

import (
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/tracelint/tracelint/analyzers/attrkeys"
	"github.com/tracelint/tracelint/analyzers/ctxpropagation"
	"github.com/tracelint/tracelint/analyzers/piiattrs"
	"github.com/tracelint/tracelint/analyzers/spanend"
	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/memo"
	"github.com/tracelint/tracelint/internal/rules"
)

// Analyzers returns the suite's analyzers, each taking its configuration
// from src: a *config.Config applies one configuration everywhere, a
// *config.Finder finds each package's .tracelint.yml. The analyzers share
// one memo.Cache: src's own when it carries one (a long-lived process keeps
// it to invalidate on edits), else a new one.
func Analyzers(src config.Source) []*analysis.Analyzer {
	src = memo.Share(src)
	return []*analysis.Analyzer{
		ctxpropagation.New(src),
		spanend.New(src),
		attrkeys.New(src),
		piiattrs.New(src),
	}
}

// Rules returns the catalogue of every rule, ordered by ID.
func Rules() []*rules.Rule {
	all := slices.Concat(ctxpropagation.Rules, spanend.Rules, attrkeys.Rules, piiattrs.Rules)
	slices.SortFunc(all, func(a, b *rules.Rule) int { return strings.Compare(a.ID, b.ID) })
	return all
}

// RuleIDs returns the IDs of every rule, ordered.
func RuleIDs() []string {
	var ids []string
	for _, r := range Rules() {
		ids = append(ids, r.ID)
	}
	return ids
}
