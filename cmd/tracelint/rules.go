package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/agnivade/levenshtein"

	"github.com/tracelint/tracelint"
	"github.com/tracelint/tracelint/docs"
	"github.com/tracelint/tracelint/internal/rules"
)

func init() {
	subcommands["rules"] = rulesMain
	subcommands["explain"] = explainMain
}

const rulesUsage = `usage: tracelint rules [-format text|json]

tracelint rules lists every rule: its ID, analyzer, default, whether it has
an autofix, and its title. tracelint explain ID prints a rule's page.

`

// ruleJSON is one rule in the output of tracelint rules -format json.
type ruleJSON struct {
	ID       string `json:"id"`
	Analyzer string `json:"analyzer"`
	// Default is "on", "off", or "on " and a condition ("on with a contract
	// (...)") for a rule whose default depends on the configuration.
	Default string `json:"default"`
	Autofix bool   `json:"autofix"`
	Title   string `json:"title"`
	URL     string `json:"url"`
}

// rulesMain runs `tracelint rules` and returns the exit code.
func rulesMain(args []string) int {
	flags := flag.NewFlagSet("tracelint rules", flag.ContinueOnError)
	format := flags.String("format", "text", "the output: text (a table) or json")
	flags.Usage = func() {
		fmt.Fprint(flags.Output(), rulesUsage)
		flags.PrintDefaults()
	}
	if code, ok := parseFlags(flags, args); !ok {
		return code
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "tracelint rules: unexpected argument %q; to read a rule's page, run tracelint explain %s\n", flags.Arg(0), flags.Arg(0))
		return 2
	}
	var err error
	switch *format {
	case "text":
		err = writeRuleTable(os.Stdout, tracelint.Rules())
	case "json":
		err = writeRuleJSON(os.Stdout, tracelint.Rules())
	default:
		fmt.Fprintf(os.Stderr, "tracelint rules: -format %q: want text or json\n", *format)
		return 2
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "tracelint rules: %v\n", err)
		return 1
	}
	return 0
}

// parseFlags parses args and reports whether the command goes on; if not,
// code is its exit code: 0 after -h, 2 after a bad flag (the flag package
// has printed why).
func parseFlags(flags *flag.FlagSet, args []string) (code int, ok bool) {
	switch err := flags.Parse(args); err {
	case nil:
		return 0, true
	case flag.ErrHelp:
		return 0, false
	}
	return 2, false
}

// writeRuleTable writes the rules as an aligned table. A default that
// depends on the configuration is too long for its column: the column says
// "on*" and a note under the table says when.
func writeRuleTable(w io.Writer, rs []*rules.Rule) error {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tANALYZER\tDEFAULT\tAUTOFIX\tTITLE")
	var notes []string
	for _, r := range rs {
		def := r.DefaultText()
		if r.DefaultIfDoc != "" {
			def = "on*"
			notes = append(notes, fmt.Sprintf("* %s is %s, off otherwise.", r.ID, strings.ReplaceAll(r.DefaultText(), "`", "")))
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.ID, r.Analyzer, def, yesNo(r.Autofix), r.Title)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(notes) > 0 {
		notes = append(notes, "Change a default with enable or disable in .tracelint.yml; tracelint explain ID prints a rule's page.")
	} else {
		notes = append(notes, "tracelint explain ID prints a rule's page.")
	}
	_, err := fmt.Fprintf(w, "\n%s\n", strings.Join(notes, "\n"))
	return err
}

func writeRuleJSON(w io.Writer, rs []*rules.Rule) error {
	out := make([]ruleJSON, 0, len(rs))
	for _, r := range rs {
		out = append(out, ruleJSON{ID: r.ID, Analyzer: r.Analyzer, Default: r.DefaultText(), Autofix: r.Autofix, Title: r.Title, URL: r.URL()})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func yesNo(yes bool) string {
	if yes {
		return "yes"
	}
	return "no"
}

const explainUsage = `usage: tracelint explain ID...

tracelint explain prints the page of each rule named, in Markdown: what it
reports and why, a bad and a good example, what it accepts, its default and
its options. IDs may be written tl201 or 201. tracelint rules lists them.
`

// explainMain runs `tracelint explain` and returns the exit code: 1 when
// an argument names no rule.
func explainMain(args []string) int {
	flags := flag.NewFlagSet("tracelint explain", flag.ContinueOnError)
	flags.Usage = func() { fmt.Fprint(flags.Output(), explainUsage) }
	if code, ok := parseFlags(flags, args); !ok {
		return code
	}
	if flags.NArg() == 0 {
		flags.Usage()
		return 2
	}
	var pages []string
	failed := false
	for _, arg := range flags.Args() {
		id := normalizeID(arg)
		page, ok := docs.RulePage(id)
		if !ok || !slices.Contains(tracelint.RuleIDs(), id) {
			fmt.Fprintf(os.Stderr, "tracelint explain: %s\n", unknownRule(arg))
			failed = true
			continue
		}
		pages = append(pages, page)
	}
	if failed {
		return 1
	}
	fmt.Print(strings.Join(pages, "\n"))
	return 0
}

// normalizeID turns the spellings people type into a rule ID: "tl201" and
// "201" into "TL201".
func normalizeID(arg string) string {
	id := strings.ToUpper(strings.TrimSpace(arg))
	if len(id) == 3 && strings.Trim(id, "0123456789") == "" {
		id = "TL" + id
	}
	return id
}

// unknownRule says that arg names no rule and what the user may have
// meant: the rules of an analyzer named arg, or the IDs nearest to it, at
// most two edits away.
func unknownRule(arg string) string {
	all := tracelint.Rules()
	var ofAnalyzer []string
	for _, r := range all {
		if strings.EqualFold(r.Analyzer, arg) {
			ofAnalyzer = append(ofAnalyzer, r.ID)
		}
	}
	if len(ofAnalyzer) > 0 {
		return fmt.Sprintf("%q is an analyzer, not a rule; its rules are %s", arg, strings.Join(ofAnalyzer, ", "))
	}
	id := normalizeID(arg)
	best, nearest := 3, []string(nil)
	for _, r := range all {
		switch d := levenshtein.ComputeDistance(id, r.ID); {
		case d < best:
			best, nearest = d, []string{r.ID}
		case d == best:
			nearest = append(nearest, r.ID)
		}
	}
	msg := fmt.Sprintf("no rule %q", arg)
	switch {
	case len(nearest) == 1:
		msg += fmt.Sprintf("; did you mean %s?", nearest[0])
	case len(nearest) > 1:
		msg += fmt.Sprintf("; did you mean one of %s?", strings.Join(nearest, ", "))
	}
	return msg + " (tracelint rules lists every rule)"
}
