package driver

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/tracelint/tracelint/internal/finding"
)

// The JSON output is the tree go vet -json and multichecker -json write,
// kept as it was for the tools that read it:
//
//	{"pkgID": {"analyzer": [diagnostic, ...] or {"error": "..."}}}
//
// with absolute paths, and each analyzer's diagnostics in its own order.
// A finding is listed once, under the first package that reported it (a
// package before its test variant); the problems of //nolint directives
// are listed under the analyzer name "nolint".

type jsonDiagnostic struct {
	Category       string        `json:"category,omitempty"`
	Posn           string        `json:"posn"`
	End            string        `json:"end"`
	Message        string        `json:"message"`
	SuggestedFixes []jsonFix     `json:"suggested_fixes,omitempty"`
	Related        []jsonRelated `json:"related,omitempty"`
}

type jsonFix struct {
	Message string     `json:"message"`
	Edits   []jsonEdit `json:"edits"`
}

type jsonEdit struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	New      string `json:"new"`
}

type jsonRelated struct {
	Posn    string `json:"posn"`
	End     string `json:"end"`
	Message string `json:"message"`
}

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
		var diags []jsonDiagnostic
		for ; j < len(ordered) && ordered[j].pkgID == ordered[i].pkgID && ordered[j].Analyzer == ordered[i].Analyzer; j++ {
			diags = append(diags, r.jsonDiagnostic(&ordered[j].Finding))
		}
		add(ordered[i].pkgID, ordered[i].Analyzer, diags)
		i = j
	}
	data, err := json.MarshalIndent(tree, "", "\t")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}

func (r *run) jsonDiagnostic(f *finding.Finding) jsonDiagnostic {
	d := jsonDiagnostic{
		Category: f.Rule,
		Posn:     r.posn(f.Pos),
		End:      r.posn(f.End),
		Message:  f.Message,
	}
	for _, fix := range f.Fixes {
		jf := jsonFix{Message: fix.Message}
		for _, e := range fix.Edits {
			jf.Edits = append(jf.Edits, jsonEdit{Filename: r.abs(e.Pos.File), Start: e.Pos.Offset, End: e.End.Offset, New: e.NewText})
		}
		d.SuggestedFixes = append(d.SuggestedFixes, jf)
	}
	for _, rel := range f.Related {
		d.Related = append(d.Related, jsonRelated{Posn: r.posn(rel.Pos), End: r.posn(rel.End), Message: rel.Message})
	}
	return d
}

// posn writes a position as token.Position does, with its absolute path.
func (r *run) posn(p finding.Position) string {
	abs := p
	abs.File = r.abs(p.File)
	return place(abs)
}
