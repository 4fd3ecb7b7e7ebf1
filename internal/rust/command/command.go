// Package command is the tracelint rust subcommand. It lists the Rust files
// of its arguments, finds each file's configuration, parses the files in
// parallel with tree-sitter (package treesitter, one parser per worker),
// runs the Rust lints (package lint) and writes the findings as the Go
// command (internal/driver) does: text, JSON, SARIF or GitHub annotations,
// a one-line summary on stderr, and the same exit codes.
//
// The parser needs cgo; a build without it still parses the flags, then
// says what is missing and exits with 1.
package command

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"

	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/finding"
	"github.com/tracelint/tracelint/internal/findingout"
	"github.com/tracelint/tracelint/internal/report"
	"github.com/tracelint/tracelint/internal/rust/syntax"
	"github.com/tracelint/tracelint/internal/rust/treesitter"
)

// Exit codes, the Go command's.
const (
	exitClean    = 0
	exitError    = 1
	exitUsage    = 2
	exitFindings = 3
)

const usage = `usage: tracelint rust [-config file] [-format text|json|sarif|github] [-fix] [-j N] [paths]

tracelint rust checks Rust sources with tracelint's Rust lints (docs/rust).
The paths are files and directories, "." when none is given. A file named
is always checked. In a directory, the *.rs files are those git lists
(tracked or untracked, .gitignore honoured) in a git work tree, and those
outside hidden directories elsewhere; files under a target directory are
left out in both cases.

Without -config, each file is checked with the ` + config.FileName + ` found by
walking up from its directory to the repository root (the directory that
holds .git), or the defaults. enable and disable name the Go rule IDs a
lint reports under, or, for a lint with no Go counterpart, its name
(span_guard_across_await).

A comment // nolint:pii_in_telemetry on the line of a finding, or above
its statement or item, silences it (docs/rust says more).

Exit codes: 0 no findings, 3 findings, 1 something could not be checked,
2 a mistake on the command line.

Flags:
`

// Main runs tracelint rust with args, the arguments after "rust", writing
// the findings to stdout and the summary and errors to stderr, and returns
// the exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	r := &run{stdout: stdout, stderr: stderr, newParser: treesitter.New}
	opts, code := r.parseFlags(args)
	if opts == nil {
		return code
	}
	if !treesitter.Available {
		// New's error is treesitter.ErrNoCgo, which only a build without
		// cgo declares: this package names it through New in both builds.
		_, err := treesitter.New()
		r.errorf("%v", err)
		return exitError
	}
	return r.check(opts)
}

// run is one run of the command.
type run struct {
	stdout, stderr io.Writer
	// newParser makes each worker's parser: treesitter.New, or a fake in
	// the tests.
	newParser func() (syntax.Parser, error)

	paths findingout.Paths // files named relative to the working directory
}

// options are the command line's flags and arguments.
type options struct {
	paths  []string
	config string
	format string
	json   bool // -json: -format json, with the same exit codes
	jobs   int
	fix    bool
}

// flagSet defines the command's flags on a new flag set.
func flagSet(opts *options) *flag.FlagSet {
	fs := flag.NewFlagSet("tracelint rust", flag.ContinueOnError)
	fs.StringVar(&opts.config, "config", "", "the configuration file of every file; by default each file uses the "+
		config.FileName+" found between its directory and the repository root")
	fs.StringVar(&opts.format, "format", "", "the output format: "+strings.Join(findingout.Formats, ", ")+" (default text)")
	fs.BoolVar(&opts.json, "json", false, "-format json")
	fs.IntVar(&opts.jobs, "j", runtime.GOMAXPROCS(0), "the number of files parsed and checked at once")
	fs.BoolVar(&opts.fix, "fix", false, "apply the suggested fixes (a renamed key, a guard dropped at once) and report what remains")
	return fs
}

// parseFlags parses args. It returns nil options and the exit code when
// the run ends here: a bad flag, or -help.
func (r *run) parseFlags(args []string) (*options, int) {
	opts := &options{}
	fs := flagSet(opts)
	fs.SetOutput(io.Discard) // errors are printed below, once
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printUsage(r.stdout)
			return nil, exitClean
		}
		r.errorf("%v (tracelint rust -help lists the flags)", err)
		return nil, exitUsage
	}
	opts.paths = fs.Args()
	if len(opts.paths) == 0 {
		opts.paths = []string{"."}
	}
	format, err := findingout.ParseFormat(opts.format, opts.json)
	if err != nil {
		r.errorf("%v", err)
		return nil, exitUsage
	}
	opts.format = format
	if opts.jobs < 1 {
		r.errorf("-j %d: want 1 or more files at once", opts.jobs)
		return nil, exitUsage
	}
	return opts, exitClean
}

// printUsage prints how to run the command and its flags.
func printUsage(w io.Writer) {
	fmt.Fprint(w, usage)
	fs := flagSet(&options{})
	fs.SetOutput(w)
	fs.PrintDefaults()
}

// errorf prints a message on stderr, after "tracelint rust: ".
func (r *run) errorf(format string, args ...any) {
	fmt.Fprintf(r.stderr, "tracelint rust: "+format+"\n", args...)
}

// check checks the files of opts.paths and reports, returning the exit
// code.
func (r *run) check(opts *options) int {
	if wd, err := os.Getwd(); err == nil {
		r.paths = findingout.NewPaths(wd)
	}
	// Every file's checker before any work, and -config's even without
	// files: a broken configuration or registry stops the run with one
	// message, as in the Go command.
	cs := newConfigs(opts.config)
	if opts.config != "" {
		if _, err := cs.checker(""); err != nil {
			r.errorf("%v", err)
			return exitError
		}
	}
	files, failed := r.files(opts.paths)
	for _, f := range files {
		var err error
		if f.checker, err = cs.checker(f.dir()); err != nil {
			r.errorf("%v", err)
			return exitError
		}
	}
	if err := r.checkAll(files, opts.jobs); err != nil {
		r.errorf("%v", err)
		return exitError
	}

	var found []finding.Finding
	checked := 0
	for _, f := range files {
		if f.err != nil {
			r.errorf("%v", f.err)
			failed = true
			continue
		}
		checked++
		found = append(found, f.findings...)
	}
	slices.SortStableFunc(found, func(a, b finding.Finding) int { return findingout.Compare(&a, &b) })
	for _, f := range found {
		if f.Rule == report.InternalErrorCategory {
			failed = true
		}
	}
	if opts.fix {
		done, err := r.applyFixes(found)
		if err != nil {
			r.errorf("-fix: %v", err)
			failed = true
		}
		findingout.WriteFixed(r.stderr, "tracelint rust", done.fixes, done.files, len(done.remaining), done.overlapping)
		found = done.remaining
	}
	if err := r.write(opts.format, found); err != nil {
		r.errorf("%v", err)
		return exitError
	}
	fmt.Fprintln(r.stderr, summary(found, checked, len(files)-checked))
	switch {
	case failed:
		return exitError
	case len(found) > 0:
		return exitFindings
	}
	return exitClean
}
