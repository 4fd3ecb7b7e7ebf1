// Package mirror checks that one registry and one configuration give the
// same findings for the same keys in Go and in Rust: the testdata module's
// package mirror and the Rust service
// testdata/rustservice record the same keys with values of the same types,
// and the Go analyzers and the Rust checker must agree on each key's rule.
package mirror

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/tracelint/tracelint"
	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/driver"
	"github.com/tracelint/tracelint/internal/rust/lint"
	"github.com/tracelint/tracelint/internal/rust/treesitter"
)

// testdata is the testdata module, which holds both services and their
// .tracelint.yml.
var testdata = filepath.Join("..", "..", "..", "testdata")

// want is what both sides must report, as "rule key", sorted: written out,
// so that the test fails when both sides regress together.
var want = []string{
	"TL301 auth.password",       // not in the registry
	"TL301 http.request.methd",  // a misspelt semantic conventions key
	"TL301 order.contact",       // not in the registry
	"TL301 shop.order.totl",     // a misspelt registry key
	"TL302 shop.order.total",    // a double recorded as a string
	"TL303 shop.order.amount",   // deprecated, renamed to shop.order.total
	"TL306 shop.payment.method", // "cards", near the member "card"
	"TL401 auth.password",       // a password
	"TL402 user.email",          // personal data under a personal key
	"TL403 order.contact",       // customer's email under a neutral key
}

func TestSameFindings(t *testing.T) {
	if !treesitter.Available {
		t.Skip("the Rust checker needs cgo")
	}
	rust := rustFindings(t)
	golang := goFindings(t) // last: it changes the working directory
	if !slices.Equal(rust, golang) {
		t.Errorf("the Go and the Rust service give different findings\nGo:\n\t%s\nRust:\n\t%s",
			strings.Join(golang, "\n\t"), strings.Join(rust, "\n\t"))
	}
	for side, got := range map[string][]string{"Go": golang, "Rust": rust} {
		if !slices.Equal(got, want) {
			t.Errorf("%s findings:\n\t%s\nwant:\n\t%s", side, strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
		}
	}
}

// rustFindings runs the Rust checker on testdata/rustservice/src/*.rs, with
// testdata/.tracelint.yml plus the Rust path of its redactor.
func rustFindings(t *testing.T) []string {
	c, err := lint.Load(filepath.Join(testdata, config.FileName))
	if err != nil {
		t.Fatal(err)
	}
	p, err := treesitter.New()
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	files, err := filepath.Glob(filepath.Join(testdata, "rustservice", "src", "*.rs"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no Rust files: %v", err)
	}
	var out []string
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		root, err := p.Parse(src)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, f := range c.File(path, src, root) {
			out = appendKeyed(t, out, f.Rule, f.Message, fmt.Sprintf("%s:%d", f.Pos.File, f.Pos.Line))
		}
	}
	slices.Sort(out)
	return out
}

// goFindings runs the command's driver, with the suite's analyzers, on
// the Go service's package in the testdata module, which finds its
// .tracelint.yml by walking up as the command does. It lies outside
// ./service/..., whose findings cmd/tracelint's tests compare with golden
// files.
func goFindings(t *testing.T) []string {
	t.Chdir(testdata)
	suite := driver.Suite{
		Analyzers: tracelint.Analyzers(config.NewFinder("", tracelint.RuleIDs())),
		Rules:     tracelint.Rules(),
	}
	var stdout, stderr bytes.Buffer
	code := driver.Main(suite, []string{"-format", "json", "./mirror/"}, &stdout, &stderr)
	if code != 3 {
		t.Fatalf("tracelint: exit code %d, want 3 (findings)\n%s%s", code, stdout.String(), stderr.String())
	}
	// {"pkgID": {"analyzer": [diagnostic, ...] or {"error": "..."}}}
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal(stdout.Bytes(), &tree); err != nil {
		t.Fatalf("tracelint printed no JSON tree: %v\n%s", err, stdout.String())
	}
	var out []string
	for pkg, byAnalyzer := range tree {
		for analyzer, raw := range byAnalyzer {
			var diags []struct{ Category, Posn, Message string }
			if err := json.Unmarshal(raw, &diags); err != nil {
				t.Fatalf("%s: %s: %s", pkg, analyzer, raw)
			}
			for _, d := range diags {
				out = appendKeyed(t, out, d.Category, d.Message, d.Posn)
			}
		}
	}
	slices.Sort(out)
	return out
}

// keyRE matches the key a message names, quoted after the word that
// introduces it, as both sides write it: attribute key "k" and attribute
// "k" (Go), span field "k" and attribute "k" (Rust), the value x of
// attribute "k" or of span field "k" (TL403), the enum "k" (TL306).
var keyRE = regexp.MustCompile(`\b(?:field|attribute|key|enum) ("(?:[^"\\]|\\.)*")`)

// keyedRule matches the rules about keys and personal data, which both
// sides report: TL301–TL306 and TL401–TL406.
var keyedRule = regexp.MustCompile(`^TL[34]0[1-6]$`)

// appendKeyed appends "rule key" for a finding of a keyed rule; at is the
// finding's place, for errors.
func appendKeyed(t *testing.T, out []string, rule, msg, at string) []string {
	t.Helper()
	if !keyedRule.MatchString(rule) {
		return out
	}
	m := keyRE.FindStringSubmatch(msg)
	if m == nil {
		t.Errorf("%s: %s: no quoted key in %q", at, rule, msg)
		return out
	}
	key, err := strconv.Unquote(m[1])
	if err != nil {
		t.Errorf("%s: %s: %v in %q", at, rule, err, msg)
		return out
	}
	return append(out, fmt.Sprintf("%s %s", rule, key))
}
