// Package ghannot writes findings as GitHub Actions workflow commands, which
// the runner turns into annotations on the pull request's diff and the
// run's summary:
//
//	::warning file=svc/api.go,line=21,col=15,endLine=21,endColumn=55,title=TL201::span "span" is not ended ... (TL201)
//
// One command per finding, a warning for a rule's finding and an error for
// an internal error (the rule "internal-error"). Related places follow the
// message on lines of their own, "file:line:col: message".
//
// Paths are written as the findings hold them, relative to the working
// directory: GitHub resolves them against the repository root, so the
// command should run there. Columns are the findings' byte columns, equal
// to GitHub's character columns on ASCII lines.
package ghannot

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/tracelint/tracelint/internal/finding"
)

// internalError is the rule of findings that are failures of the tool.
const internalError = "internal-error"

// Write writes one workflow command per finding of fs to w.
func Write(w io.Writer, fs []finding.Finding) error {
	bw := bufio.NewWriter(w)
	for _, f := range fs {
		bw.WriteString(command(f))
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// command is the workflow command of f.
//
// A command is one line, "::name key=value,key=value::data". GitHub's
// runner (ActionCommand.TryParseV2) ends the command name and properties
// at the first "::" after the leading one, splits the properties at ","
// and each at its first "=", and takes the rest of the line as the data.
// So, as its toolkit does (escapeData and escapeProperty in
// @actions/core), the data escapes "%" as %25, "\r" as %0D and "\n" as
// %0A, and a property value escapes ":" as %3A and "," as %2C as well;
// "=" needs no escape. The runner undoes the escapes in that order with
// %25 last, so a literal "%0A" in a message, written "%250A", comes back
// as it was; escaping in one pass (a strings.Replacer) never escapes a "%"
// of an escape.
//
// GitHub places col and endColumn only within one line; for a finding
// over several lines they are left out and the lines alone are given.
// endColumn is the column just past the end, as go/token gives it.
func command(f finding.Finding) string {
	name := "warning"
	if f.Rule == internalError {
		name = "error"
	}
	var props []string
	add := func(key, value string) { props = append(props, key+"="+escapeProperty(value)) }
	if f.Pos.File != "" {
		add("file", f.Pos.File)
		if f.Pos.Line > 0 {
			end := f.End
			if end.File != f.Pos.File || end.Line < f.Pos.Line || end.Line == f.Pos.Line && end.Column < f.Pos.Column {
				end = f.Pos // no end, or none that GitHub could use
			}
			add("line", strconv.Itoa(f.Pos.Line))
			if end.Line == f.Pos.Line && f.Pos.Column > 0 {
				add("col", strconv.Itoa(f.Pos.Column))
			}
			add("endLine", strconv.Itoa(end.Line))
			if end.Line == f.Pos.Line && f.Pos.Column > 0 {
				add("endColumn", strconv.Itoa(end.Column))
			}
		}
	}
	if f.Rule != "" {
		add("title", f.Rule)
	}
	msg := f.Message
	for _, r := range f.Related {
		msg += "\n" + place(r.Pos) + r.Message
	}
	var b strings.Builder
	b.WriteString("::" + name)
	if len(props) > 0 {
		b.WriteString(" " + strings.Join(props, ","))
	}
	b.WriteString("::" + escapeData(msg))
	return b.String()
}

// place is "file:line:col: " for a related place, as much of it as is
// known.
func place(p finding.Position) string {
	if p.File == "" {
		return ""
	}
	s := p.File
	if p.Line > 0 {
		s += ":" + strconv.Itoa(p.Line)
		if p.Column > 0 {
			s += ":" + strconv.Itoa(p.Column)
		}
	}
	return fmt.Sprintf("%s: ", s)
}

var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// escapeData escapes the data of a command (see command). A Replacer
// replaces in one pass, so "%" is never escaped twice.
func escapeData(s string) string { return dataEscaper.Replace(s) }

// escapeProperty escapes a property value of a command (see command).
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }
