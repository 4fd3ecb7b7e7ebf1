// Command floor is the benchmark's do-nothing go/analysis driver: the
// standalone multichecker with one analyzer that requires only the shared
// inspect pass, declares no facts and reports nothing. What it costs is
// what any facts-free suite pays before its first check (loading, parsing
// and type-checking the packages from export data); bench/run compares
// tracelint with it.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/multichecker"
	"golang.org/x/tools/go/analysis/passes/inspect"
)

var floor = &analysis.Analyzer{
	Name:     "floor",
	Doc:      "does nothing: the cost floor of a facts-free go/analysis driver",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      func(*analysis.Pass) (any, error) { return nil, nil },
}

func main() { multichecker.Main(floor) }
