package command

import (
	"cmp"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/tracelint/tracelint"
	"github.com/tracelint/tracelint/internal/finding"
	"github.com/tracelint/tracelint/internal/findingout"
	"github.com/tracelint/tracelint/internal/ghannot"
	"github.com/tracelint/tracelint/internal/rust/lint"
	"github.com/tracelint/tracelint/internal/sarifout"
)

// write writes the findings in format on stdout.
func (r *run) write(format string, fs []finding.Finding) error {
	switch format {
	case "json":
		return r.writeJSON(r.stdout, fs)
	case "sarif":
		return sarifout.Write(r.stdout, fs, lint.Catalogue(tracelint.Rules()), findingout.Version())
	case "github":
		return ghannot.Write(r.stdout, fs)
	}
	return findingout.WriteText(r.stdout, fs, findingout.NoContext, nil)
}

// The JSON output is the Go command's tree, with the file's directory
// where the Go command has the package and the lint where it has the
// analyzer:
//
//	{"src/handlers": {"pii_in_telemetry": [diagnostic, ...]}}
//
// with absolute paths in the diagnostics (findingout.Diagnostic). The
// directory is relative to the working directory, as the finding's file
// is.

// writeJSON writes the findings, sorted, as the JSON tree.
func (r *run) writeJSON(w io.Writer, fs []finding.Finding) error {
	tree := make(map[string]map[string][]findingout.Diagnostic)
	for i := range fs {
		f := &fs[i]
		dir := path.Dir(f.Pos.File)
		m := tree[dir]
		if m == nil {
			m = make(map[string][]findingout.Diagnostic)
			tree[dir] = m
		}
		lintName := cmp.Or(f.Analyzer, f.Rule)
		m[lintName] = append(m[lintName], findingout.NewDiagnostic(f, r.paths.Abs))
	}
	return findingout.WriteJSON(w, tree)
}

// summary is the line that closes a run:
//
//	3 findings (TL202 ×1, TL401 ×2) in 12 files
//	no findings in 12 files; 1 file could not be checked
func summary(fs []finding.Finding, checked, failed int) string {
	var b strings.Builder
	b.WriteString(findingout.Tally(fs))
	fmt.Fprintf(&b, " in %s", findingout.Count(checked, "file"))
	if failed > 0 {
		fmt.Fprintf(&b, "; %s could not be checked", findingout.Count(failed, "file"))
	}
	return b.String()
}
