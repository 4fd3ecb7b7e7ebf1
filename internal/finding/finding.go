// Package finding is the command line's model of one diagnostic, between
// the analysis and the output formats (text, JSON, SARIF, GitHub
// annotations) and the baseline: positions already resolved, paths relative
// to the working directory.
package finding

import (
	"bytes"
	"strconv"
	"strings"
)

// Finding is one diagnostic of one rule.
type Finding struct {
	// Rule is the rule ID ("TL201"), or "TL000" for a problem with a
	// //nolint directive, or "internal-error".
	Rule string
	// Analyzer is the name of the analyzer that reported it ("spanend").
	Analyzer string
	// Package is the import path of the package it was found in.
	Package string
	// Pos and End are where it is; End may equal Pos.
	Pos, End Position
	// Message says what is wrong and what to do; it ends with "(TLnnn)".
	Message string
	// URL is the rule's page.
	URL string
	// Related are secondary places: the return through which a span leaks.
	Related []Related
	// Fixes are the suggested fixes, in the analyzer's order.
	Fixes []Fix
	// Func is the name of the enclosing function ("Handle", "(*Server).Get",
	// "" at package level): with LineText, what a baseline matches on.
	Func string
	// LineText is the text of the finding's first line, trimmed of spaces.
	LineText string
}

// Position is a place in a file.
type Position struct {
	// File is relative to the working directory when it lies below it,
	// absolute otherwise; always with forward slashes.
	File string
	// Line and Column are 1-based; Column counts bytes.
	Line, Column int
	// Offset is the byte offset in the file.
	Offset int
}

// Related is a secondary place of a finding.
type Related struct {
	Pos, End Position
	Message  string
}

// Fix is a suggested fix.
type Fix struct {
	Message string
	Edits   []Edit
}

// Edit replaces the bytes between two positions of one file.
type Edit struct {
	Pos, End Position
	NewText  string
}

// ParsePos splits a position written "file:line:col" or "file:line", as
// go/packages writes those of load and type errors; col is 0 in the second
// form.
func ParsePos(s string) (file string, line, col int, ok bool) {
	file, last, ok := cutNumber(s)
	if !ok {
		return "", 0, 0, false
	}
	if f, l, ok := cutNumber(file); ok {
		return f, l, last, true
	}
	return file, last, 0, true
}

// cutNumber cuts a trailing ":N" off s.
func cutNumber(s string) (string, int, bool) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return "", 0, false
	}
	n, err := strconv.Atoi(s[i+1:])
	if err != nil {
		return "", 0, false
	}
	return s[:i], n, true
}

// LineText is the text of the line of src that holds offset, trimmed: what
// a baseline matches a finding's line on.
func LineText(src []byte, offset int) string {
	if offset < 0 || offset > len(src) {
		return ""
	}
	start := bytes.LastIndexByte(src[:offset], '\n') + 1
	end := bytes.IndexByte(src[offset:], '\n')
	if end < 0 {
		end = len(src)
	} else {
		end += offset
	}
	return strings.TrimSpace(string(src[start:end]))
}
