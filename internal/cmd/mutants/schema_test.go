package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSchema checks the rewriting of nested conditions: every mutation is
// an insertion, the outer one opens first and closes last.
func TestSchema(t *testing.T) {
	dir := t.TempDir()
	src := "package p\n\nfunc f(a, b, c bool) bool {\n\tif a && (b || c) {\n\t\treturn true\n\t}\n\treturn a || b || c\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "p.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := schema(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := string(p.files[filepath.Join(dir, "p.go")])
	for _, want := range []string{
		"\tif tlmutIf(1, (tlmutOn(3) || (a)) && (tlmutOn(2) || (((!tlmutOn(5) && (b)) || (!tlmutOn(4) && (c)))))) {\n",
		// the left operand of the outer || is a || b, dropped whole
		"\treturn (!tlmutOn(7) && ((!tlmutOn(9) && (a)) || (!tlmutOn(8) && (b)))) || (!tlmutOn(6) && (c))\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("rewritten:\n%s\nwant the line\n%s", got, want)
		}
	}
	var whats []string
	for _, m := range p.mutants {
		whats = append(whats, m.What)
	}
	wantWhats := []string{
		"if a && (b || c) negated",
		"a && (b || c) without its right operand",
		"a && (b || c) without its left operand",
		"b || c without its right operand",
		"b || c without its left operand",
		"a || b || c without its right operand",
		"a || b || c without its left operand",
		"a || b without its right operand",
		"a || b without its left operand",
	}
	if strings.Join(whats, "\n") != strings.Join(wantWhats, "\n") {
		t.Errorf("mutants:\n%s\nwant\n%s", strings.Join(whats, "\n"), strings.Join(wantWhats, "\n"))
	}
	if _, ok := p.files[filepath.Join(dir, "tlmut_schema.go")]; !ok {
		t.Error("no switch file")
	}
}

func TestReadEquivalent(t *testing.T) {
	name := filepath.Join(t.TempDir(), "equivalent.txt")
	text := "# comment\n\n- p/a.go: x negated (line 3)\n- p/a.go: x without its left operand\n  one reason\n  on two lines\n\n- p/b.go: y negated\n  other\n"
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := readEquivalent(name)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"p/a.go: x negated":                  "one reason on two lines",
		"p/a.go: x without its left operand": "one reason on two lines",
		"p/b.go: y negated":                  "other",
	}
	if len(got) != len(want) {
		t.Errorf("got %d entries, want %d: %v", len(got), len(want), got)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %q, want %q", k, got[k], v)
		}
	}
	if err := os.WriteFile(name, []byte("- p/a.go: x negated\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readEquivalent(name); err == nil {
		t.Error("an entry without a reason was accepted")
	}
}

// TestEquivalentFile checks the project's list: every entry has a reason.
func TestEquivalentFile(t *testing.T) {
	got, err := readEquivalent("equivalent.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) == 0 {
		t.Error("equivalent.txt lists no mutant")
	}
}
