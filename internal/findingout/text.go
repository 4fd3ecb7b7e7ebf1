package findingout

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/tracelint/tracelint/internal/finding"
)

// NoContext is the context of [WriteText] that shows no source lines.
const NoContext = -1

// WriteText writes each finding as "file:line:col: message", its related
// places beneath, indented by a tab. With a context of 0 or more (-c N),
// each place is followed by its lines and that many lines around them,
// numbered, from the file abs names; abs is only called then.
func WriteText(w io.Writer, fs []finding.Finding, context int, abs func(string) string) error {
	var b strings.Builder
	lines := make(map[string][]string)
	showContext := func(from, to finding.Position) {
		if context < 0 || from.File == "" {
			return
		}
		text, ok := lines[from.File]
		if !ok {
			src, _ := os.ReadFile(abs(from.File))
			text = strings.Split(string(src), "\n")
			lines[from.File] = text
		}
		last := max(to.Line, from.Line)
		if to.File != from.File {
			last = from.Line
		}
		for i := from.Line - context; i <= last+context; i++ {
			if 1 <= i && i <= len(text) {
				fmt.Fprintf(&b, "%d\t%s\n", i, text[i-1])
			}
		}
	}
	for _, f := range fs {
		fmt.Fprintf(&b, "%s: %s\n", Place(f.Pos), f.Message)
		showContext(f.Pos, f.End)
		for _, rel := range f.Related {
			fmt.Fprintf(&b, "\t%s: %s\n", Place(rel.Pos), rel.Message)
			showContext(rel.Pos, rel.End)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteFixed writes what a -fix run of command did: "applied 3 fixes in 2
// files; 1 finding remains", and a line for the fixes left out because
// they overlap one applied.
func WriteFixed(w io.Writer, command string, fixes, files, remaining, overlapping int) {
	remain := "remain"
	if remaining == 1 {
		remain = "remains"
	}
	fmt.Fprintf(w, "applied %s in %s; %s %s\n", Count(fixes, "fix"), Count(files, "file"), Count(remaining, "finding"), remain)
	if overlapping > 0 {
		they := "they overlap"
		if overlapping == 1 {
			they = "it overlaps"
		}
		fmt.Fprintf(w, "%s not applied, as %s a fix applied; run %s -fix again\n", Count(overlapping, "fix"), they, command)
	}
}
