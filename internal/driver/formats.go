package driver

import (
	"io"

	"github.com/tracelint/tracelint/internal/baseline"
	"github.com/tracelint/tracelint/internal/finding"
	"github.com/tracelint/tracelint/internal/ghannot"
	"github.com/tracelint/tracelint/internal/rules"
	"github.com/tracelint/tracelint/internal/sarifout"
)

// writeSARIF writes the findings as a SARIF log (internal/sarifout).
func writeSARIF(w io.Writer, fs []finding.Finding, catalogue []*rules.Rule, version string) error {
	return sarifout.Write(w, fs, catalogue, version)
}

// writeGitHub writes the findings as GitHub Actions annotations
// (internal/ghannot).
func writeGitHub(w io.Writer, fs []finding.Finding) error {
	return ghannot.Write(w, fs)
}

// writeBaseline writes the findings as the baseline at path.
func writeBaseline(path string, fs []finding.Finding) error {
	return baseline.Write(path, fs)
}

// filterBaseline drops the items the baseline at path holds, and returns
// how many it dropped.
func filterBaseline(path string, items []*item) ([]*item, int, error) {
	b, err := baseline.Load(path)
	if err != nil {
		return nil, 0, err
	}
	fresh, known := b.Filter(findings(items))
	// Filter keeps the order of what it is given: fresh is a subsequence
	// of items.
	var out []*item
	j := 0
	for _, it := range items {
		if j < len(fresh) && same(&it.Finding, &fresh[j]) {
			out = append(out, it)
			j++
		}
	}
	return out, known, nil
}

// same reports whether two findings are one, as far as their place, rule
// and message tell.
func same(a, b *finding.Finding) bool {
	return a.Pos == b.Pos && a.End == b.End && a.Rule == b.Rule && a.Analyzer == b.Analyzer && a.Message == b.Message
}
