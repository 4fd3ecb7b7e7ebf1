package command

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"path"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/tracelint/tracelint"
	"github.com/tracelint/tracelint/internal/finding"
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
		return sarifout.Write(r.stdout, fs, lint.Catalogue(tracelint.Rules()), version())
	case "github":
		return ghannot.Write(r.stdout, fs)
	}
	return writeText(r.stdout, fs)
}

// sortFindings sorts findings by file, line, column, rule and message.
func sortFindings(fs []finding.Finding) {
	slices.SortStableFunc(fs, func(a, b finding.Finding) int {
		return cmp.Or(
			strings.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Column, b.Pos.Column),
			strings.Compare(a.Rule, b.Rule),
			strings.Compare(a.Message, b.Message),
			strings.Compare(a.Analyzer, b.Analyzer))
	})
}

// writeText writes each finding as "file:line:col: message", its related
// places beneath, indented by a tab.
func writeText(w io.Writer, fs []finding.Finding) error {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%s: %s\n", place(f.Pos), f.Message)
		for _, rel := range f.Related {
			fmt.Fprintf(&b, "\t%s: %s\n", place(rel.Pos), rel.Message)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// The JSON output is the Go command's tree, with the file's directory
// where the Go command has the package and the lint where it has the
// analyzer:
//
//	{"src/handlers": {"pii_in_telemetry": [diagnostic, ...]}}
//
// with absolute paths in the diagnostics. The directory is relative to
// the working directory, as the finding's file is.

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

// writeJSON writes the findings, sorted, as the JSON tree.
func (r *run) writeJSON(w io.Writer, fs []finding.Finding) error {
	tree := make(map[string]map[string][]jsonDiagnostic)
	for i := range fs {
		f := &fs[i]
		dir := path.Dir(f.Pos.File)
		m := tree[dir]
		if m == nil {
			m = make(map[string][]jsonDiagnostic)
			tree[dir] = m
		}
		lintName := cmp.Or(f.Analyzer, f.Rule)
		m[lintName] = append(m[lintName], r.jsonDiagnostic(f))
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

// place is "file:line:col", or "-" for no place. (internal/driver has the
// same.)
func place(p finding.Position) string {
	switch {
	case p.File == "":
		return "-"
	case p.Line == 0:
		return p.File
	case p.Column == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Column)
}

// summary is the line that closes a run:
//
//	3 findings (TL202 ×1, TL401 ×2) in 12 files
//	no findings in 12 files; 1 file could not be checked
func summary(fs []finding.Finding, checked, failed int) string {
	var b strings.Builder
	if len(fs) == 0 {
		b.WriteString("no findings")
	} else {
		byRule := make(map[string]int)
		for _, f := range fs {
			byRule[cmp.Or(f.Rule, f.Analyzer)]++
		}
		var parts []string
		for _, rule := range slices.Sorted(maps.Keys(byRule)) {
			parts = append(parts, fmt.Sprintf("%s ×%d", rule, byRule[rule]))
		}
		fmt.Fprintf(&b, "%s (%s)", count(len(fs), "finding"), strings.Join(parts, ", "))
	}
	fmt.Fprintf(&b, " in %s", count(checked, "file"))
	if failed > 0 {
		fmt.Fprintf(&b, "; %s could not be checked", count(failed, "file"))
	}
	return b.String()
}

// count is "1 finding", "2 findings". (internal/driver has the same.)
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// version is the tool version of SARIF logs, as the Go command's
// (driver.Suite's version): the main module's version, or for a build from
// a checkout "0.0.0-devel", with the VCS revision as build metadata when
// the build recorded it.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "0.0.0-devel"
	}
	if info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	for _, st := range info.Settings {
		if st.Key == "vcs.revision" && len(st.Value) >= 12 {
			return "0.0.0-devel+" + st.Value[:12]
		}
	}
	return "0.0.0-devel"
}
