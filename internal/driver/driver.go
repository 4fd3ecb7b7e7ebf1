// Package driver is the standalone tracelint command. It loads packages
// with go/packages, tests included, runs the analyzers with
// go/analysis/checker, reports each package that does not type-check once
// and goes on with the others, honours and checks //nolint directives
// (internal/suppress), applies suggested fixes, and writes the findings as
// text, JSON, SARIF or GitHub annotations, followed by a one-line summary.
//
// Run by go vet -vettool, the command hands over to unitchecker instead
// ([IsVet], [Vet]).
//
// Exit codes are the same in every format: 0 without findings, 3 with
// findings, 1 when something could not be checked (a package that does not
// type-check, an analyzer that failed, a broken configuration), 2 for a
// mistake on the command line. The legacy -json flag keeps the exit code
// of the checker it replaces: 0 with findings.
package driver

import (
	"flag"
	"fmt"
	"io"
	"os"

	"golang.org/x/tools/go/analysis"

	"github.com/tracelint/tracelint/internal/findingout"
	"github.com/tracelint/tracelint/internal/rules"
)

// Exit codes.
const (
	exitClean    = 0
	exitError    = 1
	exitUsage    = 2
	exitFindings = 3
)

// Suite is what the command runs.
type Suite struct {
	// Analyzers are the analyzers, each with its own flags.
	Analyzers []*analysis.Analyzer
	// Commands are the usage lines of the command's subcommands, printed
	// under the driver's own.
	Commands []string
	// Rules is the rule catalogue: the IDs a //nolint directive may name,
	// and the rules of a SARIF log.
	Rules []*rules.Rule
	// Version is the command's version, for SARIF logs; when empty, the
	// module version the binary was built from.
	Version string
	// Flags, when set, defines the command's own flags (-config) on fs,
	// the standalone command's flag set or, under go vet, the process's.
	Flags func(fs *flag.FlagSet)
}

// version is s.Version, or the version of the main module of the build
// (findingout.Version).
func (s *Suite) version() string {
	if s.Version != "" {
		return s.Version
	}
	return findingout.Version()
}

// Main runs the command with args, the arguments after the program name,
// writing findings to stdout and the summary and errors to stderr, and
// returns the exit code.
func Main(s Suite, args []string, stdout, stderr io.Writer) int {
	r := &run{suite: &s, stdout: stdout, stderr: stderr}
	return r.main(args)
}

// run is one run of the command.
type run struct {
	suite          *Suite
	stdout, stderr io.Writer
	opts           *options
	paths          findingout.Paths // files named relative to the working directory
}

func (r *run) main(args []string) int {
	opts, code := r.parseFlags(args)
	if opts == nil {
		return code
	}
	r.opts = opts
	patterns := opts.args
	if len(patterns) > 0 && patterns[0] == "help" {
		return r.help(patterns[1:])
	}
	if len(patterns) == 0 {
		r.usage(r.stderr)
		return exitUsage
	}
	stop, err := startProfiles(opts)
	if err != nil {
		r.errorf("%v", err)
		return exitError
	}
	defer stop()
	if wd, err := os.Getwd(); err == nil {
		r.paths = findingout.NewPaths(wd)
	}

	loaded, err := r.load(patterns)
	if err != nil {
		r.errorf("%v", err)
		return exitError
	}
	res, err := r.analyze(loaded)
	if err != nil {
		r.errorf("%v", err)
		return exitError
	}
	return r.report(res)
}

// errorf prints a message on stderr, after "tracelint: ".
func (r *run) errorf(format string, args ...any) {
	fmt.Fprintf(r.stderr, "tracelint: "+format+"\n", args...)
}
