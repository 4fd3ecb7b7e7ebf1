package main

import (
	"flag"
	"fmt"
	"os"
	"path"
	"regexp"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/tracelint/tracelint/analyzers/attrkeys"
	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/keyinv"
)

const keysUsage = `usage: tracelint keys [-config file] [-format text|json|weaver] [-name name] [packages]

tracelint keys prints the attribute keys the packages (default ".") record:
each constant key with the types its sites store, how many sites build it,
its place in the telemetry contract and its first site; then the groups of
keys that spell one concept several ways (tenantID, tenant_id, orgID).
-format weaver writes a Weaver registry skeleton to start a contract from.

`

// keysMain runs `tracelint keys` and returns the exit code.
func keysMain(args []string) int {
	flags := flag.NewFlagSet("tracelint keys", flag.ContinueOnError)
	src := &flagSource{}
	flags.StringVar(&src.path, "config", "", "the configuration file; by default each package uses the "+
		config.FileName+" found between its directory and its module root")
	format := flags.String("format", "text", "the output: text, json, or weaver (a Weaver registry skeleton)")
	name := flags.String("name", "", "with -format weaver, the registry group's name (default: the module's last path element)")
	flags.Usage = func() {
		fmt.Fprint(flags.Output(), keysUsage)
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if *format != "text" && *format != "json" && *format != "weaver" {
		fmt.Fprintf(os.Stderr, "tracelint keys: -format %q: want text, json or weaver\n", *format)
		return 2
	}
	patterns := flags.Args()
	if len(patterns) == 0 {
		patterns = []string{"."}
	}
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadSyntax | packages.NeedModule}, patterns...)
	if err != nil {
		fmt.Fprintf(os.Stderr, "tracelint keys: %v\n", err)
		return 1
	}
	if packages.PrintErrors(pkgs) > 0 {
		fmt.Fprintln(os.Stderr, "tracelint keys: the inventory leaves out what the packages above could not compile")
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{attrkeys.New(src)}, pkgs, nil)
	if err != nil {
		fmt.Fprintf(os.Stderr, "tracelint keys: %v\n", err)
		return 1
	}
	var uses []attrkeys.KeyUse
	for _, act := range graph.Roots {
		if act.Err != nil {
			fmt.Fprintf(os.Stderr, "tracelint keys: %s: %v\n", act.Package.PkgPath, act.Err)
			continue
		}
		if inv, ok := act.Result.(*attrkeys.Inventory); ok && inv != nil {
			uses = append(uses, inv.Uses...)
		}
	}
	dir, _ := os.Getwd()
	inv := keyinv.Build(uses, dir)
	switch *format {
	case "json":
		err = inv.WriteJSON(os.Stdout)
	case "weaver":
		if *name == "" {
			*name = registryName(pkgs)
		}
		err = inv.WriteWeaver(os.Stdout, *name)
	default:
		err = inv.WriteText(os.Stdout)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "tracelint keys: %v\n", err)
		return 1
	}
	return 0
}

// registryName names the skeleton's group after the first package's
// module: "openfga" for github.com/openfga/openfga.
func registryName(pkgs []*packages.Package) string {
	name := "app"
	for _, p := range pkgs {
		if p.Module != nil {
			name = path.Base(p.Module.Path)
			break
		}
	}
	name = regexp.MustCompile(`[^a-z0-9_]+`).ReplaceAllString(strings.ToLower(name), "_")
	return strings.Trim(name, "_")
}
