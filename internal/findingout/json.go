package findingout

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/tracelint/tracelint/internal/finding"
)

// Diagnostic is a finding as go vet -json and multichecker -json write
// one, with absolute paths; the field names are theirs, kept for the
// tools that read them.
type Diagnostic struct {
	Category       string    `json:"category,omitempty"`
	Posn           string    `json:"posn"`
	End            string    `json:"end"`
	Message        string    `json:"message"`
	SuggestedFixes []Fix     `json:"suggested_fixes,omitempty"`
	Related        []Related `json:"related,omitempty"`
}

// Fix is a suggested fix of a [Diagnostic].
type Fix struct {
	Message string `json:"message"`
	Edits   []Edit `json:"edits"`
}

// Edit is an edit of a [Fix]: the bytes from Start to End of the file
// replaced by New.
type Edit struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	New      string `json:"new"`
}

// Related is a secondary place of a [Diagnostic].
type Related struct {
	Posn    string `json:"posn"`
	End     string `json:"end"`
	Message string `json:"message"`
}

// NewDiagnostic returns f as a Diagnostic, its files named by abs (the
// absolute path of a finding's file, as [Paths.Abs] gives it).
func NewDiagnostic(f *finding.Finding, abs func(string) string) Diagnostic {
	// posn writes a position as token.Position does, with its absolute
	// path.
	posn := func(p finding.Position) string {
		p.File = abs(p.File)
		return Place(p)
	}
	d := Diagnostic{
		Category: f.Rule,
		Posn:     posn(f.Pos),
		End:      posn(f.End),
		Message:  f.Message,
	}
	for _, fix := range f.Fixes {
		jf := Fix{Message: fix.Message}
		for _, e := range fix.Edits {
			jf.Edits = append(jf.Edits, Edit{Filename: abs(e.Pos.File), Start: e.Pos.Offset, End: e.End.Offset, New: e.NewText})
		}
		d.SuggestedFixes = append(d.SuggestedFixes, jf)
	}
	for _, rel := range f.Related {
		d.Related = append(d.Related, Related{Posn: posn(rel.Pos), End: posn(rel.End), Message: rel.Message})
	}
	return d
}

// WriteJSON writes a tree of diagnostics as go vet -json does: indented
// by tabs, with a final newline.
func WriteJSON(w io.Writer, tree any) error {
	data, err := json.MarshalIndent(tree, "", "\t")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}
