package config

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

// testRules are the rule IDs the tests' configurations may name.
var testRules = []string{"TL201", "TL202", "TL203", "TL204", "TL301"}

func TestLoadValid(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("testdata", "valid"))
	if err != nil {
		t.Fatal(err)
	}
	withDir := func(c *Config) *Config { c.Dir = dir; return c }
	def := withDir(Default())
	for _, tt := range []struct {
		file string
		want *Config
	}{
		{"empty.yml", def},
		{"comments.yml", def},
		{"empty-values.yml", def},
		{"partial.yml", withDir(func() *Config {
			c := Default()
			c.Spanend.StartFuncs = []string{"example.com/x/tracing.Start"}
			return c
		}())},
		{"aliases.yml", withDir(func() *Config {
			c := Default()
			c.Spanend.StartFuncs = []string{"example.com/x/tracing.Start"}
			c.Spanend.NoReturnFuncs = []string{"example.com/x/tracing.Start"}
			return c
		}())},
		{"full.yml", withDir(&Config{
			Enable:  []string{"TL204"},
			Disable: []string{"TL202", "TL301"},
			Spanend: Spanend{
				StartFuncs: []string{
					"example.com/x/tracing.Start",
					"(*example.com/x/tracing.Tracer).Start",
					"(go.opentelemetry.io/otel/trace.Tracer).Start",
					"(*example.com/x/tracing.Pool[T]).Get",
					"gopkg.in/yaml.v3.Unmarshal",
				},
				NoReturnFuncs: []string{"example.com/x/log.Fatal"},
				InferWrappers: false,
			},
			Ctxpropagation: Ctxpropagation{
				TestingContext:     true,
				Tests:              true,
				DetachFuncs:        []string{"(*example.com/x/server.Server).Shutdown"},
				PropagationHeaders: []string{"X-Cloud-Trace-Context"},
			},
			Attrkeys: Attrkeys{
				Registries:       []string{"telemetry/registry", "telemetry/extra.yaml"},
				Semconv:          false,
				Allow:            []string{"shop.experiment.*", "legacy_id"},
				Deny:             []DeniedKey{{Key: "http.url", Reason: "use url.full"}, {Key: "debug.*"}},
				IgnoreNamespaces: []string{"vendor.legacy"},
				MinStability:     "release_candidate",
			},
			Piiattrs: Piiattrs{
				Allow:         []string{"user.id", "shop.customer.*"},
				Redactors:     []string{"example.com/x/privacy.Redact"},
				ExtraPatterns: []PIIPattern{{Category: "credentials", Words: []string{"pin code", "tan"}}},
				Categories:    PIICategories{Credentials: true, Contact: true, PersonName: true, NetworkIdentity: true},
			},
		})},
	} {
		t.Run(tt.file, func(t *testing.T) {
			got, err := Load(filepath.Join("testdata", "valid", tt.file), testRules)
			if err != nil {
				t.Fatal(err)
			}
			got.file, got.pos = "", nil // TestErrorAt checks them
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

// brokenFiles maps each fixture in testdata/broken to its error, less the
// file name.
var brokenFiles = map[string]string{
	"unknown-key.yml":            `2:1: unknown key "foo"; allowed keys: enable, disable, spanend, ctxpropagation, attrkeys, piiattrs`,
	"unknown-nested-key.yml":     `3:3: unknown key "ignore" in spanend; allowed keys: start-funcs, no-return-funcs, infer-wrappers`,
	"misspelled-key.yml":         `2:3: unknown key "strat-funcs" in spanend; did you mean "start-funcs"?`,
	"unknown-pii-key.yml":        `2:3: unknown key "strict" in piiattrs; allowed keys: allow, redactors, extra-patterns, categories`,
	"bad-pii-category.yml":       `4:17: piiattrs.extra-patterns[0].category: unknown category "secrets"; known categories: credentials, contact, government-id, financial, person-name, birth-date, postal-address, network-identity, pseudonymous`,
	"bad-redactor.yml":           `2:15: piiattrs.redactors[0]: "Redact" is not a fully qualified function name; write "example.com/pkg.Func" or "(*example.com/pkg.Type).Method" (or, for Rust, "crate::module::func")`,
	"pattern-without-words.yml":  `3:7: piiattrs.extra-patterns[0]: missing "words"`,
	"bad-allow-glob.yml":         `2:20: attrkeys.allow[1]: "shop.[a-z]" is not an attribute key or a glob of keys; write a key such as "shop.order.id", with * for any run of characters`,
	"deny-without-key.yml":       `3:7: attrkeys.deny[0]: missing "key"`,
	"bad-namespace.yml":          `2:23: attrkeys.ignore-namespaces[0]: "vendor." is not a key namespace; write dot-separated words such as "vendor.legacy"`,
	"bad-stability.yml":          `2:18: attrkeys.min-stability: "stabel" is not a stability level; write one of development, alpha, beta, release_candidate, stable`,
	"bad-detach-func.yml":        `2:18: ctxpropagation.detach-funcs[0]: "Shutdown" is not a fully qualified function name; write "example.com/pkg.Func" or "(*example.com/pkg.Type).Method" (or, for Rust, "crate::module::func")`,
	"wrong-type-bool.yml":        `2:19: spanend.infer-wrappers: expected a boolean (true or false), got "yes please"`,
	"wrong-type-yes.yml":         `2:19: spanend.infer-wrappers: expected a boolean (true or false), got "yes"`,
	"wrong-type-quoted-bool.yml": `2:19: spanend.infer-wrappers: expected a boolean (true or false), got the string "false"`,
	"wrong-type-list.yml":        `1:9: enable: expected a list of rule IDs, got "TL204"`,
	"mapping-for-list.yml":       `2:3: disable: expected a list of rule IDs, got a mapping`,
	"mapping-for-func-list.yml":  `3:5: spanend.start-funcs: expected a list of strings, got a mapping`,
	"list-item-type.yml":         `4:7: spanend.start-funcs[1]: expected a string, got a list`,
	"empty-list-item.yml":        `3:4: disable[1]: expected a string, got an empty value`,
	"section-scalar.yml":         `1:10: spanend: expected a mapping, got "true"`,
	"top-level-list.yml":         `1:1: expected a mapping of options at the top level, got a list`,
	"unknown-rule.yml":           `4:5: unknown rule "TL299" in disable; known rules: TL201, TL202, TL203, TL204, TL301`,
	"unknown-rule-flow.yml":      `1:17: unknown rule "tl202" in enable; did you mean "TL202"?`,
	"bad-start-func.yml":         `4:7: spanend.start-funcs[1]: "Start" is not a fully qualified function name; write "example.com/pkg.Func" or "(*example.com/pkg.Type).Method" (or, for Rust, "crate::module::func")`,
	"bad-no-return-func.yml":     `2:21: spanend.no-return-funcs[0]: "*example.com/x/log.Logger.Fatal" is not a fully qualified function name; write "example.com/pkg.Func" or "(*example.com/pkg.Type).Method" (or, for Rust, "crate::module::func")`,
	"duplicate-key.yml":          `3:1: duplicate key "enable"; first defined at line 1`,
	"duplicate-nested-key.yml":   `4:3: duplicate key "infer-wrappers" in spanend; first defined at line 2`,
	"two-documents.yml":          `2:1: found a second YAML document; a configuration file holds only one`,

	// Syntax errors are placed where the yaml parser (v4's) finds the
	// problem, with what it was reading when that began elsewhere.
	"syntax-error.yml":            `3:17: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence started at line 2, column 16)`,
	"syntax-error-first-line.yml": `1:16: invalid YAML: mapping values are not allowed in this context`,
	"syntax-error-indent.yml":     `4:2: invalid YAML: did not find expected key (while parsing a block mapping started at line 1, column 1)`,
	"syntax-error-scanner.yml":    `5:1: invalid YAML: found unexpected end of stream (while scanning a quoted scalar started at line 4, column 7)`,
	"tab-indent.yml":              `2:1: invalid YAML: found character that cannot start any token (a tab; indent with spaces)`,
	"tab-indent-nested.yml":       `3:1: invalid YAML: found a tab character that violates indentation; indent with spaces`,
	"unknown-anchor.yml":          `2:16: invalid YAML: unknown anchor 'funcs' referenced`,
}

func TestLoadBroken(t *testing.T) {
	entries, err := os.ReadDir(filepath.Join("testdata", "broken"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if _, ok := brokenFiles[e.Name()]; !ok {
			t.Errorf("testdata/broken/%s has no expected error in brokenFiles", e.Name())
		}
	}
	for file, want := range brokenFiles {
		t.Run(file, func(t *testing.T) {
			path := filepath.Join("testdata", "broken", file)
			_, err := Load(path, testRules)
			checkError(t, err, path+":"+want)
		})
	}
}

// checkError checks that err is an *Error for the file with the message want.
func checkError(t *testing.T, err error, want string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want %s", want)
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v is a %T, want *Error", err, err)
	}
	if got := err.Error(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestParse(t *testing.T) {
	for _, tt := range []struct {
		name, src, want string // want is the error, or "" for none
	}{
		{"null document", "~\n", ""},
		{"document markers", "---\nenable: [TL204]\n...\n", ""},
		{"crlf", "enable:\r\n  - TL204\r\n", ""},
		{"crlf error", "enable:\r\n  - TL204\r\n  - TL999\r\n", `c.yml:3:5: unknown rule "TL999" in enable; known rules: TL201, TL202, TL203, TL204, TL301`},
		{"scalar document", "hello\n", `c.yml:1:1: expected a mapping of options at the top level, got "hello"`},
		{"empty flow key", "{}: x\n", `c.yml:1:1: expected a key, got a mapping`},
		{"quoted merge key is a key", "'<<': {}\n", `c.yml:1:1: unknown key "<<"; allowed keys: enable, disable, spanend, ctxpropagation, attrkeys, piiattrs`},
		{"merge key", "spanend: {<<: {infer-wrappers: false}, start-funcs: []}\n", `c.yml:1:11: unknown key "<<" in spanend; allowed keys: start-funcs, no-return-funcs, infer-wrappers`},
		{"alias for a rule", "enable: [&r TL204]\ndisable: [*r, TL299]\n", `c.yml:2:15: unknown rule "TL299" in disable; known rules: TL201, TL202, TL203, TL204, TL301`},
		{"alias to a wrong type", "enable: [&r TL204]\ndisable: *r\n", `c.yml:2:10: disable: expected a list of rule IDs, got "TL204"`},
		{"alias to a bad rule", "spanend: &s {start-funcs: [&f Start]}\nenable: [*f]\n", `c.yml:1:28: spanend.start-funcs[0]: "Start" is not a fully qualified function name; write "example.com/pkg.Func" or "(*example.com/pkg.Type).Method" (or, for Rust, "crate::module::func")`},
		// A misspelt key or rule ID names the one it most likely stands for.
		{"key in snake case", "spanend: {infer_wrappers: false}\n", `c.yml:1:11: unknown key "infer_wrappers" in spanend; did you mean "infer-wrappers"?`},
		{"key in camel case", "spanend: {inferWrappers: false}\n", `c.yml:1:11: unknown key "inferWrappers" in spanend; did you mean "infer-wrappers"?`},
		{"key lower-cased", "spanend: {inferwrappers: false}\n", `c.yml:1:11: unknown key "inferwrappers" in spanend; did you mean "infer-wrappers"?`},
		{"misspelt section", "spanned: {}\n", `c.yml:1:1: unknown key "spanned"; did you mean "spanend"?`},
		{"short key", "piiattrs: {alow: []}\n", `c.yml:1:12: unknown key "alow" in piiattrs; did you mean "allow"?`},
		{"no near key", "spanend: {ignore: true}\n", `c.yml:1:11: unknown key "ignore" in spanend; allowed keys: start-funcs, no-return-funcs, infer-wrappers`},
		{"letter O for zero", "enable: [TL2O1]\n", `c.yml:1:10: unknown rule "TL2O1" in enable; did you mean "TL201"?`},
		{"rule in lower case", "disable: [tl301]\n", `c.yml:1:11: unknown rule "tl301" in disable; did you mean "TL301"?`},
		{"rule one edit off", "disable: [TL3O]\n", `c.yml:1:11: unknown rule "TL3O" in disable; did you mean "TL301"?`},
		{"rule near several", "enable: [TL20]\n", `c.yml:1:10: unknown rule "TL20" in enable; known rules: TL201, TL202, TL203, TL204, TL301`},
		{"rule near none", "enable: [TL999]\n", `c.yml:1:10: unknown rule "TL999" in enable; known rules: TL201, TL202, TL203, TL204, TL301`},
		{"long value", "spanend: {infer-wrappers: " + strings.Repeat("x", 50) + "}\n", `c.yml:1:27: spanend.infer-wrappers: expected a boolean (true or false), got "` + strings.Repeat("x", 37) + `..."`},
		// The yaml packages do not say where these are; yamlfile finds them.
		{"invalid utf-8", "enable: [TL204]\ndisable: [\xff]\n", `c.yml:2:11: invalid YAML: byte 0xFF is not UTF-8`},
		{"control character", "enable: [TL204]\n# \x01\n", `c.yml:2:3: invalid YAML: the control character U+0001 is not allowed`},
		{"control character after non-ASCII", "# é\r\n# ü\x7f\n", `c.yml:2:4: invalid YAML: the control character U+007F is not allowed`},
		{"tab after non-ASCII", "# é\nspanend:\n  start-funcs: [é]\n\tinfer-wrappers: true\n", `c.yml:4:1: invalid YAML: found character that cannot start any token (a tab; indent with spaces)`},
		{"second empty document", "enable: [TL204]\n---\n", `c.yml:2:1: found a second YAML document; a configuration file holds only one`},
		{"self-referencing anchor", "enable: &a [*a]\n", `c.yml:1:13: enable[0]: expected a string, got a list`},
		{"self-merge", "spanend: &s {<<: *s}\n", `c.yml:1:10: invalid YAML: anchor 's' value contains itself`},
		{"self-merge nested", "spanend:\n  start-funcs: []\nattrkeys: {deny: [&d {<<: *d}]}\n", `c.yml:3:19: invalid YAML: anchor 'd' value contains itself`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := Parse([]byte(tt.src), "c.yml", testRules)
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				if cfg == nil {
					t.Fatal("nil Config")
				}
				return
			}
			checkError(t, err, tt.want)
		})
	}
}

// TestErrorAt checks that an error about a value names where it is
// written, when the configuration was read from a file.
func TestErrorAt(t *testing.T) {
	src := "attrkeys:\n  registries:\n    - a\n    - &b b\n  allow: [*b]\n"
	cfg, err := Parse([]byte(src), "c.yml", testRules)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ path, want string }{
		{"attrkeys.registries[0]", "c.yml:3:7: bad"},
		{"attrkeys.registries[1]", "c.yml:4:7: bad"},
		{"attrkeys.allow[0]", "c.yml:5:11: bad"}, // the alias, not its anchor
		{"attrkeys.registries", "c.yml:3:5: bad"},
		{"attrkeys.semconv", "attrkeys.semconv: bad"}, // not in the file
	} {
		if got := cfg.ErrorAt(tt.path, "%s", "bad").Error(); got != tt.want {
			t.Errorf("ErrorAt(%q) = %s, want %s", tt.path, got, tt.want)
		}
	}
	// golangci-lint's settings have no positions worth naming.
	cfg, err = ParseSettings([]byte(`{"attrkeys":{"registries":["a"]}}`), "/cfg", testRules)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := cfg.ErrorAt("attrkeys.registries[0]", "bad").Error(), "attrkeys.registries[0]: bad"; got != want {
		t.Errorf("settings: ErrorAt = %s, want %s", got, want)
	}
	if got, want := Default().ErrorAt("attrkeys.registries[0]", "bad").Error(), "attrkeys.registries[0]: bad"; got != want {
		t.Errorf("defaults: ErrorAt = %s, want %s", got, want)
	}
}

func TestParseEmpty(t *testing.T) {
	cfg, err := Parse(nil, "", testRules)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(cfg, Default()) {
		t.Errorf("got %+v, want the defaults", cfg)
	}
}

func TestParseNoRules(t *testing.T) {
	_, err := Parse([]byte("enable: [TL204]\n"), "c.yml", nil)
	checkError(t, err, `c.yml:1:10: unknown rule "TL204" in enable; known rules: none`)
}

// TestLoadPaths checks the errors for a path that names no file Load can
// read, as a -config flag may.
func TestLoadPaths(t *testing.T) {
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "conf")
	withFile := filepath.Join(tmp, "repo")
	dangling := filepath.Join(tmp, "shared.yml")
	for _, d := range []string{dir, withFile} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(withFile, FileName), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join("team", "tracelint.yml"), dangling); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ path, want string }{
		{filepath.Join(tmp, "nothere.yml"), ": configuration file not found"},
		{dangling, `: configuration file not found: it is a symbolic link to "team/tracelint.yml", which does not exist`},
		{dir, ": is a directory, not a configuration file"},
		{withFile, ": is a directory, not a configuration file; did you mean " + filepath.Join(withFile, FileName) + "?"},
	} {
		_, err := Load(tt.path, testRules)
		checkError(t, err, tt.path+tt.want)
	}
}

func TestErrorString(t *testing.T) {
	for _, tt := range []struct {
		err  Error
		want string
	}{
		{Error{File: "a.yml", Line: 3, Col: 7, Msg: "m"}, "a.yml:3:7: m"},
		{Error{File: "a.yml", Line: 3, Msg: "m"}, "a.yml:3: m"},
		{Error{File: "a.yml", Msg: "m"}, "a.yml: m"},
		{Error{Msg: "m"}, "m"},
	} {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("%+v.Error() = %q, want %q", tt.err, got, tt.want)
		}
	}
}

// TestSchema keeps the schema within what the walk supports, with the
// tags it reads, and the value checks in step with it: a renamed option must
// not lose its check silently.
func TestSchema(t *testing.T) {
	tagRE := regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)
	var keys []string
	var walk func(typ reflect.Type, prefix string)
	walk = func(typ reflect.Type, prefix string) {
		for sf := range typ.Fields() {
			if !sf.IsExported() {
				continue
			}
			if y, j := sf.Tag.Get("yaml"), sf.Tag.Get("json"); y != j || y != "-" && !tagRE.MatchString(y) {
				t.Errorf("%s.%s: yaml tag %q and json tag %q, want the same kebab-case name", typ, sf.Name, y, j)
			}
		}
		for _, f := range fieldsOf(typ) {
			keys = append(keys, prefix+f.name)
			ft := f.typ
			for ft.Kind() == reflect.Slice {
				ft = ft.Elem()
			}
			if _, ok := kinds[ft.Kind()]; !ok {
				t.Errorf("option %s%s has type %s, which the walk does not support", prefix, f.name, f.typ)
			}
			if ft.Kind() == reflect.Struct {
				walk(ft, prefix+f.name+".")
			}
		}
	}
	walk(reflect.TypeFor[Config](), "")
	for key := range checks {
		if !slices.Contains(keys, key) {
			t.Errorf("checks has %q, which is not an option; options: %s", key, strings.Join(keys, ", "))
		}
	}
}

func TestFuncNameRE(t *testing.T) {
	for _, tt := range []struct {
		name string
		ok   bool
	}{
		{"fmt.Println", true},
		{"example.com/x/tracing.Start", true},
		{"gopkg.in/yaml.v3.Unmarshal", true},
		{"example.com/x-y/v2/tracing_util.Start_2", true},
		{"(*example.com/x/tracing.Tracer).Start", true},
		{"(example.com/x/tracing.Tracer).Start", true},
		{"(*example.com/x/tracing.Pool[T, U]).Get", true},
		{"example.com/x/trâce.Stårt", true},
		{"Start", false},
		{"tracing.", false},
		{".Start", false},
		{"example.com/x/tracing.Start()", false},
		{"*example.com/x/tracing.Tracer.Start", false},
		{"(*example.com/x/tracing.Tracer.Start)", false},
		{"(**example.com/x/tracing.Tracer).Start", false},
		{"(*Tracer).Start", false},
		{"example.com/x/tracing.Start ", false},
		{"example.com//tracing.Start", false},
	} {
		if got := funcNameRE.MatchString(tt.name); got != tt.ok {
			t.Errorf("funcNameRE.MatchString(%q) = %v, want %v", tt.name, got, tt.ok)
		}
	}
}

// The walk is generic over the schema: these types stand for options that
// later sections may add.
type (
	genericSection struct {
		Level  int       `yaml:"level" json:"level"`
		Name   string    `yaml:"name" json:"name"`
		Strict bool      `yaml:"strict" json:"strict"`
		Keys   []keySpec `yaml:"keys" json:"keys"`
		Hidden string    `yaml:"-" json:"-"`
	}
	keySpec struct {
		Key string `yaml:"key" json:"key"`
		Max int    `yaml:"max" json:"max"`
	}
	// unsupported has options of types the walk does not check.
	unsupported struct {
		Ratio  float64           `yaml:"ratio" json:"ratio"`
		Labels map[string]string `yaml:"labels" json:"labels"`
		Strict *bool             `yaml:"strict" json:"strict"`
		Wait   time.Duration     `yaml:"wait" json:"wait"`
	}
)

func TestWalkGeneric(t *testing.T) {
	for _, tt := range []struct {
		name, src, want string // want is the error, or "" for none
		typ             reflect.Type
	}{
		{"all", "level: 3\nname: n\nstrict: false\nkeys: [{key: a, max: 3}]\n", "", nil},
		{"alias in a list", "keys:\n  - &k {key: a, max: 1}\n  - *k\n", "", nil},
		{"float for int", "level: 1.5\n", `g.yml:1:8: x.level: expected an integer, got "1.5"`, nil},
		{"overflow", "level: 99999999999999999999\n", `g.yml:1:8: x.level: expected an integer, got "99999999999999999999"`, nil},
		{"unknown key in a list item", "keys:\n  - key: a\n  - key: b\n    mx: 3\n", `g.yml:4:5: unknown key "mx" in x.keys[1]; did you mean "max"?`, nil},
		{"mapping for list of mappings", "keys: {key: a}\n", `g.yml:1:7: x.keys: expected a list of mappings, got a mapping`, nil},
		{"scalar for list item", "keys: [a]\n", `g.yml:1:8: x.keys[0]: expected a mapping, got "a"`, nil},
		{"anchor in a list", "keys:\n  - &k {kye: a}\n", `g.yml:2:9: unknown key "kye" in x.keys[0]; allowed keys: key, max`, nil},
		{"hidden", "hidden: x\n", `g.yml:1:1: unknown key "hidden" in x; allowed keys: level, name, strict, keys`, nil},
		{"float", "ratio: 0.5\n", `g.yml:1:8: x.ratio: internal error: the configuration loader does not support options of type float64`, reflect.TypeFor[unsupported]()},
		{"map", "labels: {a: b}\n", `g.yml:1:9: x.labels: internal error: the configuration loader does not support options of type map[string]string`, reflect.TypeFor[unsupported]()},
		{"pointer", "strict: true\n", `g.yml:1:9: x.strict: internal error: the configuration loader does not support options of type *bool`, reflect.TypeFor[unsupported]()},
		{"empty pointer", "strict:\n", `g.yml:1:8: x.strict: internal error: the configuration loader does not support options of type *bool`, reflect.TypeFor[unsupported]()},
		{"duration", "wait: 1m\n", `g.yml:1:7: x.wait: internal error: the configuration loader does not support options of type time.Duration`, reflect.TypeFor[unsupported]()},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var doc yaml.Node
			if err := yaml.Unmarshal([]byte(tt.src), &doc); err != nil {
				t.Fatal(err)
			}
			typ := tt.typ
			if typ == nil {
				typ = reflect.TypeFor[genericSection]()
			}
			w := &walker{file: "g.yml"}
			err := w.value(doc.Content[0], typ, loc{key: "x", path: "x"})
			if tt.want != "" {
				checkError(t, err, tt.want)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			// What the walk passes, Decode takes.
			var v genericSection
			if err := doc.Decode(&v); err != nil {
				t.Errorf("Decode: %v", err)
			}
		})
	}
}

// TestAliasBomb checks that aliases cannot make a small file a huge tree:
// yaml's Decode refuses it before the walk follows the aliases.
func TestAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("spanend:\n  <<:\n    - &a0 {infer-wrappers: true}\n")
	for i := 1; i < 12; i++ {
		b.WriteString("    - &a" + strconv.Itoa(i) + " {<<: [")
		for j := range 10 {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a" + strconv.Itoa(i-1))
		}
		b.WriteString("]}\n")
	}
	start := time.Now()
	_, err := Parse([]byte(b.String()), "bomb.yml", testRules)
	checkError(t, err, "bomb.yml:1: invalid YAML: document contains excessive aliasing")
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v", d)
	}
}

func FuzzParse(f *testing.F) {
	for _, dir := range []string{"valid", "broken"} {
		files, _ := filepath.Glob(filepath.Join("testdata", dir, "*.yml"))
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	f.Add([]byte("spanend: {<<: [&a {infer-wrappers: true}, {<<: [*a, *a]}]}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := Parse(data, "fuzz.yml", testRules)
		if err == nil {
			if cfg == nil {
				t.Fatal("nil Config and nil error")
			}
			return
		}
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("error %v is a %T, want *Error", err, err)
		}
		if e.File != "fuzz.yml" || e.Msg == "" || e.Line < 0 || e.Col < 0 {
			t.Fatalf("bad error %#v", e)
		}
		// Count every line break the YAML scanner knows, CRLF twice: an
		// upper bound is enough.
		last := 1
		for _, br := range []string{"\n", "\r", "\u0085", "\u2028", "\u2029"} {
			last += bytes.Count(data, []byte(br))
		}
		if e.Line > last+1 {
			t.Fatalf("error %v is past the end, line %d", err, last)
		}
	})
}

func TestParseSettings(t *testing.T) {
	cfg, err := ParseSettings([]byte(`{"enable":["TL204"],"attrkeys":{"registries":["reg"]}}`), "/cfg", testRules)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Dir != "/cfg" || !slices.Equal(cfg.Enable, []string{"TL204"}) || !cfg.Spanend.InferWrappers || cfg.Attrkeys.Registries[0] != "reg" {
		t.Errorf("got %+v", cfg)
	}
	for _, empty := range []string{"", "null", " \n"} {
		cfg, err := ParseSettings([]byte(empty), "/cfg", testRules)
		if err != nil || cfg.Dir != "/cfg" || !cfg.Attrkeys.Semconv {
			t.Errorf("ParseSettings(%q) = %+v, %v; want the defaults", empty, cfg, err)
		}
	}
	_, err = ParseSettings([]byte(`{"spanend":{"infer-wrapers":true}}`), "", testRules)
	if err == nil || err.Error() != `unknown key "infer-wrapers" in spanend; did you mean "infer-wrappers"?` {
		t.Errorf("got %v", err)
	}
}

// TestRustOnlyRules checks that a configuration written for Go and Rust
// services alike may name the Rust-only lints, whatever rule IDs the
// caller knows.
func TestRustOnlyRules(t *testing.T) {
	cfg, err := Parse([]byte("disable: [span_guard_across_await, TL201]\n"), "c.yml", []string{"TL201"})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(cfg.Disable, "span_guard_across_await") {
		t.Errorf("disable = %v", cfg.Disable)
	}
	if _, err := Parse([]byte("disable: [span_guard_across_wait]\n"), "c.yml", []string{"TL201"}); err == nil {
		t.Error("a misspelt lint name was accepted")
	}
}
