package driver

import (
	"cmp"
	"io"
	"slices"
	"strings"

	"github.com/tracelint/tracelint/internal/findingout"
)

// The JSON output is the tree go vet -json and multichecker -json write,
// kept as it was for the tools that read it:
//
//	{"pkgID": {"analyzer": [diagnostic, ...] or {"error": "..."}}}
//
// with absolute paths, and each analyzer's diagnostics in its own order.
// A finding is listed once, under the first package that reported it (a
// package before its test variant); the problems of //nolint directives
// are listed under the analyzer name "nolint". A diagnostic is a
// findingout.Diagnostic.

// jsonError stands for an analyzer's diagnostics on a package where it
// did not run.
type jsonError struct {
	Err string `json:"error"`
}

// skippedMessage is the error multichecker gave each analyzer of a
// package that does not type-check.
const skippedMessage = "analysis skipped due to errors in package"

// writeJSON writes items as the JSON tree.
func (r *run) writeJSON(w io.Writer, res *result, items []*item) error {
	tree := make(map[string]map[string]any)
	add := func(pkgID, analyzer string, v any) {
		m := tree[pkgID]
		if m == nil {
			m = make(map[string]any)
			tree[pkgID] = m
		}
		m[analyzer] = v
	}
	for _, p := range res.loaded.broken {
		for _, a := range r.opts.analyzers {
			add(p.ID, a.Name, jsonError{skippedMessage})
		}
	}
	for _, e := range res.errs {
		add(e.pkgID, e.analyzer, jsonError{e.msg})
	}
	ordered := slices.Clone(items)
	slices.SortStableFunc(ordered, func(a, b *item) int {
		return cmp.Or(strings.Compare(a.pkgID, b.pkgID), strings.Compare(a.Analyzer, b.Analyzer), cmp.Compare(a.seq, b.seq))
	})
	for i := 0; i < len(ordered); {
		j := i
		var diags []findingout.Diagnostic
		for ; j < len(ordered) && ordered[j].pkgID == ordered[i].pkgID && ordered[j].Analyzer == ordered[i].Analyzer; j++ {
			diags = append(diags, findingout.NewDiagnostic(&ordered[j].Finding, r.paths.Abs))
		}
		add(ordered[i].pkgID, ordered[i].Analyzer, diags)
		i = j
	}
	return findingout.WriteJSON(w, tree)
}
