package config

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// schemaURL is where editors fetch the JSON Schema of .tracelint.yml from,
// as the README's modeline names it.
const schemaURL = "https://raw.githubusercontent.com/tracelint/tracelint/main/docs/tracelint.schema.json"

// TestJSONSchema checks the JSON Schema that editors validate
// .tracelint.yml against: it accepts the examples the documentation shows
// and the configurations tracelint accepts, and it rejects what Parse
// rejects for its shape (a misspelt key, a value of the wrong type, a
// stability level that is none).
func TestJSONSchema(t *testing.T) {
	var schema map[string]any
	if err := json.Unmarshal(readFile(t, "../../docs/tracelint.schema.json"), &schema); err != nil {
		t.Fatal(err)
	}
	readme := string(readFile(t, "../../README.md"))
	modeline := "# yaml-language-server: $schema=" + schemaURL
	if !strings.Contains(readme, modeline) {
		t.Errorf("README.md does not show the modeline %q", modeline)
	}
	if _, path, _ := strings.Cut(schemaURL, "/main/"); !strings.HasSuffix(path, "docs/tracelint.schema.json") {
		t.Errorf("the schema URL %s does not name docs/tracelint.schema.json", schemaURL)
	}

	examples := map[string]string{
		"README.md configuration block": readmeConfig(t, readme),
		"testdata/.tracelint.yml":       string(readFile(t, "../../testdata/.tracelint.yml")),
		"testdata/valid/full.yml":       string(readFile(t, "testdata/valid/full.yml")),
		"modeline only":                 modeline + "\n",
	}
	for name, src := range examples {
		if _, err := Parse([]byte(src), name, testRulesFor(src)); err != nil {
			t.Errorf("%s: Parse: %v", name, err)
		}
		if err := validate(schema, decodeYAML(t, src), ""); err != nil {
			t.Errorf("%s: the schema rejects it: %v", name, err)
		}
	}

	for _, tt := range []struct{ src, want string }{
		{"spanend:\n  infer-wrapers: true\n", `spanend: unknown key "infer-wrapers"`},
		{"spanned: {}\n", `unknown key "spanned"`},
		{"attrkeys: {semconv: \"yes\"}\n", "attrkeys.semconv: expected boolean"},
		{"attrkeys: {min-stability: stabel}\n", `attrkeys.min-stability: "stabel" is not one of`},
		{"enable: TL201\n", "enable: expected array"},
		{"attrkeys: {deny: [{key: a, resaon: b}]}\n", `attrkeys.deny[0]: unknown key "resaon"`},
		{"piiattrs: {categories: {contact: 1}}\n", "piiattrs.categories.contact: expected boolean"},
	} {
		if _, err := Parse([]byte(tt.src), "c.yml", testRules); err == nil {
			t.Errorf("Parse accepts %q, which the schema is meant to reject", tt.src)
		}
		err := validate(schema, decodeYAML(t, tt.src), "")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("schema on %q: got %v, want an error containing %s", tt.src, err, tt.want)
		}
	}
}

// readmeConfig returns the YAML of the README's configuration block.
func readmeConfig(t *testing.T, readme string) string {
	_, block, ok := strings.Cut(readme, "<!-- config:begin -->")
	block, _, ok2 := strings.Cut(block, "<!-- config:end -->")
	_, block, ok3 := strings.Cut(block, "```yaml\n")
	block, _, ok4 := strings.Cut(block, "```")
	if !ok || !ok2 || !ok3 || !ok4 {
		t.Fatal("README.md has no ```yaml block between <!-- config:begin --> and <!-- config:end -->")
	}
	return block
}

// testRulesFor returns the rule IDs src names in enable and disable, so
// that examples written for the whole suite parse with testRules' checks.
func testRulesFor(src string) []string {
	var ids struct{ Enable, Disable []string }
	_ = yaml.Unmarshal([]byte(src), &ids)
	return slices.Concat(testRules, ids.Enable, ids.Disable)
}

func decodeYAML(t *testing.T, src string) any {
	var v any
	if err := yaml.Unmarshal([]byte(src), &v); err != nil {
		t.Fatal(err)
	}
	if v == nil {
		v = map[string]any{}
	}
	return v
}

func readFile(t *testing.T, path string) []byte {
	data, err := os.ReadFile(filepath.FromSlash(path))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// schemaKeywords are the JSON Schema keywords validate knows. A schema that
// uses another fails the test, rather than validating less than it says.
var schemaKeywords = []string{"$schema", "title", "description", "default", "type", "properties", "additionalProperties", "items", "enum"}

// validate checks v, a decoded YAML document, against schema: the subset of
// JSON Schema that docs/tracelint.schema.json uses. path names v in errors.
func validate(schema map[string]any, v any, path string) error {
	for k := range schema {
		if !slices.Contains(schemaKeywords, k) {
			return fmt.Errorf("%s: the schema uses %q, which this test does not check", path, k)
		}
	}
	if typ, ok := schema["type"].(string); ok && !hasType(v, typ) {
		return fmt.Errorf("%s: expected %s, got %T", path, typ, v)
	}
	if enum, ok := schema["enum"].([]any); ok && !slices.ContainsFunc(enum, func(e any) bool { return reflect.DeepEqual(e, v) }) {
		return fmt.Errorf("%s: %q is not one of %v", path, v, enum)
	}
	switch v := v.(type) {
	case map[string]any:
		props, _ := schema["properties"].(map[string]any)
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			sub, ok := props[k].(map[string]any)
			if !ok {
				if schema["additionalProperties"] == false && path == "" {
					return fmt.Errorf("unknown key %q at the top level", k)
				} else if schema["additionalProperties"] == false {
					return fmt.Errorf("%s: unknown key %q", path, k)
				}
				continue
			}
			child := k
			if path != "" {
				child = path + "." + k
			}
			if err := validate(sub, v[k], child); err != nil {
				return err
			}
		}
	case []any:
		items, _ := schema["items"].(map[string]any)
		for i, item := range v {
			if items == nil {
				break
			}
			if err := validate(items, item, fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	}
	return nil
}

// hasType reports whether v, as the yaml package decodes it, is of the JSON
// Schema type typ.
func hasType(v any, typ string) bool {
	switch v.(type) {
	case map[string]any:
		return typ == "object"
	case []any:
		return typ == "array"
	case string:
		return typ == "string"
	case bool:
		return typ == "boolean"
	case int, int64, uint64:
		return typ == "integer" || typ == "number"
	case float64:
		return typ == "number"
	case nil:
		return typ == "null"
	}
	return false
}
