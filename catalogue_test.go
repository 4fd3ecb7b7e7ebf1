package tracelint_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
	"golang.org/x/tools/go/analysis"

	"github.com/tracelint/tracelint"
	"github.com/tracelint/tracelint/analyzers/attrkeys"
	"github.com/tracelint/tracelint/analyzers/ctxpropagation"
	"github.com/tracelint/tracelint/analyzers/piiattrs"
	"github.com/tracelint/tracelint/analyzers/spanend"
	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/rules"
	"github.com/tracelint/tracelint/internal/rulesdoc"
)

// analyzerDigit is the hundreds digit of each analyzer's rule IDs.
var analyzerDigit = map[string]byte{"ctxpropagation": '1', "spanend": '2', "attrkeys": '3', "piiattrs": '4'}

func TestCatalogueMetadata(t *testing.T) {
	names := make(map[string]bool)
	for _, a := range tracelint.Analyzers(config.Default()) {
		names[a.Name] = true
	}
	seen := make(map[string]bool)
	for _, r := range tracelint.Rules() {
		if seen[r.ID] {
			t.Errorf("%s: duplicate rule ID", r.ID)
		}
		seen[r.ID] = true
		if !rules.ValidID(r.ID) {
			t.Errorf("%s: rule IDs look like TL201", r.ID)
		}
		if !names[r.Analyzer] {
			t.Errorf("%s: analyzer %q is not in tracelint.Analyzers", r.ID, r.Analyzer)
		} else if r.ID[2] != analyzerDigit[r.Analyzer] {
			t.Errorf("%s: %s's rules are numbered TL%cxx", r.ID, r.Analyzer, analyzerDigit[r.Analyzer])
		}
		checkTitle(t, r)
		for field, text := range map[string]string{"Why": r.Why, "Bad": r.Bad, "Good": r.Good, "DefaultWhy": r.DefaultWhy} {
			if strings.TrimSpace(text) == "" {
				t.Errorf("%s: %s is empty", r.ID, field)
			}
		}
		for _, key := range r.Options {
			if !strings.HasPrefix(key, r.Analyzer+".") {
				t.Errorf("%s: option %q is not under the %s section", r.ID, key, r.Analyzer)
			}
		}
	}
}

// TestAllIDs keeps rules.AllIDs, the rule IDs an analyzer checks a
// configuration file's enable and disable against when it loads the file
// itself (written out there: the analyzer packages cannot import this
// one), equal to the catalogue.
func TestAllIDs(t *testing.T) {
	if got, want := rules.AllIDs(), tracelint.RuleIDs(); !slices.Equal(got, want) {
		t.Errorf("rules.AllIDs() = %v, but the catalogue has %v; update internal/rules/ids.go", got, want)
	}
}

// TestConfigFlag checks that every analyzer, the exported ones that nogo
// runs and those Analyzers builds, can be given a configuration file by its
// flag.
func TestConfigFlag(t *testing.T) {
	exported := []*analysis.Analyzer{ctxpropagation.Analyzer, spanend.Analyzer, attrkeys.Analyzer, piiattrs.Analyzer}
	for _, a := range slices.Concat(exported, tracelint.Analyzers(config.Default())) {
		if a.Flags.Lookup(config.FlagName) == nil {
			t.Errorf("%s has no -%s.%s flag", a.Name, a.Name, config.FlagName)
		}
	}
}

// checkTitle enforces the title style: a lowercase verb phrase of at most
// 60 characters, without a final period.
func checkTitle(t *testing.T, r *rules.Rule) {
	t.Helper()
	title := r.Title
	switch {
	case title == "":
		t.Errorf("%s: empty title", r.ID)
	case len(title) > 60:
		t.Errorf("%s: title %q is longer than 60 characters", r.ID, title)
	case strings.HasSuffix(title, "."):
		t.Errorf("%s: title %q ends with a period", r.ID, title)
	case title[0] < 'a' || title[0] > 'z':
		t.Errorf("%s: title %q does not start with a lowercase letter", r.ID, title)
	}
	for _, article := range []string{"the ", "a ", "an "} {
		if strings.HasPrefix(title, article) {
			t.Errorf("%s: title %q is not a verb phrase", r.ID, title)
		}
	}
}

func TestDocsUpToDate(t *testing.T) {
	const stale = "docs are stale: run go generate ./..."
	want := make(map[string]bool)
	for _, r := range tracelint.Rules() {
		name := filepath.Join("docs", "rules", r.ID+".md")
		want[filepath.Base(name)] = true
		got, err := os.ReadFile(name)
		if err != nil {
			t.Errorf("%s: %v (%s)", r.ID, err, stale)
			continue
		}
		if string(got) != rulesdoc.RenderPage(r, options(t)) {
			t.Errorf("%s differs from the catalogue; %s", name, stale)
		}
	}
	pages, _ := filepath.Glob(filepath.Join("docs", "rules", "TL*.md"))
	for _, p := range pages {
		if !want[filepath.Base(p)] {
			t.Errorf("%s documents no rule; %s", p, stale)
		}
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	spliced, err := rulesdoc.SpliceTable(string(readme), rulesdoc.RenderTable(tracelint.Rules()))
	if err == nil {
		spliced, err = rulesdoc.SpliceConfig(spliced, options(t))
	}
	if err != nil {
		t.Fatalf("README.md: %v", err)
	}
	if strings.TrimRight(spliced, "\n") != strings.TrimRight(string(readme), "\n") {
		t.Errorf("the rule table or the configuration block in README.md is stale; run go generate ./...")
	}
	schema, err := rulesdoc.Schema(options(t), tracelint.RuleIDs())
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join("docs", "tracelint.schema.json")); string(got) != string(schema)+"\n" {
		t.Errorf("docs/tracelint.schema.json is stale; run go generate ./...")
	}
}

// options reads the configuration's options as go generate does.
func options(t *testing.T) []rulesdoc.Option {
	t.Helper()
	opts, err := rulesdoc.ReadOptions(filepath.Join("internal", "config", "config.go"))
	if err != nil {
		t.Fatal(err)
	}
	return opts
}

// TestConfigBlockIsTheDefaults checks that the configuration block of
// README.md is a valid .tracelint.yml that changes nothing, and names every
// option the rules document.
func TestConfigBlockIsTheDefaults(t *testing.T) {
	opts := options(t)
	cfg, err := config.Parse([]byte(rulesdoc.ConfigYAML(opts)), "", tracelint.RuleIDs())
	if err != nil {
		t.Fatalf("the configuration block does not parse: %v", err)
	}
	got, _ := yaml.Marshal(cfg)
	want, _ := yaml.Marshal(config.Default())
	if string(got) != string(want) {
		t.Errorf("the configuration block is not the defaults:\n%s\nwant:\n%s", got, want)
	}
	for _, r := range tracelint.Rules() {
		if _, missing := rulesdoc.Lookup(opts, r.Options); len(missing) > 0 {
			t.Errorf("%s names options the configuration does not have: %v", r.ID, missing)
		}
	}
}

// wantRE matches an analysistest expectation, in its back-quoted form.
var wantRE = regexp.MustCompile("// want `([^`]*)`")

// TestEveryRuleIsTested requires, for each rule, a // want expectation
// naming its ID in the analyzer's test data, and, for a rule with an autofix,
// a .golden file in a package whose expectations name it.
func TestEveryRuleIsTested(t *testing.T) {
	wanted := make(map[string][]string) // rule ID -> package directories
	golden := make(map[string]bool)     // package directories with a .golden file
	err := filepath.WalkDir("testdata", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch {
		case strings.HasSuffix(path, ".golden"):
			golden[filepath.Dir(path)] = true
		case strings.HasSuffix(path, ".go"):
			src, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for _, m := range wantRE.FindAllStringSubmatch(string(src), -1) {
				for _, r := range tracelint.Rules() {
					if strings.Contains(m[1], `\(`+r.ID+`\)`) || strings.Contains(m[1], "("+r.ID+")") {
						wanted[r.ID] = append(wanted[r.ID], filepath.Dir(path))
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range tracelint.Rules() {
		dirs := wanted[r.ID]
		analyzerDir := filepath.Join("testdata", r.Analyzer) + string(filepath.Separator)
		if !slices.ContainsFunc(dirs, func(d string) bool { return strings.HasPrefix(d+string(filepath.Separator), analyzerDir) }) {
			t.Errorf("%s: no // want naming (%s) under %s", r.ID, r.ID, analyzerDir)
		}
		if r.Autofix && !slices.ContainsFunc(dirs, func(d string) bool { return golden[d] }) {
			t.Errorf("%s has an autofix but no .golden file beside an expectation naming it", r.ID)
		}
	}
}

// TestDocumentedDefaults checks that the options each rule page shows, at
// their documented defaults, are a valid .tracelint.yml that changes
// nothing: the documented defaults are the real ones.
func TestDocumentedDefaults(t *testing.T) {
	for _, r := range tracelint.Rules() {
		if len(r.Options) == 0 {
			continue
		}
		ruleOpts, _ := rulesdoc.Lookup(options(t), r.Options)
		src := rulesdoc.OptionsYAML(ruleOpts)
		cfg, err := config.Parse([]byte(src), "", tracelint.RuleIDs())
		if err != nil {
			t.Errorf("%s: the documented options do not parse: %v\n%s", r.ID, err, src)
			continue
		}
		// Marshalled, an empty list and a nil one look the same.
		got, _ := yaml.Marshal(cfg)
		want, _ := yaml.Marshal(config.Default())
		if string(got) != string(want) {
			t.Errorf("%s: the documented defaults differ from config.Default():\n%s\ngot:\n%s\nwant:\n%s", r.ID, src, got, want)
		}
	}
}
