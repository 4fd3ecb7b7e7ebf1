// Package findingout writes findings for people and tools: text lines,
// go vet's JSON diagnostics, paths relative to the working directory, the
// summary's counts, the build's version. The Go command's driver
// (internal/driver) and tracelint rust (internal/rust/command) share it,
// so that their outputs agree to the byte.
package findingout

import (
	"cmp"
	"fmt"
	"maps"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/tracelint/tracelint/internal/finding"
)

// Formats are the values of -format, in the order the usage lists them.
var Formats = []string{"text", "json", "sarif", "github"}

// ParseFormat returns the format that the -format and -json flags ask
// for: -json is -format json, and neither is text. Its error, for two
// formats or one not in [Formats], is a message for the command line.
func ParseFormat(format string, json bool) (string, error) {
	if json {
		if format != "" && format != "json" {
			return "", fmt.Errorf("-json and -format %s ask for two formats; -json is -format json", format)
		}
		format = "json"
	}
	if format == "" {
		format = "text"
	}
	if !slices.Contains(Formats, format) {
		return "", fmt.Errorf("-format %q: want %s", format, strings.Join(Formats, ", "))
	}
	return format, nil
}

// Place is "file:line:col", "file:line" without a column, "file" without
// a line, or "-" for no place.
func Place(p finding.Position) string {
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

// Count is n nouns in English: "1 finding", "2 findings", "2 fixes".
func Count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if strings.HasSuffix(noun, "x") {
		return fmt.Sprintf("%d %ses", n, noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// Tally is how a summary line starts: "no findings", or their number
// and their number per rule (the analyzer for a finding without a rule),
// in the rules' order:
//
//	3 findings (TL202 ×1, TL401 ×2)
func Tally(fs []finding.Finding) string {
	if len(fs) == 0 {
		return "no findings"
	}
	byRule := make(map[string]int)
	for _, f := range fs {
		byRule[cmp.Or(f.Rule, f.Analyzer)]++
	}
	var parts []string
	for _, rule := range slices.Sorted(maps.Keys(byRule)) {
		parts = append(parts, fmt.Sprintf("%s ×%d", rule, byRule[rule]))
	}
	return fmt.Sprintf("%s (%s)", Count(len(fs), "finding"), strings.Join(parts, ", "))
}

// Compare orders findings as the outputs list them: by file, line,
// column, rule, message and analyzer.
func Compare(a, b *finding.Finding) int {
	return cmp.Or(
		strings.Compare(a.Pos.File, b.Pos.File),
		cmp.Compare(a.Pos.Line, b.Pos.Line),
		cmp.Compare(a.Pos.Column, b.Pos.Column),
		strings.Compare(a.Rule, b.Rule),
		strings.Compare(a.Message, b.Message),
		strings.Compare(a.Analyzer, b.Analyzer))
}

// Version is the version of the main module of the build, for SARIF
// logs; a build from a checkout is "0.0.0-devel", with the VCS revision
// as build metadata when the build recorded it: SARIF consumers want a
// version that starts with a number.
func Version() string {
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
