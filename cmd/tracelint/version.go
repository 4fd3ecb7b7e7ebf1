package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
)

func init() { subcommands["version"] = versionMain }

const versionUsage = `usage: tracelint version

tracelint version prints the version of tracelint, the revision it was built
from and the Go toolchain that built it: what a bug report needs.
`

// versionMain runs `tracelint version` and returns the exit code.
func versionMain(args []string) int {
	flags := flag.NewFlagSet("tracelint version", flag.ContinueOnError)
	flags.Usage = func() { fmt.Fprint(flags.Output(), versionUsage) }
	if code, ok := parseFlags(flags, args); !ok {
		return code
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "tracelint version: unexpected argument %q\n", flags.Arg(0))
		return 2
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		fmt.Fprintln(os.Stderr, "tracelint version: the binary carries no build information")
		return 1
	}
	writeVersion(os.Stdout, bi)
	return 0
}

// writeVersion writes what bi says about the build, one fact a line:
//
//	tracelint version v0.1.0
//	module    github.com/tracelint/tracelint
//	revision  8007bf54ca482e0de536cb49104c15f583c1838a (modified)
//	time      2026-12-03T07:19:46Z
//	go        go1.26.8 linux/amd64
//
// The version is the module's: a release tag for go install ...@v0.1.0, a
// pseudo-version or (devel) for a build in a checkout. The revision and
// its time are there only when the go command stamped them, which it does
// for a build in a checkout (not with -buildvcs=false), never for go
// install ...@version: the version names the revision there.
func writeVersion(w io.Writer, bi *debug.BuildInfo) {
	version := bi.Main.Version
	if version == "" {
		version = "(unknown)"
	}
	fmt.Fprintf(w, "tracelint version %s\n", version)
	if bi.Main.Path != "" {
		fmt.Fprintf(w, "module    %s\n", bi.Main.Path)
	}
	settings := make(map[string]string)
	for _, s := range bi.Settings {
		settings[s.Key] = s.Value
	}
	if rev := settings["vcs.revision"]; rev != "" {
		if settings["vcs.modified"] == "true" {
			rev += " (modified)"
		}
		fmt.Fprintf(w, "revision  %s\n", rev)
	} else {
		fmt.Fprintln(w, "revision  unknown (built without version control information)")
	}
	if t := settings["vcs.time"]; t != "" {
		fmt.Fprintf(w, "time      %s\n", t)
	}
	goVersion := bi.GoVersion
	if goVersion == "" {
		goVersion = runtime.Version()
	}
	fmt.Fprintf(w, "go        %s %s/%s\n", goVersion, runtime.GOOS, runtime.GOARCH)
}
