// Command tracelint checks that Go services keep their distributed traces
// intact: contexts passed along, spans ended, attribute keys agreed on, no
// personal data in telemetry.
//
// Usage:
//
//	tracelint [-config .tracelint.yml] [-format text|json|sarif|github] [-fix [-diff]] packages...
//	tracelint keys [-config .tracelint.yml] [-format text|json|weaver] packages...
//	tracelint lsp [-config .tracelint.yml] [-log FILE]
//	tracelint rules [-format json] | explain TLnnn | checklist | version
//	tracelint rust [-config .tracelint.yml] [-format text|json|sarif|github] [paths...]
//	go vet -vettool=$(command -v tracelint) packages...
//
// tracelint keys prints the attribute keys the packages record, with the
// groups of keys that spell one concept several ways, or writes them as a
// Weaver registry skeleton.
//
// tracelint rust checks Rust sources (tracing macros, #[instrument],
// opentelemetry attributes and baggage) against the same contract and
// privacy rules (docs/rust); it needs a build with cgo.
//
// tracelint lsp is a language server for editors, run beside gopls: it
// publishes the findings of the packages of open files as they are edited,
// and offers suggested fixes as code actions (docs/editors.md).
//
// Without -config, each package is checked with the .tracelint.yml found
// by walking up from its directory to its module root, or the defaults.
//
// tracelint honours //nolint directives (//nolint:TL201, //nolint:spanend,
// //nolint:tracelint) and reports those that silence nothing as TL000. It
// exits with 0 without findings, 3 with findings, 1 when something could
// not be checked, 2 for a mistake on the command line. The README's
// "Running it" and "Suppressing findings" sections say more.
package main

import (
	"flag"
	"fmt"
	"os"
	"sync"

	"github.com/tracelint/tracelint"
	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/contract"
	"github.com/tracelint/tracelint/internal/driver"
)

// subcommands run `tracelint NAME args...` and return the exit code. Each
// file that implements one registers it from an init function.
var subcommands = map[string]func(args []string) int{
	"keys": keysMain,
	"lsp":  lspMain,
}

func main() {
	if len(os.Args) > 1 {
		if run, ok := subcommands[os.Args[1]]; ok {
			os.Exit(run(os.Args[2:]))
		}
	}
	src := &flagSource{}
	suite := driver.Suite{
		Analyzers: tracelint.Analyzers(src),
		Rules:     tracelint.Rules(),
		Commands: []string{
			"tracelint keys [-format text|json|weaver] [packages]   the attribute keys the code records",
			"tracelint rules [-format json]                         every rule",
			"tracelint explain TLnnn                                a rule's page",
			"tracelint checklist [-config file]                     the code-review checklist",
			"tracelint lsp [-config file] [-log file]               the language server for editors",
			"tracelint rust [-config file] [-format f] [paths]      the Rust lints, on Rust sources (cgo builds)",
			"tracelint version                                      version and revision",
		},
		Flags: func(fs *flag.FlagSet) {
			fs.StringVar(&src.path, "config", "", "the configuration file; by default each package uses the "+
				config.FileName+" found between its directory and its module root")
		},
	}
	if driver.IsVet(suite, os.Args[1:]) {
		driver.Vet(suite) // exits
	}
	os.Exit(driver.Main(suite, os.Args[1:], os.Stdout, os.Stderr))
}

// flagSource is the configuration named by -config, or found per package. It
// is created on first use, because the flag is parsed after the analyzers
// exist.
type flagSource struct {
	path   string
	once   sync.Once
	finder *config.Finder
	failed sync.Once
}

// For returns the configuration for the package in dir. A broken
// configuration, or a broken registry it names, stops the whole run with one
// message naming the file, line and problem, rather than one error per
// package and analyzer.
func (s *flagSource) For(dir string) (*config.Config, error) {
	s.once.Do(func() { s.finder = config.NewFinder(s.path, tracelint.RuleIDs()) })
	cfg, err := s.finder.For(dir)
	if err == nil {
		_, err = contract.ForConfig(cfg) // loaded once, shared with the analyzers
	}
	if err != nil {
		s.failed.Do(func() {
			fmt.Fprintf(os.Stderr, "tracelint: %v\n", err)
			os.Exit(1)
		})
		select {} // another goroutine is exiting
	}
	return cfg, nil
}
