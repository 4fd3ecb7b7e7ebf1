package golangci

import (
	"encoding/json"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
	"golang.org/x/tools/go/analysis"

	"github.com/tracelint/tracelint"
	"github.com/tracelint/tracelint/internal/config"
)

func TestNew(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, tc := range []struct {
		name      string
		analyzers string
	}{
		{"tracelint", "ctxpropagation spanend attrkeys piiattrs"},
		{"spanend", "spanend"},
		{"piiattrs", "piiattrs"},
	} {
		// Settings as golangci-lint passes them: decoded YAML, keys lower-cased.
		p, err := New(tc.name, map[string]any{"enable": []any{"TL204"}, "spanend": map[string]any{"infer-wrappers": false}})
		if err != nil {
			t.Fatal(err)
		}
		as, _ := p.BuildAnalyzers()
		var names []string
		for _, a := range as {
			names = append(names, a.Name)
		}
		if got := strings.Join(names, " "); got != tc.analyzers {
			t.Errorf("%s: analyzers %s, want %s", tc.name, got, tc.analyzers)
		}
		if p.GetLoadMode() != "typesinfo" {
			t.Errorf("load mode %s", p.GetLoadMode())
		}
	}
	if _, err := New("tracelint", nil); err != nil {
		t.Errorf("no settings: %v", err)
	}
}

func TestNewBadSettings(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, tc := range []struct {
		settings any
		want     string
	}{
		{map[string]any{"spanend": map[string]any{"infer-wrapers": true}}, `spanend settings: unknown key "infer-wrapers" in spanend; did you mean "infer-wrappers"?`},
		{map[string]any{"spanend": map[string]any{"inferwrappers": true}}, `spanend settings: unknown key "inferwrappers" in spanend; did you mean "infer-wrappers"?`},
		{map[string]any{"enable": []any{"TL999"}}, `spanend settings: unknown rule "TL999" in enable; known rules: TL101,`},
		{map[string]any{"enable": []any{"TL2O1"}}, `spanend settings: unknown rule "TL2O1" in enable; did you mean "TL201"?`},
		{map[string]any{"attrkeys": map[string]any{"semconv": "yes"}}, `spanend settings: attrkeys.semconv: expected a boolean (true or false), got "yes"`},
		{map[string]any{"attrkeys": map[string]any{"registries": []any{"missing"}}}, `spanend settings: attrkeys.registries[0]: registry "missing" not found at `},
		{"tracelint", `spanend settings: expected a mapping of options at the top level, got "tracelint"`},
	} {
		_, err := New("spanend", tc.settings)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("settings %v: got error %v, want %s...", tc.settings, err, tc.want)
		}
	}
}

// TestFolding checks that the plugins' analyzers report related places in
// the finding's text, where a //nolint on the finding's line silences them
// with it, and keep the rest of the diagnostic.
func TestFolding(t *testing.T) {
	fset := token.NewFileSet()
	file := func(name string) *token.File {
		f := fset.AddFile(filepath.FromSlash(name), -1, 1000)
		f.SetLines([]int{0, 100, 200, 300, 400})
		return f
	}
	api, other, jobs := file("/m/api/api.go"), file("/m/api/other.go"), file("/m/jobs/jobs.go")
	fix := []analysis.SuggestedFix{{Message: "Add defer span.End()"}}
	inner := &analysis.Analyzer{Name: "spanend", Doc: "spanend", Run: func(pass *analysis.Pass) (any, error) {
		pass.Report(analysis.Diagnostic{
			Pos: api.Pos(105), Category: "TL201", SuggestedFixes: fix,
			Message: `span "span" is not ended on every path; call span.End() (TL201)`,
			Related: []analysis.RelatedInformation{
				{Pos: api.Pos(310), Message: `"span" leaks here`},
				{Pos: other.Pos(5), Message: "ended here"},
				{Pos: jobs.Pos(210), Message: "started here"},
				{Message: "nowhere"},
			},
		})
		pass.Report(analysis.Diagnostic{Pos: api.Pos(1), Message: "no related places (TL202)"})
		pass.Report(analysis.Diagnostic{Pos: api.Pos(1), Message: "no rule ID", Related: []analysis.RelatedInformation{{Pos: api.Pos(2), Message: "here"}}})
		return nil, nil
	}}
	var got []analysis.Diagnostic
	pass := &analysis.Pass{Analyzer: inner, Fset: fset, Report: func(d analysis.Diagnostic) { got = append(got, d) }}
	a := folding(inner)
	if a.Name != inner.Name {
		t.Errorf("name %q, want %q", a.Name, inner.Name)
	}
	if _, err := a.Run(pass); err != nil {
		t.Fatal(err)
	}
	want := []string{
		`span "span" is not ended on every path; call span.End(); related: line 4: "span" leaks here; other.go:1: ended here; ../jobs/jobs.go:3: started here; nowhere (TL201)`,
		"no related places (TL202)",
		"no rule ID; related: line 1: here",
	}
	if len(got) != len(want) {
		t.Fatalf("got %d diagnostics, want %d: %+v", len(got), len(want), got)
	}
	for i, d := range got {
		if d.Message != want[i] || d.Related != nil {
			t.Errorf("diagnostic %d: %q with %d related places, want %q and none", i, d.Message, len(d.Related), want[i])
		}
	}
	if got[0].Pos != api.Pos(105) || got[0].Category != "TL201" || len(got[0].SuggestedFixes) != 1 {
		t.Errorf("the diagnostic lost its position, category or fix: %+v", got[0])
	}
}

// TestPluginFolds checks that every analyzer of every plugin folds.
func TestPluginFolds(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, name := range Names {
		p, err := New(name, nil)
		if err != nil {
			t.Fatal(err)
		}
		as, _ := p.BuildAnalyzers()
		for _, a := range as {
			for _, b := range tracelint.Analyzers(config.Default()) {
				if a.Name == b.Name && reflect.ValueOf(a.Run).Pointer() == reflect.ValueOf(b.Run).Pointer() {
					t.Errorf("plugin %s: analyzer %s reports related places as they are", name, a.Name)
				}
			}
		}
	}
}

// TestRelativeRegistry checks that a relative registry path resolves
// against the directory of the golangci-lint configuration file, found
// from a subdirectory as golangci-lint finds it, not against the working
// directory.
func TestRelativeRegistry(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, ".golangci.yml"), "version: \"2\"\n")
	write(t, filepath.Join(root, "telemetry", "registry.yaml"), "file_format: definition/2\nattributes:\n  - key: shop.order.id\n    type: string\n")
	sub := filepath.Join(root, "service", "api")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(sub)
	if _, err := New("attrkeys", map[string]any{"attrkeys": map[string]any{"registries": []any{"telemetry"}}}); err != nil {
		t.Errorf("registry relative to the configuration file: %v", err)
	}
}

func TestConfigDir(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, ".golangci.yaml"), "")
	sub := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	elsewhere := t.TempDir()
	t.Setenv("HOME", elsewhere)
	for _, tc := range []struct {
		args []string
		cwd  string
		want string
	}{
		{[]string{"run", "./..."}, sub, root},
		{[]string{"run", "-c", "/etc/x/.golangci.yml", "./..."}, sub, "/etc/x"},
		{[]string{"run", "--config=conf/lint.yml"}, sub, filepath.Join(sub, "conf")},
		{[]string{"run", "--config", "lint.yml"}, root, root},
		{[]string{"run", "--no-config"}, sub, sub},
		{[]string{"run"}, elsewhere, elsewhere},
	} {
		if got := ConfigDir(tc.args, tc.cwd); got != tc.want {
			t.Errorf("ConfigDir(%q, %s) = %s, want %s", tc.args, tc.cwd, got, tc.want)
		}
	}
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestExampleConfig checks that .golangci.example.yml's tracelint settings
// are valid and are the defaults, as its comment says.
func TestExampleConfig(t *testing.T) {
	data, err := os.ReadFile("../.golangci.example.yml")
	if err != nil {
		t.Fatal(err)
	}
	var example struct {
		Linters struct {
			Settings struct {
				Custom map[string]struct {
					Type     string
					Settings any
				}
			}
		}
	}
	if err := yaml.Unmarshal(data, &example); err != nil {
		t.Fatal(err)
	}
	entry, ok := example.Linters.Settings.Custom["tracelint"]
	if !ok || entry.Type != "module" {
		t.Fatalf("no module entry for tracelint in linters.settings.custom: %+v", example.Linters.Settings.Custom)
	}
	raw, err := json.Marshal(entry.Settings)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := config.ParseSettings(raw, "", tracelint.RuleIDs())
	if err != nil {
		t.Fatal(err)
	}
	got, _ := yaml.Marshal(cfg)
	want, _ := yaml.Marshal(config.Default())
	if string(got) != string(want) {
		t.Errorf("the example's settings are not the defaults:\n%s\nwant:\n%s", got, want)
	}
}
