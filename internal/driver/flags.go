package driver

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/tracelint/tracelint/internal/findingout"
)

// options are the command line's flags and arguments.
type options struct {
	args []string // the package patterns

	format        string
	legacyJSON    bool // -json: -format json with the old exit code
	context       int  // -c: lines of context around each finding in text
	fix, diff     bool
	tests         bool
	requireReason bool
	baseline      string
	writeBaseline string

	// Checker flags kept from multichecker.
	debug, cpuProfile, memProfile, traceFile string

	// analyzers are the analyzers the -NAME flags select.
	analyzers []*analysis.Analyzer
}

// parseFlags parses args. It returns nil options and the exit code when
// the run ends here: a bad flag, or -help.
func (r *run) parseFlags(args []string) (*options, int) {
	fs, opts, enabled := r.flagSet()
	fs.SetOutput(io.Discard) // errors are printed below, once
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			r.usage(r.stdout)
			return nil, exitClean
		}
		r.errorf("%v (tracelint -help lists the flags)", err)
		return nil, exitUsage
	}
	opts.args = fs.Args()
	format, err := findingout.ParseFormat(opts.format, opts.legacyJSON)
	if err != nil {
		r.errorf("%v", err)
		return nil, exitUsage
	}
	opts.format = format
	if opts.diff {
		opts.fix = true // -diff alone previews the fixes too
	}
	if opts.context >= 0 && opts.format != "text" {
		r.errorf("-c shows lines of context in the text format only, not in -format %s", opts.format)
		return nil, exitUsage
	}
	if opts.baseline != "" && opts.writeBaseline != "" {
		r.errorf("-baseline reads a baseline and -write-baseline writes one; use one of them")
		return nil, exitUsage
	}

	// As in go vet: any -NAME=true runs only those analyzers; otherwise
	// any -NAME=false runs all but those.
	var only, rest []*analysis.Analyzer
	for _, a := range r.suite.Analyzers {
		switch *enabled[a] {
		case setTrue:
			only = append(only, a)
		case unset:
			rest = append(rest, a)
		}
	}
	opts.analyzers = rest
	if len(only) > 0 {
		opts.analyzers = only
	}
	return opts, exitClean
}

// flagSet defines the command's flags: the driver's, the suite's, and for
// each analyzer -NAME and its own flags as -NAME.FLAG.
func (r *run) flagSet() (*flag.FlagSet, *options, map[*analysis.Analyzer]*triState) {
	opts := &options{}
	fs := flag.NewFlagSet("tracelint", flag.ContinueOnError)
	if r.suite.Flags != nil {
		r.suite.Flags(fs)
	}
	enabled := make(map[*analysis.Analyzer]*triState)
	for _, a := range r.suite.Analyzers {
		ts := new(triState)
		enabled[a] = ts
		fs.Var(ts, a.Name, fmt.Sprintf("run the %s analyzer (-%s: only the analyzers so named; -%s=false: all but those)", a.Name, a.Name, a.Name))
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}
	fs.StringVar(&opts.format, "format", "", "the output format: "+strings.Join(findingout.Formats, ", ")+" (default text)")
	fs.BoolVar(&opts.legacyJSON, "json", false, "-format json, but exit with code 0 when there are findings, as tracelint did before -format")
	fs.IntVar(&opts.context, "c", -1, "in the text format, show each finding's line with this many lines of context")
	fs.BoolVar(&opts.fix, "fix", false, "apply the first suggested fix of each finding, except in generated files, and report the findings that remain")
	fs.BoolVar(&opts.diff, "diff", false, "with -fix, print the fixes as a unified diff instead of writing the files")
	fs.BoolVar(&opts.tests, "test", true, "check test files too")
	fs.BoolVar(&opts.requireReason, "require-reason", false, "report a //nolint directive that gives no reason after a second //")
	fs.StringVar(&opts.baseline, "baseline", "", "report only the findings not in this baseline file")
	fs.StringVar(&opts.writeBaseline, "write-baseline", "", "write the findings to this baseline file and report none")
	fs.String("tags", "", "no effect (deprecated): set build tags with GOFLAGS=-tags=...")
	for _, name := range []string{"source", "v", "all"} {
		fs.Bool(name, false, "no effect (deprecated)")
	}
	fs.StringVar(&opts.debug, "debug", "", `debug flags of the analysis: p runs it sequentially, s adds sanity checks`)
	fs.StringVar(&opts.cpuProfile, "cpuprofile", "", "write a CPU profile to this file")
	fs.StringVar(&opts.memProfile, "memprofile", "", "write a memory profile to this file")
	fs.StringVar(&opts.traceFile, "trace", "", "write an execution trace to this file")
	return fs, opts, enabled
}

// usage prints how to run the command and its flags.
func (r *run) usage(w io.Writer) {
	fmt.Fprint(w, `usage: tracelint [flags] packages...
       tracelint help [analyzer]
       go vet -vettool=$(command -v tracelint) [flags] packages...
`)
	for _, c := range r.suite.Commands {
		fmt.Fprintf(w, "       %s\n", c)
	}
	fmt.Fprint(w, `
Exit codes: 0 no findings, 3 findings, 1 something could not be checked,
2 a mistake on the command line (-json: 0 with findings).

Flags:
`)
	fs, _, _ := r.flagSet()
	fs.SetOutput(w)
	fs.PrintDefaults()
}

// help prints the analyzers, or the documentation and flags of the named
// ones.
func (r *run) help(names []string) int {
	if len(names) == 0 {
		fmt.Fprintln(r.stdout, "tracelint checks that Go services keep their distributed traces intact.")
		fmt.Fprintln(r.stdout, "\nAnalyzers (all run by default; -NAME runs only those named, -NAME=false all but those):")
		for _, a := range r.suite.Analyzers {
			title, _, _ := strings.Cut(a.Doc, "\n\n")
			fmt.Fprintf(r.stdout, "    %-15s %s\n", a.Name, strings.ReplaceAll(title, "\n", " "))
		}
		fmt.Fprintln(r.stdout, "\ntracelint help NAME shows an analyzer's documentation and flags; tracelint -help lists every flag.")
		return exitClean
	}
	for _, n := range names {
		i := slices.IndexFunc(r.suite.Analyzers, func(a *analysis.Analyzer) bool { return a.Name == n })
		if i < 0 {
			r.errorf("help %s: no such analyzer", n)
			return exitUsage
		}
		a := r.suite.Analyzers[i]
		fmt.Fprintf(r.stdout, "%s: %s\n\nFlags:\n", a.Name, strings.TrimSpace(a.Doc))
		fs := flag.NewFlagSet(a.Name, flag.ContinueOnError)
		a.Flags.VisitAll(func(f *flag.Flag) { fs.Var(f.Value, a.Name+"."+f.Name, f.Usage) })
		fs.SetOutput(r.stdout)
		fs.PrintDefaults()
	}
	return exitClean
}

// startProfiles starts the profiles the flags ask for and returns the
// function that writes them.
func startProfiles(opts *options) (stop func(), err error) {
	var stops []func()
	stop = func() {
		for _, s := range slices.Backward(stops) {
			s()
		}
	}
	if opts.cpuProfile != "" {
		f, err := os.Create(opts.cpuProfile)
		if err != nil {
			return stop, fmt.Errorf("-cpuprofile: %v", err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			f.Close()
			return stop, fmt.Errorf("-cpuprofile: %v", err)
		}
		stops = append(stops, func() { pprof.StopCPUProfile(); f.Close() })
	}
	if opts.traceFile != "" {
		f, err := os.Create(opts.traceFile)
		if err != nil {
			stop()
			return func() {}, fmt.Errorf("-trace: %v", err)
		}
		if err := trace.Start(f); err != nil {
			f.Close()
			stop()
			return func() {}, fmt.Errorf("-trace: %v", err)
		}
		stops = append(stops, func() { trace.Stop(); f.Close() })
	}
	if opts.memProfile != "" {
		name := opts.memProfile
		stops = append(stops, func() {
			f, err := os.Create(name)
			if err != nil {
				fmt.Fprintf(os.Stderr, "tracelint: -memprofile: %v\n", err)
				return
			}
			defer f.Close()
			runtime.GC()
			if err := pprof.WriteHeapProfile(f); err != nil {
				fmt.Fprintf(os.Stderr, "tracelint: -memprofile: %v\n", err)
			}
		})
	}
	return stop, nil
}

// triState is a boolean flag that knows whether it was set, to tell
// -spanend from -spanend=false from neither.
type triState int

const (
	unset triState = iota
	setTrue
	setFalse
)

func (ts *triState) Set(value string) error {
	b, err := strconv.ParseBool(value)
	if err != nil {
		return errors.New("want true or false")
	}
	*ts = setFalse
	if b {
		*ts = setTrue
	}
	return nil
}

func (ts *triState) String() string {
	if ts != nil && *ts == setFalse {
		return "false"
	}
	return "true"
}

// IsBoolFlag lets -spanend stand for -spanend=true.
func (ts *triState) IsBoolFlag() bool { return true }
