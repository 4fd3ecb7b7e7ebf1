package driver

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/tracelint/tracelint/internal/finding"
)

// report applies the directives, the baseline and the fixes to what the
// analysis found, writes the findings in the chosen format and the
// summary, and returns the exit code.
func (r *run) report(res *result) int {
	failed := len(res.loaded.broken) > 0
	printed := make(map[string]bool)
	for _, e := range res.errs {
		line := e.analyzer + ": " + e.msg
		if !printed[line] {
			printed[line] = true
			r.errorf("%s", line)
		}
		failed = true
	}
	r.suppress(res)
	sortItems(res.items)
	items := res.items

	if r.opts.writeBaseline != "" {
		if err := writeBaseline(r.opts.writeBaseline, findings(items)); err != nil {
			r.errorf("-write-baseline: %v", err)
			return exitError
		}
		fmt.Fprintf(r.stderr, "wrote %s to %s\n", count(len(items), "finding"), r.opts.writeBaseline)
		if failed {
			return exitError
		}
		return exitClean
	}
	known := 0
	if r.opts.baseline != "" {
		var err error
		items, known, err = filterBaseline(r.opts.baseline, items)
		if err != nil {
			r.errorf("-baseline: %v", err)
			return exitError
		}
	}

	for _, it := range items {
		if internalError(&it.Finding) {
			failed = true // an analyzer stopped on a package
		}
	}
	if r.opts.fix {
		fixed, err := r.applyFixes(res, items)
		if err != nil {
			r.errorf("%v", err)
			failed = true
		}
		if r.opts.diff {
			// Nothing was written: every finding is still there.
			fmt.Fprintf(r.stderr, "%s in %s, shown as a diff and not applied; %s without a fix that applies\n",
				count(fixed.fixes, "fix"), count(fixed.files, "file"), count(len(fixed.remaining), "finding"))
			return exitCode(failed, len(items) > 0, r.opts.legacyJSON)
		}
		remain := "remain"
		if len(fixed.remaining) == 1 {
			remain = "remains"
		}
		fmt.Fprintf(r.stderr, "applied %s in %s; %s %s\n",
			count(fixed.fixes, "fix"), count(fixed.files, "file"), count(len(fixed.remaining), "finding"), remain)
		if fixed.overlapping > 0 {
			fmt.Fprintf(r.stderr, "%s not applied, as %s a fix applied; run tracelint -fix again\n",
				count(fixed.overlapping, "fix"), overlaps(fixed.overlapping))
		}
		items = fixed.remaining
	}

	if err := r.write(res, items); err != nil {
		r.errorf("%v", err)
		return exitError
	}
	if !r.opts.legacyJSON { // -json wrote nothing else, and its readers expect nothing else
		fmt.Fprintln(r.stderr, summary(items, known, r.opts.baseline, res.loaded))
	}
	return exitCode(failed, len(items) > 0, r.opts.legacyJSON)
}

// overlaps is "it overlaps" or "they overlap".
func overlaps(n int) string {
	if n == 1 {
		return "it overlaps"
	}
	return "they overlap"
}

// exitCode is the code of a run that failed to check something, or that
// found something.
func exitCode(failed, found, legacyJSON bool) int {
	switch {
	case failed:
		return exitError
	case found && !legacyJSON:
		return exitFindings
	}
	return exitClean
}

// write writes items in the chosen format on stdout.
func (r *run) write(res *result, items []*item) error {
	switch r.opts.format {
	case "json":
		return r.writeJSON(r.stdout, res, items)
	case "sarif":
		return writeSARIF(r.stdout, findings(items), r.suite.Rules, r.suite.version())
	case "github":
		return writeGitHub(r.stdout, findings(items))
	}
	return r.writeText(r.stdout, items)
}

// sortItems sorts findings by file, line, column and rule.
func sortItems(items []*item) {
	slices.SortStableFunc(items, func(a, b *item) int {
		return cmp.Or(
			strings.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Column, b.Pos.Column),
			strings.Compare(a.Rule, b.Rule),
			strings.Compare(a.Message, b.Message),
			strings.Compare(a.Analyzer, b.Analyzer))
	})
}

// findings returns the findings of items.
func findings(items []*item) []finding.Finding {
	fs := make([]finding.Finding, len(items))
	for i, it := range items {
		fs[i] = it.Finding
	}
	return fs
}

// writeText writes each finding as "file:line:col: message", its related
// places beneath, indented by a tab, and with -c N the lines around each.
func (r *run) writeText(w io.Writer, items []*item) error {
	var b strings.Builder
	lines := make(map[string][]string)
	context := func(from, to finding.Position) {
		if r.opts.context < 0 || from.File == "" {
			return
		}
		text, ok := lines[from.File]
		if !ok {
			src, _ := os.ReadFile(r.abs(from.File))
			text = strings.Split(string(src), "\n")
			lines[from.File] = text
		}
		last := max(to.Line, from.Line)
		if to.File != from.File {
			last = from.Line
		}
		for i := from.Line - r.opts.context; i <= last+r.opts.context; i++ {
			if 1 <= i && i <= len(text) {
				fmt.Fprintf(&b, "%d\t%s\n", i, text[i-1])
			}
		}
	}
	for _, it := range items {
		fmt.Fprintf(&b, "%s: %s\n", place(it.Pos), it.Message)
		context(it.Pos, it.End)
		for _, rel := range it.Related {
			fmt.Fprintf(&b, "\t%s: %s\n", place(rel.Pos), rel.Message)
			context(rel.Pos, rel.End)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// place is "file:line:col", or "-" for no place.
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
//	12 findings (TL102 ×9, TL201 ×3) in 4 packages
//	no findings in 4 packages; 1 package could not be checked
func summary(items []*item, known int, baseline string, l *loaded) string {
	var b strings.Builder
	if len(items) == 0 {
		b.WriteString("no findings")
	} else {
		byRule := make(map[string]int)
		for _, it := range items {
			byRule[cmp.Or(it.Rule, it.Analyzer)]++
		}
		var parts []string
		for _, rule := range slices.Sorted(maps.Keys(byRule)) {
			parts = append(parts, fmt.Sprintf("%s ×%d", rule, byRule[rule]))
		}
		fmt.Fprintf(&b, "%s (%s)", count(len(items), "finding"), strings.Join(parts, ", "))
	}
	fmt.Fprintf(&b, " in %s", count(len(l.checked), "package"))
	if known > 0 {
		fmt.Fprintf(&b, "; %s known to the baseline %s not shown", count(known, "finding"), baseline)
	}
	if n := len(l.failed); n > 0 {
		fmt.Fprintf(&b, "; %s could not be checked", count(n, "package"))
	}
	return b.String()
}

// count is "1 finding", "2 findings".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if strings.HasSuffix(noun, "x") {
		return fmt.Sprintf("%d %ses", n, noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
