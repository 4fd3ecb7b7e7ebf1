package driver

import (
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/tracelint/tracelint/internal/finding"
	"github.com/tracelint/tracelint/internal/suppress"
)

// nolintURL documents the directives and TL000, which has no rule page:
// it is the command line's check, not an analyzer's rule.
const nolintURL = "https://github.com/tracelint/tracelint#suppressing-findings"

// suppress drops the findings a //nolint directive silences, and adds the
// problems of the directives of every checked file as findings of TL000.
func (r *run) suppress(res *result) {
	directives := make(map[*fileInfo]*suppress.Directives)
	dirsOf := func(fi *fileInfo) *suppress.Directives {
		d := directives[fi]
		if d == nil {
			d = suppress.Read(fi.fset, fi.syntax)
			directives[fi] = d
		}
		return d
	}
	kept := res.items[:0]
	for _, it := range res.items {
		if it.file != nil && !internalError(&it.Finding) && dirsOf(it.file).Use(it.line, it.Analyzer, it.Rule) {
			continue
		}
		kept = append(kept, it)
	}
	res.items = kept

	vocab := suppress.Vocabulary{
		Rules: make(map[string]string),
		Ran: func(name string) bool {
			return slices.ContainsFunc(r.opts.analyzers, func(a *analysis.Analyzer) bool { return a.Name == name })
		},
	}
	for _, rule := range r.suite.Rules {
		vocab.Rules[rule.ID] = rule.Analyzer
	}
	for _, a := range r.suite.Analyzers {
		vocab.Analyzers = append(vocab.Analyzers, a.Name)
	}
	for i, fi := range res.order {
		src := res.read(fi.name)
		if len(src) != fi.size {
			src = nil // changed since it was parsed: no fix
		}
		for _, p := range dirsOf(fi).Check(vocab, r.opts.requireReason, src) {
			it := &item{
				Finding: finding.Finding{
					Rule:     suppress.RuleID,
					Analyzer: suppress.Analyzer,
					Package:  fi.pkg.PkgPath,
					Pos:      r.position(fi.fset, p.Pos, false),
					End:      r.position(fi.fset, p.End, false),
					Message:  p.Message,
					URL:      nolintURL,
					Func:     enclosingFunc(fi.syntax, p.Pos),
				},
				pkgID: fi.pkg.ID,
				seq:   i, // the order of the files, then of the problems
				file:  fi,
				line:  fi.fset.PositionFor(p.Pos, false).Line,
			}
			it.LineText = finding.LineText(src, it.Pos.Offset)
			if p.Fix != nil {
				it.Fixes = []finding.Fix{{Message: p.Fix.Message, Edits: []finding.Edit{{
					Pos: r.position(fi.fset, p.Fix.Pos, false), End: r.position(fi.fset, p.Fix.End, false), NewText: p.Fix.NewText,
				}}}}
			}
			res.items = append(res.items, it)
		}
	}
}
