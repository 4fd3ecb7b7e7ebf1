// Command mutants measures how well an analyzer's tests guard its rule
// conditions: it breaks one condition at a time in a package (an if
// condition negated, one operand of && or || dropped), runs the package's
// tests against each broken version, and counts the mutants the tests kill.
// See docs/testing.md.
//
// All the mutants of a package are compiled into one test binary (mutant
// schemata): each mutated condition asks, at run time, whether its mutant
// is the one the TRACELINT_MUTANT environment variable selects. The
// package is compiled once, through go test -overlay so the tree is never
// edited, and the binary runs once per mutant.
//
// Usage:
//
//	go run ./internal/cmd/mutants [-j N] [-json FILE] [-only FILE:LINE] ./analyzers/attrkeys ...
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"
)

// A mutant is one broken condition.
type mutant struct {
	ID     int    `json:"id"`
	Pkg    string `json:"pkg"`
	File   string `json:"file"`
	Line   int    `json:"line"`
	What   string `json:"what"`   // the mutation, e.g. `if ok negated`
	Status string `json:"status"` // killed, survived, timeout, equivalent
	Why    string `json:"why,omitempty"`
}

func main() {
	workers := flag.Int("j", 2, "mutants tested at once")
	out := flag.String("json", "", "write every mutant and its status to this file")
	only := flag.String("only", "", "test only the mutants on this line (file.go:LINE) or in this file")
	what := flag.String("what", "", "test only the mutants whose description matches this regular expression")
	sample := flag.Int("sample", 1, "test every Nth mutant only, for an estimate of a long pass")
	rerun := flag.String("rerun", "", "test only the mutants a previous -json report has as survived")
	equivFile := flag.String("equivalent", "internal/cmd/mutants/equivalent.txt", "the mutants judged equivalent, with why")
	flag.Parse()
	equiv, err := readEquivalent(*equivFile)
	if err != nil {
		fail(err)
	}
	var again map[string]bool
	if *rerun != "" {
		if again, err = survivors(*rerun); err != nil {
			fail(err)
		}
	}
	var all []*mutant
	for _, dir := range flag.Args() {
		pkg, err := schema(dir)
		if err != nil {
			fail(err)
		}
		ms := pkg.mutants
		if *only != "" {
			ms = selectOnly(ms, *only)
		}
		if *what != "" {
			re, err := regexp.Compile(*what)
			if err != nil {
				fail(err)
			}
			ms = slices.DeleteFunc(ms, func(m *mutant) bool { return !re.MatchString(m.What) })
		}
		if *sample > 1 {
			ms = slices.DeleteFunc(ms, func(m *mutant) bool { return m.ID%*sample != 0 })
		}
		if again != nil {
			ms = slices.DeleteFunc(ms, func(m *mutant) bool { return !again[m.key()] })
		}
		fmt.Fprintf(os.Stderr, "mutants: %d mutants in %s\n", len(ms), dir)
		if err := pkg.test(ms, *workers, equiv); err != nil {
			fail(err)
		}
		all = append(all, ms...)
	}
	report(all)
	if *out != "" {
		b, _ := json.MarshalIndent(all, "", "  ")
		if err := os.WriteFile(*out, b, 0o644); err != nil {
			fail(err)
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "mutants:", err)
	os.Exit(1)
}

// survivors reads a -json report and returns the keys of its survivors.
func survivors(name string) (map[string]bool, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var ms []*mutant
	if err := json.Unmarshal(b, &ms); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	keys := make(map[string]bool)
	for _, m := range ms {
		if m.Status == "survived" {
			keys[m.key()] = true
		}
	}
	return keys, nil
}

func selectOnly(ms []*mutant, only string) []*mutant {
	var out []*mutant
	for _, m := range ms {
		at := fmt.Sprintf("%s:%d", filepath.Base(m.File), m.Line)
		if at == only || filepath.Base(m.File) == only {
			out = append(out, m)
		}
	}
	return out
}

// test compiles the package's test binary with every mutant in it, checks
// that it passes with none selected, then runs it once per mutant.
func (p *schemaPkg) test(ms []*mutant, workers int, equiv map[string]string) error {
	tmp, err := os.MkdirTemp("", "mutants")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	stop := removeOnSignal(tmp)
	defer stop()
	// The rewritten files go into a copy of the tree, not an overlay: the
	// cover tool reads a package's files from disk.
	tree := filepath.Join(tmp, "tree")
	if err := os.CopyFS(tree, os.DirFS(".")); err != nil {
		return err
	}
	for name, src := range p.files {
		if err := os.WriteFile(filepath.Join(tree, name), src, 0o644); err != nil {
			return err
		}
	}
	dir := filepath.Join(tree, p.dir)
	bin := filepath.Join(tmp, "pkg.test")
	list := exec.Command("go", "list", ".")
	list.Dir = dir
	importPath, err := list.Output()
	if err != nil {
		return fmt.Errorf("go list %s: %v", p.dir, err)
	}
	build := exec.Command("go", "test", "-c", "-cover", "-covermode=set", "-coverpkg="+strings.TrimSpace(string(importPath)),
		"-o", bin, ".")
	build.Dir = dir
	if out, err := build.CombinedOutput(); err != nil {
		return fmt.Errorf("compiling the mutants of %s: %v\n%s", p.dir, err, out)
	}
	ls, err := leaves(bin, dir)
	if err != nil {
		return err
	}
	if err := cover(bin, dir, ls, tmp); err != nil {
		return err
	}
	var all time.Duration
	for _, l := range ls {
		all += l.took
	}
	// A mutant that turns a loop infinite runs until this limit.
	timeout := max(3*all, time.Minute)

	jobs := make(chan *mutant)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for m := range jobs {
				cov := covering(ls, m.File, m.Line)
				if len(cov) == 0 {
					m.Status = "survived" // no test runs it
				} else {
					m.Status = runMutant(bin, dir, m.ID, cov, timeout)
				}
				if why, ok := equiv[m.key()]; ok && m.Status == "survived" {
					m.Status, m.Why = "equivalent", why
				}
				mu.Lock()
				done++
				fmt.Fprintf(os.Stderr, "mutants: %d/%d %s %s:%d %s (%d tests)\n", done, len(ms), m.Status, filepath.Base(m.File), m.Line, m.What, len(cov))
				mu.Unlock()
			}
		}()
	}
	for _, m := range ms {
		jobs <- m
	}
	close(jobs)
	wg.Wait()
	return nil
}

// key names a mutant in the equivalence file by file and mutation, not
// line, so that the judgement survives edits elsewhere in the file.
func (m *mutant) key() string {
	return fmt.Sprintf("%s/%s: %s", filepath.Base(filepath.Clean(m.Pkg)), filepath.Base(m.File), m.What)
}

// readEquivalent reads the file of mutants judged equivalent: blocks of
// "- pkg/file.go: mutation" lines followed by an indented reason.
func readEquivalent(name string) (map[string]string, error) {
	b, err := os.ReadFile(name)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	var keys []string
	for i, line := range strings.Split(string(b), "\n") {
		switch {
		case strings.HasPrefix(line, "- "):
			k := strings.TrimPrefix(line, "- ")
			if i := strings.LastIndex(k, " (line "); i >= 0 && strings.HasSuffix(k, ")") {
				k = k[:i] // as the report prints it
			}
			keys = append(keys, k)
		case strings.HasPrefix(line, "  ") && len(keys) > 0:
			for _, k := range keys {
				out[k] = strings.TrimSpace(out[k] + " " + strings.TrimSpace(line))
			}
		case strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#"):
			if len(keys) > 0 && out[keys[0]] != "" {
				keys = nil
			}
		default:
			return nil, fmt.Errorf("%s:%d: want \"- pkg/file.go: mutation\" or an indented reason", name, i+1)
		}
	}
	for _, k := range keys {
		if out[k] == "" {
			return nil, fmt.Errorf("%s: %q has no reason", name, k)
		}
	}
	return out, nil
}

// report prints the score per package and the survivors.
func report(all []*mutant) {
	type tally struct{ killed, survived, timeout, equivalent int }
	by := make(map[string]*tally)
	var pkgs []string
	for _, m := range all {
		t, ok := by[m.Pkg]
		if !ok {
			t = new(tally)
			by[m.Pkg] = t
			pkgs = append(pkgs, m.Pkg)
		}
		switch m.Status {
		case "killed":
			t.killed++
		case "survived":
			t.survived++
		case "timeout":
			t.timeout++
		case "equivalent":
			t.equivalent++
		}
	}
	sort.Strings(pkgs)
	fmt.Println("| package | mutants | killed | timeout | survived | equivalent | score |")
	fmt.Println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
	for _, p := range pkgs {
		t := by[p]
		counted := t.killed + t.survived + t.timeout
		score := 0.0
		if counted > 0 {
			score = 100 * float64(t.killed+t.timeout) / float64(counted)
		}
		fmt.Printf("| %s | %d | %d | %d | %d | %d | %.1f%% |\n", p, counted+t.equivalent, t.killed, t.timeout, t.survived, t.equivalent, score)
	}
	fmt.Println()
	for _, m := range all {
		if m.Status == "survived" {
			fmt.Printf("- %s (line %d)\n", m.key(), m.Line)
		}
	}
}

// removeOnSignal removes dir and exits when the command is interrupted,
// until the returned function is called.
func removeOnSignal(dir string) (stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case <-ch:
			os.RemoveAll(dir)
			os.Exit(1)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}
