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
