// Command bench judges tracelint on real public Go modules nobody tuned it
// for. It is run through the bench/run script from the repository root:
//
//	bench/run [-quick] [-modules a,b] [-runs 3]  cost table and findings per rule
//	bench/run -triage [-update]                 share of real findings per rule, new and gone findings
//	bench/run -fix                              autofix safety on scratch copies
//	bench/run -mutate                           recall of seeded defects
//
// The modules are pinned in bench/modules.txt and fetched with the Go
// module proxy into a cache directory outside the repository (-cache, by
// default the user cache directory's tracelint-bench). See
// docs/performance.md.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/tracelint/tracelint/bench/internal/corpus"
	"github.com/tracelint/tracelint/bench/internal/findings"
)

// options are the command's flags.
type options struct {
	quick    bool
	modules  string
	runs     int
	cache    string
	triage   bool
	update   bool
	strict   bool
	fix      bool
	mutate   bool
	limit    int
	golangci string
	verbose  bool
	std      bool
}

func main() {
	var o options
	flag.BoolVar(&o.quick, "quick", false, "only the modules marked quick in bench/modules.txt (a pre-submit check)")
	flag.StringVar(&o.modules, "modules", "", "comma-separated module names to run (default: all, or the quick ones)")
	flag.IntVar(&o.runs, "runs", 3, "measured runs of each tool per module (the median is reported)")
	flag.StringVar(&o.cache, "cache", defaultCache(), "the directory for module sources, scratch copies and binaries")
	flag.BoolVar(&o.triage, "triage", false, "compare the findings with bench/triage and print the share of real findings per rule")
	flag.BoolVar(&o.update, "update", false, "with -triage: append findings not in a triage file to it, unjudged (verdict ?), and drop the gone ones")
	flag.BoolVar(&o.strict, "strict", false, "with -triage: fail when a finding is not judged yet or a judged one is gone (for CI)")
	flag.BoolVar(&o.fix, "fix", false, "apply tracelint -fix to scratch copies and check that they build, vet and lose the fixed findings")
	flag.BoolVar(&o.mutate, "mutate", false, "seed known defects into scratch copies and report how many tracelint finds")
	flag.IntVar(&o.limit, "limit", 0, "with -mutate: at most this many seeded defects per kind and module (0: no limit)")
	flag.StringVar(&o.golangci, "golangci-lint", "", "a golangci-lint binary built with the tracelint plugin (default: the newest one cached by the golangci integration test, if any; \"none\" to skip)")
	flag.BoolVar(&o.std, "std", false, "run the floor and tracelint once over the Go standard library (std) and check for crashes and internal errors")
	flag.BoolVar(&o.verbose, "v", false, "list every finding, fix or miss, not only the summaries")
	flag.Parse()
	if err := run(o); err != nil {
		fmt.Fprintf(os.Stderr, "bench: %v\n", err)
		os.Exit(1)
	}
}

func defaultCache() string {
	if dir, err := os.UserCacheDir(); err == nil {
		return filepath.Join(dir, "tracelint-bench")
	}
	return filepath.Join(os.TempDir(), "tracelint-bench")
}

// env is what every mode shares: the repository, the chosen modules, the
// binaries built from this checkout.
type env struct {
	options
	repo      string
	mods      []corpus.Module
	tracelint string
	floor     string
	private   string // this run's own directory: binaries and scratch copies
}

func run(o options) error {
	repo, err := os.Getwd()
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(repo, "bench", "modules.txt")); err != nil {
		return fmt.Errorf("run from the repository root (bench/run does): %v", err)
	}
	all, err := corpus.Load(filepath.Join(repo, "bench", "modules.txt"))
	if err != nil {
		return err
	}
	e := &env{options: o, repo: repo, mods: choose(all, o)}
	if len(e.mods) == 0 {
		return fmt.Errorf("no module chosen by -modules %q", o.modules)
	}
	if e.cache, err = filepath.Abs(o.cache); err != nil {
		return err
	}
	// Binaries of this checkout and scratch copies, private to this run:
	// another run, of another checkout state, may be going on beside it.
	if err := os.MkdirAll(e.cache, 0o755); err != nil {
		return err
	}
	bin, err := os.MkdirTemp(e.cache, "run-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(bin)
	e.private = bin
	e.tracelint = filepath.Join(bin, "tracelint")
	e.floor = filepath.Join(bin, "floor")
	for pkg, out := range map[string]string{"./cmd/tracelint": e.tracelint, "./bench/floor": e.floor} {
		build := exec.Command("go", "build", "-o", out, pkg)
		build.Dir = repo
		if b, err := build.CombinedOutput(); err != nil {
			return fmt.Errorf("go build %s: %v\n%s", pkg, err, b)
		}
	}
	switch {
	case o.std:
		return e.measureStd()
	case o.triage:
		return e.triageAll()
	case o.fix:
		return e.fixAll()
	case o.mutate:
		return e.mutateAll()
	default:
		return e.measureAll()
	}
}

func choose(all []corpus.Module, o options) []corpus.Module {
	if o.modules != "" {
		names := strings.Split(o.modules, ",")
		return slices.DeleteFunc(slices.Clone(all), func(m corpus.Module) bool { return !slices.Contains(names, m.Name) })
	}
	if o.quick {
		return slices.DeleteFunc(slices.Clone(all), func(m corpus.Module) bool { return !m.Quick })
	}
	return all
}

// prepare fetches the module (once) and says so.
func (e *env) prepare(m corpus.Module) (string, error) {
	fmt.Fprintf(os.Stderr, "bench: preparing %s (%s@%s)\n", m.Name, m.Path, m.Version)
	return m.Prepare(e.cache)
}

// scratch makes a fresh writable copy of a prepared module.
func (e *env) scratch(m corpus.Module, src, purpose string) (string, error) {
	dir := filepath.Join(e.private, "scratch", m.Name+"-"+purpose)
	if err := os.RemoveAll(dir); err != nil {
		return "", err
	}
	return dir, corpus.Copy(src, dir)
}

// lint runs tracelint -json over the module in dir and reads its findings.
func (e *env) lint(m corpus.Module, dir string, extra ...string) (*findings.Result, []byte, error) {
	args := append(append([]string{"-json"}, extra...), "./...")
	cmd := exec.Command(e.tracelint, args...)
	cmd.Dir, cmd.Env = dir, corpus.Env()
	out, err := cmd.Output()
	if err != nil && len(out) == 0 {
		stderr := ""
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		return nil, nil, fmt.Errorf("tracelint in %s: %v\n%s", m.Name, err, stderr)
	}
	root, _ := filepath.EvalSymlinks(dir)
	res, perr := findings.Parse(out, root)
	var stderr []byte
	if ee, ok := err.(*exec.ExitError); ok {
		stderr = ee.Stderr
	}
	return res, stderr, perr
}

// goCmd is a go command run in dir with the corpus environment.
func goCmd(dir string, args ...string) *exec.Cmd {
	cmd := exec.Command("go", args...)
	cmd.Dir, cmd.Env = dir, corpus.Env()
	return cmd
}
