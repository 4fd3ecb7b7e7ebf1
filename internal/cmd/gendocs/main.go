// Command gendocs writes the documentation generated from the rule
// catalogue and the configuration schema: docs/rules/<ID>.md for every rule,
// the rule table and the configuration block of README.md, the JSON
// Schema of .tracelint.yml, docs/tracelint.schema.json, and the code-review
// checklist, docs/checklist.md. It removes the pages
// of rules that no longer exist. Run it from the repository root, through go
// generate.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/tracelint/tracelint"
	"github.com/tracelint/tracelint/internal/checklist"
	"github.com/tracelint/tracelint/internal/rulesdoc"
)

func main() {
	if err := generate("."); err != nil {
		fmt.Fprintln(os.Stderr, "gendocs:", err)
		os.Exit(1)
	}
}

func generate(root string) error {
	dir := filepath.Join(root, "docs", "rules")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	opts, err := rulesdoc.ReadOptions(filepath.Join(root, "internal", "config", "config.go"))
	if err != nil {
		return err
	}
	want := make(map[string]bool)
	for _, r := range tracelint.Rules() {
		if _, missing := rulesdoc.Lookup(opts, r.Options); len(missing) > 0 {
			return fmt.Errorf("%s names options the configuration does not have: %v", r.ID, missing)
		}
		name := r.ID + ".md"
		want[name] = true
		if err := os.WriteFile(filepath.Join(dir, name), []byte(rulesdoc.RenderPage(r, opts)), 0o644); err != nil {
			return err
		}
	}
	stale, err := filepath.Glob(filepath.Join(dir, "TL*.md"))
	if err != nil {
		return err
	}
	for _, path := range stale {
		if !want[filepath.Base(path)] {
			if err := os.Remove(path); err != nil {
				return err
			}
		}
	}

	readme := filepath.Join(root, "README.md")
	doc, err := os.ReadFile(readme)
	if err != nil {
		return err
	}
	schema, err := rulesdoc.Schema(opts, tracelint.RuleIDs())
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(root, "docs", "tracelint.schema.json"), append(schema, '\n'), 0o644); err != nil {
		return err
	}
	list, err := checklist.Page(tracelint.Rules())
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(root, "docs", "checklist.md"), []byte(list), 0o644); err != nil {
		return err
	}
	out, err := rulesdoc.SpliceTable(string(doc), rulesdoc.RenderTable(tracelint.Rules()))
	if err == nil {
		out, err = rulesdoc.SpliceConfig(out, opts)
	}
	if err != nil {
		return fmt.Errorf("%s: %v", readme, err)
	}
	if out == string(doc) {
		return nil
	}
	return os.WriteFile(readme, []byte(strings.TrimRight(out, "\n")+"\n"), 0o644)
}
