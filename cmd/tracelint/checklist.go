package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/tracelint/tracelint"
	"github.com/tracelint/tracelint/internal/checklist"
	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/rules"
)

func init() { subcommands["checklist"] = checklistMain }

const checklistUsage = `usage: tracelint checklist [-config file]

tracelint checklist prints the code-review checklist for tracing as Markdown
checkboxes, ready for a pull-request template: one item per convention, the
rules that check it automatically and what is left for the reviewer. A rule
the configuration turns off is named as the reviewer's to check.

`

// checklistMain runs `tracelint checklist` and returns the exit code.
func checklistMain(args []string) int {
	flags := flag.NewFlagSet("tracelint checklist", flag.ContinueOnError)
	path := flags.String("config", "", "the configuration file; by default the "+
		config.FileName+" found between the current directory and its module root")
	flags.Usage = func() {
		fmt.Fprint(flags.Output(), checklistUsage)
		flags.PrintDefaults()
	}
	if code, ok := parseFlags(flags, args); !ok {
		return code
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "tracelint checklist: unexpected argument %q\n", flags.Arg(0))
		return 2
	}
	dir, err := os.Getwd()
	if err != nil {
		fmt.Fprintf(os.Stderr, "tracelint checklist: %v\n", err)
		return 1
	}
	cfg, err := config.NewFinder(*path, tracelint.RuleIDs()).For(dir)
	if err != nil {
		fmt.Fprintf(os.Stderr, "tracelint checklist: %v\n", err)
		return 1
	}
	text, err := checklist.Render(tracelint.Rules(), func(r *rules.Rule) bool { return r.Enabled(cfg) })
	if err != nil {
		fmt.Fprintf(os.Stderr, "tracelint checklist: %v\n", err)
		return 1
	}
	fmt.Print(text)
	return 0
}
