package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/tracelint/tracelint/bench/internal/triage"
)

// triageAll compares each module's findings with its triage file and
// prints the share of real findings per analyzer and rule, then the
// findings that are new (or not judged yet) and the judged ones that are
// gone.
func (e *env) triageAll() error {
	var judged []triage.Judged
	analyzerOf := map[string]string{}
	type change struct{ mod, line string }
	var news, gones []change
	for _, m := range e.mods {
		dir, err := e.prepare(m)
		if err != nil {
			return err
		}
		res, _, err := e.lint(m, dir)
		if err != nil {
			return err
		}
		file := filepath.Join(e.repo, "bench", "triage", m.Name+".txt")
		t, err := triage.Read(file)
		if err != nil {
			return err
		}
		d := t.Compare(res.Findings)
		judged = append(judged, d.Judged...)
		for _, f := range res.Findings {
			analyzerOf[f.Rule] = f.Analyzer
		}
		for _, f := range d.New {
			news = append(news, change{m.Name, fmt.Sprintf("%s  %s", f.Key(), f.Message)})
		}
		for _, g := range d.Gone {
			gones = append(gones, change{m.Name, fmt.Sprintf("%s  (was %s: %s)", g.Key, g.Verdict, g.Reason)})
		}
		if e.update {
			if err := t.DropGone(d.Gone); err != nil {
				return err
			}
			n, err := t.AppendNew(res.Findings)
			if err != nil {
				return err
			}
			if n > 0 {
				fmt.Fprintf(os.Stderr, "bench: %s: %d unjudged findings appended to %s\n", m.Name, n, file)
			}
		}
	}

	fmt.Println("## Triage: share of real findings per rule (judged default findings of every module)")
	fmt.Println()
	fmt.Println("| analyzer | rule | judged | real | not worth acting | wrong | real share | real share outside tests |")
	fmt.Println("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
	byRule, ids := triage.ByRule(judged)
	perAnalyzer := map[string]*triage.Tally{}
	var analyzers []string
	for _, id := range ids {
		t := byRule[id]
		a := analyzerOf[id]
		fmt.Printf("| %s | %s | %d | %d | %d | %d | %s | %s |\n", a, id, t.Total(), t.Real, t.NotWorth, t.Wrong,
			share(t.Real, t.Total()), share(t.Real-t.TestReal, t.Total()-t.TestTotal))
		at, ok := perAnalyzer[a]
		if !ok {
			at = &triage.Tally{}
			perAnalyzer[a] = at
			analyzers = append(analyzers, a)
		}
		at.Real += t.Real
		at.NotWorth += t.NotWorth
		at.Wrong += t.Wrong
		at.TestReal += t.TestReal
		at.TestTotal += t.TestTotal
	}
	for _, a := range analyzers {
		t := perAnalyzer[a]
		fmt.Printf("| **%s** | all | %d | %d | %d | %d | %s | %s |\n", a, t.Total(), t.Real, t.NotWorth, t.Wrong,
			share(t.Real, t.Total()), share(t.Real-t.TestReal, t.Total()-t.TestTotal))
	}
	fmt.Println()
	fmt.Printf("## New or unjudged findings: %d\n\n", len(news))
	for _, c := range news {
		fmt.Printf("- %s: %s\n", c.mod, strings.TrimSpace(c.line))
	}
	fmt.Printf("\n## Judged findings that are gone: %d\n\n", len(gones))
	for _, c := range gones {
		fmt.Printf("- %s: %s\n", c.mod, c.line)
	}
	if e.strict && len(news)+len(gones) > 0 {
		return fmt.Errorf("the triage is out of date: judge the new findings (bench/run -triage -update appends them) and drop the gone ones")
	}
	return nil
}

// share formats part/whole as a percentage, or — for nothing judged.
func share(part, whole int) string {
	if whole == 0 {
		return "—"
	}
	return fmt.Sprintf("%.0f%%", 100*float64(part)/float64(whole))
}
