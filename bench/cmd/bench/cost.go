package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"

	"github.com/tracelint/tracelint/bench/internal/corpus"
	"github.com/tracelint/tracelint/bench/internal/findings"
	"github.com/tracelint/tracelint/bench/internal/measure"
	"github.com/tracelint/tracelint/internal/report"
)

// tool is one command the cost table measures on a module.
type tool struct {
	name string
	cmd  func(dir string) *exec.Cmd
}

// costRow is one module's line of the cost table.
type costRow struct {
	mod            corpus.Module
	lines, tests   int
	packages       int
	stats          map[string]measure.Stats
	findings       []findings.Finding
	internalErrors int
	panics         int
	loadErrors     int // packages (and test variants) that did not type-check
}

// measureAll prints the cost table and the findings per rule.
func (e *env) measureAll() error {
	tools, err := e.tools()
	if err != nil {
		return err
	}
	var rows []*costRow
	failed := false
	for _, m := range e.mods {
		row, err := e.measure(m, tools)
		if err != nil {
			return err
		}
		rows = append(rows, row)
		if row.internalErrors+row.panics > 0 {
			failed = true
		}
	}
	printCost(rows, tools, e.runs)
	printFindings(rows)
	if failed {
		return fmt.Errorf("tracelint crashed or reported internal errors (see the table)")
	}
	return nil
}

// measureStd runs the floor and tracelint once over the standard library:
// the largest body of Go at hand, and one nobody wrote for tracelint.
func (e *env) measureStd() error {
	row := &costRow{mod: corpus.Module{Name: "std", Path: "std", Version: runtime.Version()}, stats: map[string]measure.Stats{}}
	dir := filepath.Join(runtime.GOROOT(), "src")
	row.lines, row.tests, _ = corpus.Lines(dir)
	// The first floor run builds the standard library's export data and
	// is not counted.
	for _, t := range []struct{ name, bin string }{{"warm-up", e.floor}, {"floor", e.floor}, {"tracelint", e.tracelint}} {
		args := []string{"std"}
		if t.name == "tracelint" {
			args = []string{"-json", "std"}
		}
		cmd := exec.Command(t.bin, args...)
		cmd.Dir = dir
		s, err := measure.Run(cmd)
		if err != nil {
			return err
		}
		if t.name == "warm-up" {
			continue
		}
		row.stats[t.name] = measure.Median([]measure.Sample{s})
		if err := row.warmUp(t.name, s, dir); err != nil {
			return err
		}
	}
	printCost([]*costRow{row}, nil, 1)
	printFindings([]*costRow{row})
	if row.internalErrors+row.panics > 0 {
		return fmt.Errorf("tracelint crashed or reported internal errors on std")
	}
	return nil
}

// tools returns the commands to measure: the floor, tracelint standalone
// and as a vet tool, and golangci-lint with the peer linters and with the
// plugin when a binary is at hand.
func (e *env) tools() ([]tool, error) {
	ts := []tool{
		{"floor", func(dir string) *exec.Cmd { return exec.Command(e.floor, "./...") }},
		{"tracelint", func(dir string) *exec.Cmd { return exec.Command(e.tracelint, "-json", "./...") }},
		{"vet", func(dir string) *exec.Cmd { return exec.Command("go", "vet", "-vettool="+e.tracelint, "./...") }},
	}
	bin := e.golangciBinary()
	if bin == "" {
		fmt.Fprintln(os.Stderr, "bench: no golangci-lint with the plugin (build one with TRACELINT_GOLANGCI_LINT=1 go test -run TestGolangciLint ./golangci/, or pass -golangci-lint): its columns stay empty")
		return ts, nil
	}
	confDir := filepath.Join(e.cache, "golangci")
	if err := os.MkdirAll(confDir, 0o755); err != nil {
		return nil, err
	}
	for name, conf := range map[string]string{"peers": peersConfig, "plugin": pluginConfig} {
		path := filepath.Join(confDir, name+".yml")
		if err := os.WriteFile(path, []byte(conf), 0o644); err != nil {
			return nil, err
		}
		ts = append(ts, tool{"golangci-" + name, func(dir string) *exec.Cmd {
			// A fresh golangci-lint cache each run: it would otherwise
			// replay the last run's results.
			cache := filepath.Join(e.cache, "golangci-cache")
			os.RemoveAll(cache)
			cmd := exec.Command(bin, "run", "--config", path, "--issues-exit-code=0", "./...")
			cmd.Env = append(corpus.Env(), "GOLANGCI_LINT_CACHE="+cache)
			return cmd
		}})
	}
	slices.SortStableFunc(ts[3:], func(a, b tool) int { return strings.Compare(a.name, b.name) })
	return ts, nil
}

// The golangci-lint configurations: the peer linters tracelint replaces
// (go-spancheck with all its checks, contextcheck, noctx, sloglint's
// context rule), and the tracelint plugin with its defaults.
const (
	peersConfig = `version: "2"
linters:
  default: none
  enable: [spancheck, contextcheck, noctx, sloglint]
  settings:
    spancheck:
      checks: [end, record-error, set-status]
    sloglint:
      context: scope
issues:
  max-issues-per-linter: 0
  max-same-issues: 0
`
	pluginConfig = `version: "2"
linters:
  default: none
  enable: [tracelint]
  settings:
    custom:
      tracelint:
        type: module
issues:
  max-issues-per-linter: 0
  max-same-issues: 0
`
)

// golangciBinary returns the golangci-lint to measure, or "".
func (e *env) golangciBinary() string {
	switch e.golangci {
	case "none":
		return ""
	case "":
		dir, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		bins, _ := filepath.Glob(filepath.Join(dir, "tracelint", "golangci-lint-*", "golangci-lint"))
		newest, newestTime := "", int64(0)
		for _, b := range bins {
			if fi, err := os.Stat(b); err == nil && fi.ModTime().UnixNano() > newestTime {
				newest, newestTime = b, fi.ModTime().UnixNano()
			}
		}
		return newest
	}
	return e.golangci
}

// measure prepares one module, runs every tool once to warm the caches
// (tracelint's warm-up run gives the findings), then runs them e.runs
// times, interleaved, in an order that rotates each round.
func (e *env) measure(m corpus.Module, tools []tool) (*costRow, error) {
	dir, err := e.prepare(m)
	if err != nil {
		return nil, err
	}
	row := &costRow{mod: m, stats: map[string]measure.Stats{}}
	if row.lines, row.tests, err = corpus.Lines(dir); err != nil {
		return nil, err
	}
	if out, err := goCmd(dir, "list", "-e", "./...").Output(); err == nil {
		row.packages = bytes.Count(out, []byte("\n"))
	}
	samples := map[string][]measure.Sample{}
	for round := -1; round < e.runs; round++ {
		for i := range tools {
			t := tools[(i+max(round, 0))%len(tools)]
			cmd := t.cmd(dir)
			cmd.Dir = dir
			if cmd.Env == nil {
				cmd.Env = corpus.Env()
			}
			s, err := measure.Run(cmd)
			if err != nil {
				return nil, fmt.Errorf("%s on %s: %v", t.name, m.Name, err)
			}
			fmt.Fprintf(os.Stderr, "bench: %s %s: %.1f s wall, %.1f s CPU, %s, exit %d\n", m.Name, t.name, s.Wall.Seconds(), s.CPU.Seconds(), measure.MB(s.RSS), s.Exit)
			if round < 0 {
				if err := row.warmUp(t.name, s, dir); err != nil {
					return nil, err
				}
				continue
			}
			samples[t.name] = append(samples[t.name], s)
		}
	}
	for name, ss := range samples {
		row.stats[name] = measure.Median(ss)
	}
	return row, nil
}

// warmUp reads what the first run of a tool says about the module:
// tracelint's findings, panics and internal errors, and load errors.
func (row *costRow) warmUp(name string, s measure.Sample, dir string) error {
	if name != "tracelint" {
		return nil
	}
	root, _ := filepath.EvalSymlinks(dir)
	res, err := findings.Parse(s.Stdout, root)
	if err != nil {
		return fmt.Errorf("%s: %v\n%s", row.mod.Name, err, s.Stderr)
	}
	for _, f := range res.Findings {
		if f.Rule == report.InternalErrorCategory {
			row.internalErrors++
			fmt.Fprintf(os.Stderr, "bench: %s: %s: %s\n", row.mod.Name, f.Pos(), f.Message)
			continue
		}
		row.findings = append(row.findings, f)
	}
	skipped := map[string]bool{}
	for _, e := range res.Errors {
		pkg, _, _ := strings.Cut(e, ": ")
		skipped[pkg] = true
	}
	row.loadErrors = len(skipped)
	if bytes.Contains(s.Stderr, []byte("panic:")) || bytes.Contains(s.Stderr, []byte("goroutine ")) {
		row.panics++
		fmt.Fprintf(os.Stderr, "bench: %s: tracelint panicked:\n%s\n", row.mod.Name, s.Stderr)
	}
	return nil
}

func printCost(rows []*costRow, tools []tool, runs int) {
	fmt.Printf("## Cost (median of %d interleaved runs, warm build cache; wall / CPU / peak RSS)\n\n", runs)
	head := []string{"module", "Go lines (test)", "pkgs", "floor", "tracelint", "÷ floor CPU", "÷ floor RSS", "go vet -vettool"}
	has := map[string]bool{}
	for _, t := range tools {
		has[t.name] = true
	}
	if has["golangci-peers"] {
		head = append(head, "golangci peers", "golangci plugin", "plugin ÷ peers CPU")
	}
	head = append(head, "crashes")
	fmt.Println("| " + strings.Join(head, " | ") + " |")
	fmt.Println("|" + strings.Repeat(" --- |", len(head)))
	for _, r := range rows {
		floor, tl := r.stats["floor"], r.stats["tracelint"]
		cells := []string{
			fmt.Sprintf("%s %s", r.mod.Path, r.mod.Version),
			fmt.Sprintf("%s (%s)", thousands(r.lines), thousands(r.tests)),
			fmt.Sprint(r.packages),
			floor.String(), tl.String(),
			measure.Ratio(tl.CPU, floor.CPU), measure.Ratio(tl.RSS, floor.RSS),
			r.stats["vet"].String(),
		}
		if has["golangci-peers"] {
			peers, plugin := r.stats["golangci-peers"], r.stats["golangci-plugin"]
			if peers.Exit != 0 || plugin.Exit != 0 {
				// --issues-exit-code=0: any other exit is an error, such
				// as a module that needs a newer Go than golangci-lint's.
				cells = append(cells, fmt.Sprintf("failed (exit %d)", peers.Exit), fmt.Sprintf("failed (exit %d)", plugin.Exit), "—")
			} else {
				cells = append(cells, peers.String(), plugin.String(), measure.Ratio(plugin.CPU, peers.CPU))
			}
		}
		cells = append(cells, fmt.Sprintf("%d", r.internalErrors+r.panics))
		fmt.Println("| " + strings.Join(cells, " | ") + " |")
	}
	fmt.Println()
}

// printFindings prints the default findings per rule and module, as
// "outside tests + in tests".
func printFindings(rows []*costRow) {
	counts := map[string]map[string][2]int{}
	ruleSet := map[string]bool{}
	for _, r := range rows {
		c := map[string][2]int{}
		for _, f := range r.findings {
			n := c[f.Rule]
			if f.InTest() {
				n[1]++
			} else {
				n[0]++
			}
			c[f.Rule] = n
			ruleSet[f.Rule] = true
		}
		counts[r.mod.Name] = c
	}
	ids := make([]string, 0, len(ruleSet))
	for id := range ruleSet {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	fmt.Println("## Default findings per rule (outside tests + in tests)")
	fmt.Println()
	fmt.Println("| module | " + strings.Join(ids, " | ") + " | packages not analysed |")
	fmt.Println("| --- |" + strings.Repeat(" ---: |", len(ids)+1))
	for _, r := range rows {
		cells := []string{r.mod.Name}
		for _, id := range ids {
			n := counts[r.mod.Name][id]
			cells = append(cells, fmt.Sprintf("%d+%d", n[0], n[1]))
		}
		cells = append(cells, fmt.Sprint(r.loadErrors))
		fmt.Println("| " + strings.Join(cells, " | ") + " |")
	}
	fmt.Println()
}

// thousands formats n with comma separators.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
