package driver

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tracelint/tracelint/internal/finding"
	"github.com/tracelint/tracelint/internal/findingout"
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
		fmt.Fprintf(r.stderr, "wrote %s to %s\n", findingout.Count(len(items), "finding"), r.opts.writeBaseline)
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
				findingout.Count(fixed.fixes, "fix"), findingout.Count(fixed.files, "file"), findingout.Count(len(fixed.remaining), "finding"))
			return exitCode(failed, len(items) > 0, r.opts.legacyJSON)
		}
		findingout.WriteFixed(r.stderr, "tracelint", fixed.fixes, fixed.files, len(fixed.remaining), fixed.overlapping)
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
	return findingout.WriteText(r.stdout, findings(items), r.opts.context, r.paths.Abs)
}

// sortItems sorts items as the outputs list them (findingout.Compare).
func sortItems(items []*item) {
	slices.SortStableFunc(items, func(a, b *item) int { return findingout.Compare(&a.Finding, &b.Finding) })
}

// findings returns the findings of items.
func findings(items []*item) []finding.Finding {
	fs := make([]finding.Finding, len(items))
	for i, it := range items {
		fs[i] = it.Finding
	}
	return fs
}

// summary is the line that closes a run:
//
//	12 findings (TL102 ×9, TL201 ×3) in 4 packages
//	no findings in 4 packages; 1 package could not be checked
func summary(items []*item, known int, baseline string, l *loaded) string {
	var b strings.Builder
	b.WriteString(findingout.Tally(findings(items)))
	fmt.Fprintf(&b, " in %s", findingout.Count(len(l.checked), "package"))
	if known > 0 {
		fmt.Fprintf(&b, "; %s known to the baseline %s not shown", findingout.Count(known, "finding"), baseline)
	}
	if n := len(l.failed); n > 0 {
		fmt.Fprintf(&b, "; %s could not be checked", findingout.Count(n, "package"))
	}
	return b.String()
}
