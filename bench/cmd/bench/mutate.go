package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/tracelint/tracelint/bench/internal/corpus"
	"github.com/tracelint/tracelint/bench/internal/findings"
	"github.com/tracelint/tracelint/bench/internal/mutate"
)

// mutateResult is one kind of seeded defect on one module.
type mutateResult struct {
	seeded, found int
	brokeBuild    string
	misses        []mutate.Mutation
}

// mutateAll seeds each kind of defect into its own scratch copy of each
// module, at most one per function, and counts how many tracelint reports
// at the expected line under an expected rule.
func (e *env) mutateAll() error {
	results := map[mutate.Kind]map[string]*mutateResult{}
	for _, k := range mutate.Kinds {
		results[k] = map[string]*mutateResult{}
	}
	for _, m := range e.mods {
		src, err := e.prepare(m)
		if err != nil {
			return err
		}
		base, _, err := e.lint(m, src)
		if err != nil {
			return err
		}
		// What does not build before seeding (alertmanager's ui, a kratos
		// example) is not the seeding's fault.
		baseBuild, _ := goCmd(src, "build", "./...").CombinedOutput()
		for _, k := range mutate.Kinds {
			r, err := e.mutateOne(m, src, k, base.Findings, baseBuild)
			if err != nil {
				return err
			}
			results[k][m.Name] = r
		}
	}
	fmt.Println("## Seeded-defect recall (found at the right line / seeded, one defect per function)")
	fmt.Println()
	head := []string{"kind"}
	for _, m := range e.mods {
		head = append(head, m.Name)
	}
	head = append(head, "total", "recall")
	fmt.Println("| " + strings.Join(head, " | ") + " |")
	fmt.Println("| --- |" + strings.Repeat(" ---: |", len(head)-1))
	broken := false
	for _, k := range mutate.Kinds {
		cells := []string{string(k)}
		seeded, found := 0, 0
		for _, m := range e.mods {
			r := results[k][m.Name]
			cell := fmt.Sprintf("%d/%d", r.found, r.seeded)
			if r.brokeBuild != "" {
				cell += " (build broke)"
				broken = true
			}
			cells = append(cells, cell)
			seeded += r.seeded
			found += r.found
		}
		cells = append(cells, fmt.Sprintf("%d/%d", found, seeded), share(found, seeded))
		fmt.Println("| " + strings.Join(cells, " | ") + " |")
	}
	fmt.Println()
	for _, k := range mutate.Kinds {
		for _, m := range e.mods {
			r := results[k][m.Name]
			if r.brokeBuild != "" {
				fmt.Printf("### %s, %s: the seeded copy does not build\n\n```\n%s\n```\n\n", m.Name, k, r.brokeBuild)
			}
			for i, miss := range r.misses {
				if i == 10 && !e.verbose {
					fmt.Printf("- %s %s: %d more misses (-v lists them)\n", m.Name, k, len(r.misses)-10)
					break
				}
				fmt.Printf("- missed %s in %s: %s:%d %s (%s), want %s\n", k, m.Name, miss.File, miss.Line, miss.Func, miss.Note, strings.Join(miss.Rules, " or "))
			}
		}
	}
	if broken {
		return fmt.Errorf("a seeded copy does not build: the seeding is wrong")
	}
	return nil
}

// mutateOne seeds one kind into a fresh copy and matches the findings.
func (e *env) mutateOne(m corpus.Module, src string, k mutate.Kind, base []findings.Finding, baseBuild []byte) (*mutateResult, error) {
	dir, err := e.scratch(m, src, "mutate-"+string(k))
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(os.Stderr, "bench: %s: seeding %s\n", m.Name, k)
	muts, err := mutate.Seed(dir, k, e.limit)
	if err != nil {
		return nil, fmt.Errorf("seeding %s into %s: %v", k, m.Name, err)
	}
	r := &mutateResult{seeded: len(muts)}
	if len(muts) == 0 {
		return r, nil
	}
	if out, err := goCmd(dir, "build", "./...").CombinedOutput(); err != nil {
		if broke := newLines(baseBuild, out); broke != "" {
			r.brokeBuild = broke
			return r, nil
		}
	}
	res, _, err := e.lint(m, dir)
	if err != nil {
		return nil, err
	}
	// A finding the unseeded module already had at the same place does not
	// count: the seeding must have caused it.
	before := map[string]bool{}
	for _, f := range base {
		before[f.Key()] = true
	}
	at := map[string][]findings.Finding{}
	for _, f := range res.Findings {
		if !before[f.Key()] {
			key := fmt.Sprintf("%s:%d", f.File, f.Line)
			at[key] = append(at[key], f)
		}
	}
	for _, mu := range muts {
		if hit(at[fmt.Sprintf("%s:%d", mu.File, mu.Line)], mu.Rules) {
			r.found++
		} else {
			r.misses = append(r.misses, mu)
		}
	}
	return r, nil
}

func hit(fs []findings.Finding, rules []string) bool {
	for _, f := range fs {
		for _, id := range rules {
			if f.Rule == id {
				return true
			}
		}
	}
	return false
}
