package driver

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"go/ast"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/tracelint/tracelint/internal/report"
	"github.com/tracelint/tracelint/internal/suppress"
)

// IsVet reports whether args, the arguments after the program name, are
// go vet's: flags and the description of one package, in a file whose
// name ends in .cfg, or a question about the tool (-V=full, -flags). The
// flags are parsed as the command's, into values of their own, so that
// "-config a.cfg" is a flag with its value, as multichecker saw it.
func IsVet(s Suite, args []string) bool {
	for _, a := range args {
		switch strings.TrimLeft(a, "-") {
		case "flags", "V", "V=full":
			if strings.HasPrefix(a, "-") {
				return true
			}
		}
	}
	r := &run{suite: &s}
	fs, _, _ := r.flagSet()
	probe := flag.NewFlagSet("tracelint", flag.ContinueOnError)
	probe.SetOutput(io.Discard)
	fs.VisitAll(func(f *flag.Flag) {
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			probe.Bool(f.Name, false, "")
		} else {
			probe.String(f.Name, "", "")
		}
	})
	if probe.Parse(args) != nil {
		return false
	}
	return probe.NArg() == 1 && strings.HasSuffix(probe.Arg(0), ".cfg")
}

// Vet runs the suite as go vet's tool: it defines the suite's flags, and
// -test for the scripts that pass it, then hands over to unitchecker,
// which parses the process's flags and exits. Findings that a //nolint
// directive silences are dropped; the directives are not checked (TL000
// needs the whole run).
func Vet(s Suite) {
	for _, a := range os.Args[1:] {
		if a == "-V=full" || a == "--V=full" {
			os.Exit(printFullVersion(os.Stdout))
		}
	}
	if s.Flags != nil {
		s.Flags(flag.CommandLine)
	}
	flag.Bool("test", true, "indicates whether test files should be analyzed, too") // no effect: go vet decides
	analyzers := make([]*analysis.Analyzer, len(s.Analyzers))
	for i, a := range s.Analyzers {
		analyzers[i] = silencing(a)
	}
	unitchecker.Main(analyzers...)
}

// silencing returns a copy of a whose diagnostics are dropped when a
// //nolint directive silences them.
func silencing(a *analysis.Analyzer) *analysis.Analyzer {
	c := *a
	c.Run = func(pass *analysis.Pass) (any, error) {
		var mu sync.Mutex
		directives := make(map[*ast.File]*suppress.Directives)
		report0 := pass.Report
		pass.Report = func(d analysis.Diagnostic) {
			if d.Category != report.InternalErrorCategory && silenced(pass, directives, &mu, d, a.Name) {
				return
			}
			report0(d)
		}
		return a.Run(pass)
	}
	return &c
}

// silenced reports whether a directive of the file d is in silences it.
func silenced(pass *analysis.Pass, directives map[*ast.File]*suppress.Directives, mu *sync.Mutex, d analysis.Diagnostic, analyzer string) bool {
	for _, f := range pass.Files {
		if f.FileStart <= d.Pos && d.Pos <= f.FileEnd {
			mu.Lock()
			defer mu.Unlock()
			dirs := directives[f]
			if dirs == nil {
				dirs = suppress.Read(pass.Fset, f)
				directives[f] = dirs
			}
			return dirs.Silenced(d.Pos, analyzer, d.Category)
		}
	}
	return false
}

// printFullVersion answers -V=full as go vet expects of its tool: "NAME
// version devel ... buildID=ID", where go vet keys its cache on ID, a hash
// of the executable, as unitchecker's own answer does. Between the two go
// the module version and VCS revision from the build information, for
// people who ask.
func printFullVersion(w io.Writer) int {
	name := filepath.Base(os.Args[0])
	exe, err := os.Executable()
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", name, err)
		return 1
	}
	f, err := os.Open(exe)
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", name, err)
		return 1
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", name, err)
		return 1
	}
	module, revision := "(unknown)", "(unknown)"
	if bi, ok := debug.ReadBuildInfo(); ok {
		module = bi.Main.Path + "@" + bi.Main.Version
		for _, st := range bi.Settings {
			if st.Key == "vcs.revision" {
				revision = st.Value
			}
		}
		for _, st := range bi.Settings {
			if st.Key == "vcs.modified" && st.Value == "true" {
				revision += "+modified"
			}
		}
	}
	fmt.Fprintf(w, "%s version devel module=%s revision=%s buildID=%x\n", name, module, revision, h.Sum(nil))
	return 0
}
