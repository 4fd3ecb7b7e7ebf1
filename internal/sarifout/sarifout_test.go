package sarifout_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tracelint/tracelint"
	"github.com/tracelint/tracelint/internal/finding"
	"github.com/tracelint/tracelint/internal/rules"
	"github.com/tracelint/tracelint/internal/sarifout"
)

// catalogue is a small rule catalogue for the tests.
var catalogue = []*rules.Rule{
	{ID: "TL201", Analyzer: "spanend", Title: "end every span on every path", Why: "A span is exported only when it `End`s.",
		Bad: "span.Start()", Good: "defer span.End()", Default: true, Autofix: true},
	{ID: "TL304", Analyzer: "attrkeys", Title: "use the key's API name", Why: "Keys drift.", DefaultIfDoc: "with a contract"},
	{ID: "TL406", Analyzer: "piiattrs", Title: "review pseudonymous identifiers in telemetry", Why: "Hashes are personal data too."},
}

// src is the file the findings of the tests are in: line 3 holds non-ASCII
// text before the finding's column.
const src = "package svc\n\nvar s = \"é𝄞\"; var t = x\n\nfunc F() {\n\tspan := start()\n}\n"

func pos(line, col int) finding.Position {
	off := 0
	for l := 1; l < line; l++ {
		off += strings.IndexByte(src[off:], '\n') + 1
	}
	return finding.Position{File: "svc/a.go", Line: line, Column: col, Offset: off + col - 1}
}

// spanFinding is a TL201 finding with a related place and a fix.
func spanFinding() finding.Finding {
	return finding.Finding{
		Rule: "TL201", Analyzer: "spanend", Package: "example.com/svc",
		Pos: pos(6, 2), End: pos(6, 6),
		Message: `span "span" is not ended on the path through line 7 (TL201)`,
		URL:     "https://example.com/TL201.md",
		Related: []finding.Related{{Pos: pos(7, 1), End: pos(7, 2), Message: "the span leaks here"}},
		Fixes: []finding.Fix{{Message: "Add defer span.End()", Edits: []finding.Edit{
			{Pos: pos(7, 1), End: pos(7, 1), NewText: "\tdefer span.End()\n"},
			{Pos: pos(6, 2), End: pos(6, 6)},
		}}},
		Func: "F", LineText: "span := start()",
	}
}

// write writes fs in a temporary working directory holding svc/a.go and
// returns the decoded log and the directory.
func write(t *testing.T, fs []finding.Finding, cat []*rules.Rule, version string) (map[string]any, string) {
	t.Helper()
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.MkdirAll("svc", 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("svc/a.go", []byte(src), 0o666); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := sarifout.Write(&buf, fs, cat, version); err != nil {
		t.Fatal(err)
	}
	var log map[string]any
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatalf("%v\n%s", err, buf.Bytes())
	}
	return log, dir
}

// get follows a path of keys and indexes into a decoded log; "" when it
// leads nowhere. Numbers are formatted as integers.
func get(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				return nil
			}
			v = m[k]
		case int:
			a, ok := v.([]any)
			if !ok || k >= len(a) {
				return nil
			}
			v = a[k]
		}
	}
	if f, ok := v.(float64); ok {
		return int(f)
	}
	return v
}

func TestStructure(t *testing.T) {
	log, dir := write(t, []finding.Finding{spanFinding()}, catalogue, "v1.4.0")
	run := get(log, "runs", 0)
	for _, tc := range []struct {
		path []any
		want any
	}{
		{[]any{"version"}, "2.1.0"},
		{[]any{"runs", 1}, nil},
		{[]any{"tool", "driver", "name"}, "tracelint"},
		{[]any{"tool", "driver", "version"}, "1.4.0"},
		{[]any{"tool", "driver", "semanticVersion"}, "1.4.0"},
		{[]any{"tool", "driver", "informationUri"}, "https://github.com/tracelint/tracelint"},
		{[]any{"columnKind"}, "utf16CodeUnits"},
		{[]any{"originalUriBaseIds", "%SRCROOT%", "uri"}, (&url.URL{Scheme: "file", Path: filepath.ToSlash(dir) + "/"}).String()},
		{[]any{"invocations", 0, "executionSuccessful"}, true},

		// Every rule of the catalogue, in its order, described.
		{[]any{"tool", "driver", "rules", 3}, nil},
		{[]any{"tool", "driver", "rules", 0, "id"}, "TL201"},
		{[]any{"tool", "driver", "rules", 0, "name"}, "EndEverySpanOnEveryPath"},
		{[]any{"tool", "driver", "rules", 0, "shortDescription", "text"}, "end every span on every path"},
		{[]any{"tool", "driver", "rules", 0, "fullDescription", "text"}, "A span is exported only when it Ends."},
		{[]any{"tool", "driver", "rules", 0, "fullDescription", "markdown"}, "A span is exported only when it `End`s."},
		{[]any{"tool", "driver", "rules", 0, "help", "text"}, "A span is exported only when it Ends."},
		{[]any{"tool", "driver", "rules", 0, "help", "markdown"}, "A span is exported only when it `End`s.\n\nReported:\n\n```go\nspan.Start()\n```\n\nAccepted:\n\n```go\ndefer span.End()\n```\n\nSee [TL201](" + rules.DocsBase + "TL201.md)."},
		{[]any{"tool", "driver", "rules", 0, "helpUri"}, rules.DocsBase + "TL201.md"},
		{[]any{"tool", "driver", "rules", 0, "defaultConfiguration", "level"}, "warning"},
		{[]any{"tool", "driver", "rules", 0, "properties", "default"}, "on"},
		{[]any{"tool", "driver", "rules", 0, "properties", "autofix"}, true},
		{[]any{"tool", "driver", "rules", 0, "properties", "tags", 0}, "spanend"},
		{[]any{"tool", "driver", "rules", 1, "name"}, "UseTheKeysApiName"},
		{[]any{"tool", "driver", "rules", 1, "properties", "default"}, "on with a contract"},
		{[]any{"tool", "driver", "rules", 2, "properties", "default"}, "off"},

		// The result.
		{[]any{"results", 1}, nil},
		{[]any{"results", 0, "ruleId"}, "TL201"},
		{[]any{"results", 0, "ruleIndex"}, 0},
		{[]any{"results", 0, "level"}, "warning"},
		{[]any{"results", 0, "message", "text"}, `span "span" is not ended on the path through line 7 (TL201).`},
		{[]any{"results", 0, "locations", 0, "physicalLocation", "artifactLocation", "uri"}, "svc/a.go"},
		{[]any{"results", 0, "locations", 0, "physicalLocation", "artifactLocation", "uriBaseId"}, "%SRCROOT%"},
		{[]any{"results", 0, "locations", 0, "physicalLocation", "artifactLocation", "index"}, nil},
		{[]any{"results", 0, "locations", 0, "physicalLocation", "region"}, map[string]any{"startLine": 6.0, "startColumn": 2.0, "endLine": 6.0, "endColumn": 6.0}},
		{[]any{"results", 0, "locations", 0, "logicalLocations", 0, "name"}, "F"},
		{[]any{"results", 0, "locations", 0, "logicalLocations", 0, "fullyQualifiedName"}, "example.com/svc.F"},
		{[]any{"results", 0, "locations", 0, "logicalLocations", 0, "kind"}, "function"},
		{[]any{"results", 0, "relatedLocations", 0, "id"}, 0},
		{[]any{"results", 0, "relatedLocations", 0, "message", "text"}, "the span leaks here."},
		{[]any{"results", 0, "relatedLocations", 0, "physicalLocation", "region"}, map[string]any{"startLine": 7.0, "startColumn": 1.0, "endLine": 7.0, "endColumn": 2.0}},
		{[]any{"results", 0, "fixes", 0, "description", "text"}, "Add defer span.End()."},
		{[]any{"results", 0, "fixes", 0, "artifactChanges", 1}, nil},
		{[]any{"results", 0, "fixes", 0, "artifactChanges", 0, "artifactLocation", "uri"}, "svc/a.go"},
		{[]any{"results", 0, "fixes", 0, "artifactChanges", 0, "replacements", 0, "deletedRegion"}, map[string]any{"startLine": 7.0, "startColumn": 1.0, "endLine": 7.0, "endColumn": 1.0}},
		{[]any{"results", 0, "fixes", 0, "artifactChanges", 0, "replacements", 0, "insertedContent", "text"}, "\tdefer span.End()\n"},
		{[]any{"results", 0, "fixes", 0, "artifactChanges", 0, "replacements", 1, "insertedContent"}, nil},
	} {
		v := get(run, tc.path...)
		if tc.path[0] == "version" {
			v = get(log, tc.path...)
		}
		if fmt.Sprint(v) != fmt.Sprint(tc.want) {
			t.Errorf("%v = %v, want %v", tc.path, v, tc.want)
		}
	}
	if fp := fingerprint(t, get(run, "results", 0)); !strings.HasSuffix(fp, ":1") || len(fp) < 20 {
		t.Errorf("partial fingerprint %q, want a hash and its ordinal :1", fp)
	}
}

func fingerprint(t *testing.T, result any) string {
	t.Helper()
	fp, _ := get(result, "partialFingerprints", "tracelintFunctionLine/v1").(string)
	return fp
}

// nolintURL is where the command line documents //nolint directives.
const nolintURL = "https://github.com/tracelint/tracelint#suppressing-findings"

// TestCatalogue checks that every rule of the real catalogue is described,
// found or not, and that TL000 joins it only when a finding needs it.
func TestCatalogue(t *testing.T) {
	all := tracelint.Rules()
	for _, tc := range []struct {
		name      string
		fs        []finding.Finding
		wantRules int
		wantFirst string
	}{
		{"no findings", nil, len(all), all[0].ID},
		{"a rule's finding", []finding.Finding{spanFinding()}, len(all), all[0].ID},
		{"a nolint finding", []finding.Finding{spanFinding(), {Rule: "TL000", Pos: pos(3, 1), End: pos(3, 5), Message: "//nolint:TL999 names no rule (TL000)", URL: nolintURL}}, len(all) + 1, "TL000"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			log, _ := write(t, tc.fs, all, "v1.0.0")
			run := get(log, "runs", 0)
			rs, _ := get(run, "tool", "driver", "rules").([]any)
			if len(rs) != tc.wantRules || get(rs, 0, "id") != tc.wantFirst {
				t.Fatalf("%d rules starting with %v, want %d starting with %s", len(rs), get(rs, 0, "id"), tc.wantRules, tc.wantFirst)
			}
			for i, r := range rs {
				for _, key := range []string{"id", "name", "shortDescription", "fullDescription", "help"} {
					if get(r, key) == nil {
						t.Errorf("rule %d (%v) has no %s", i, get(r, "id"), key)
					}
				}
				want := rules.DocsBase + fmt.Sprint(get(r, "id")) + ".md"
				if get(r, "id") == "TL000" {
					want = nolintURL // the URL of its findings
				}
				if got := get(r, "helpUri"); got != want {
					t.Errorf("rule %v: helpUri %v, want %s", get(r, "id"), got, want)
				}
				if md, _ := get(r, "help", "markdown").(string); !strings.HasSuffix(md, "See ["+fmt.Sprint(get(r, "id"))+"]("+want+").") {
					t.Errorf("rule %v: help does not end with a link to %s:\n%s", get(r, "id"), want, md)
				}
			}
			results, ok := get(run, "results").([]any)
			if !ok || len(results) != len(tc.fs) {
				t.Fatalf("results = %v, want %d (an empty array when there are none)", get(run, "results"), len(tc.fs))
			}
			for i, res := range results {
				idx, _ := get(res, "ruleIndex").(int)
				if got := get(rs, idx, "id"); got != tc.fs[i].Rule || get(res, "ruleId") != tc.fs[i].Rule {
					t.Errorf("result %d: ruleId %v, ruleIndex %d points at %v; want %s", i, get(res, "ruleId"), idx, got, tc.fs[i].Rule)
				}
			}
		})
	}
}

// TestColumns checks that byte columns become UTF-16 columns where the file
// can be read, that an empty range reaches to the end of its line, and
// that positions the file does not confirm keep their byte columns.
func TestColumns(t *testing.T) {
	// Line 3 is `var s = "é𝄞"; var t = x`: é is 2 bytes and 1 UTF-16 unit,
	// 𝄞 4 bytes and 2 units. "var t" starts at byte column 19, UTF-16
	// column 16; the line is 27 bytes, 24 UTF-16 units.
	other := func(p finding.Position) finding.Position { p.File = "svc/missing.go"; return p }
	stale := func(p finding.Position) finding.Position { p.Offset += 3; return p }
	for _, tc := range []struct {
		name     string
		from, to finding.Position
		want     string
	}{
		{"after non-ASCII text", pos(3, 19), pos(3, 24), "map[endColumn:21 endLine:3 startColumn:16 startLine:3]"},
		{"before non-ASCII text", pos(3, 1), pos(3, 4), "map[endColumn:4 endLine:3 startColumn:1 startLine:3]"},
		{"empty range: to the end of the line", pos(3, 19), pos(3, 19), "map[endColumn:25 endLine:3 startColumn:16 startLine:3]"},
		{"no end: to the end of the line", pos(6, 2), finding.Position{}, "map[endColumn:17 endLine:6 startColumn:2 startLine:6]"},
		{"across lines", pos(5, 1), pos(7, 2), "map[endColumn:2 endLine:7 startColumn:1 startLine:5]"},
		{"unreadable file: byte columns, no end", other(pos(3, 19)), other(pos(3, 19)), "map[startColumn:19 startLine:3]"},
		{"unreadable file: byte columns", other(pos(3, 19)), other(pos(3, 24)), "map[endColumn:24 endLine:3 startColumn:19 startLine:3]"},
		{"file changed since: byte columns", stale(pos(3, 19)), stale(pos(3, 24)), "map[endColumn:24 endLine:3 startColumn:19 startLine:3]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := finding.Finding{Rule: "TL201", Pos: tc.from, End: tc.to, Message: "m (TL201)"}
			log, _ := write(t, []finding.Finding{f}, catalogue, "")
			got := fmt.Sprint(get(log, "runs", 0, "results", 0, "locations", 0, "physicalLocation", "region"))
			if got != tc.want {
				t.Errorf("region = %s, want %s", got, tc.want)
			}
		})
	}
}

// TestURIs checks how files are named: relative ones under %SRCROOT%,
// escaped; absolute ones as file URIs.
func TestURIs(t *testing.T) {
	for _, tc := range []struct {
		file, wantURI, wantBase string
	}{
		{"svc/a.go", "svc/a.go", "%SRCROOT%"},
		{"my svc/a b.go", "my%20svc/a%20b.go", "%SRCROOT%"},
		{"svc/100%.go", "svc/100%25.go", "%SRCROOT%"},
		{"a:b/c.go", "./a:b/c.go", "%SRCROOT%"},
		{"/abs/dir/c.go", "file:///abs/dir/c.go", "<nil>"},
		{"C:/src/c.go", "file:///C:/src/c.go", "<nil>"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			f := finding.Finding{Rule: "TL201", Pos: finding.Position{File: tc.file, Line: 1, Column: 1}, Message: "m (TL201)"}
			log, _ := write(t, []finding.Finding{f}, catalogue, "")
			loc := get(log, "runs", 0, "results", 0, "locations", 0, "physicalLocation", "artifactLocation")
			if got, base := fmt.Sprint(get(loc, "uri")), fmt.Sprint(get(loc, "uriBaseId")); got != tc.wantURI || base != tc.wantBase {
				t.Errorf("uri %s, uriBaseId %s; want %s, %s", got, base, tc.wantURI, tc.wantBase)
			}
		})
	}
}

func TestVersion(t *testing.T) {
	for _, tc := range []struct{ in, version, semantic string }{
		{"v1.2.3", "1.2.3", "1.2.3"},
		{"1.2.3-rc.1", "1.2.3-rc.1", "1.2.3-rc.1"},
		{"v0.0.0-20260101000000-abcdef123456", "0.0.0-20260101000000-abcdef123456", "0.0.0-20260101000000-abcdef123456"},
		{"(devel)", "(devel)", "<nil>"},
		{"vendor", "vendor", "<nil>"},
		{"", "<nil>", "<nil>"},
	} {
		log, _ := write(t, nil, catalogue, tc.in)
		d := get(log, "runs", 0, "tool", "driver")
		if v, s := fmt.Sprint(get(d, "version")), fmt.Sprint(get(d, "semanticVersion")); v != tc.version || s != tc.semantic {
			t.Errorf("%q: version %s, semanticVersion %s; want %s, %s", tc.in, v, s, tc.version, tc.semantic)
		}
	}
}

// TestFingerprints checks that partial fingerprints survive a line move
// and tell apart what the baseline tells apart.
func TestFingerprints(t *testing.T) {
	base := spanFinding()
	moved := base
	moved.Pos.Line, moved.Pos.Offset, moved.End.Line = 40, 700, 40
	respaced := base
	respaced.LineText = "span  :=   start()"
	otherFunc := base
	otherFunc.Func = "G"
	otherLine := base
	otherLine.LineText = "span := start2()"
	otherRule := base
	otherRule.Rule = "TL406"
	fp := func(fs ...finding.Finding) []string {
		log, _ := write(t, fs, catalogue, "")
		var out []string
		for i := range fs {
			out = append(out, fingerprint(t, get(log, "runs", 0, "results", i)))
		}
		return out
	}
	want := fp(base)[0]
	for _, tc := range []struct {
		name string
		f    finding.Finding
		same bool
	}{
		{"moved down", moved, true},
		{"spaces changed", respaced, true},
		{"other function", otherFunc, false},
		{"other line text", otherLine, false},
		{"other rule", otherRule, false},
	} {
		if got := fp(tc.f)[0]; (got == want) != tc.same {
			t.Errorf("%s: fingerprint %s, unmoved %s; want same: %v", tc.name, got, want, tc.same)
		}
	}
	// Two identical findings in one function are two results; the ordinal
	// follows the file order, whatever the order of the findings.
	second := base
	second.Pos.Line, second.Pos.Offset = 9, 200
	got := fp(second, base)
	hash, _, _ := strings.Cut(want, ":")
	if got[0] != hash+":2" || got[1] != hash+":1" {
		t.Errorf("duplicates: %v, want %s:2 and %s:1", got, hash, hash)
	}
}

func TestInternalError(t *testing.T) {
	fs := []finding.Finding{spanFinding(), {Rule: "internal-error", Pos: pos(1, 1), Message: "spanend: analysis failed"}}
	log, _ := write(t, fs, catalogue, "")
	inv := get(log, "runs", 0, "invocations", 0)
	for _, tc := range []struct {
		path []any
		want any
	}{
		{[]any{"executionSuccessful"}, false},
		{[]any{"toolExecutionNotifications", 0, "level"}, "error"},
		{[]any{"toolExecutionNotifications", 0, "message", "text"}, "spanend: analysis failed."},
		{[]any{"toolExecutionNotifications", 0, "locations", 0, "physicalLocation", "artifactLocation", "uri"}, "svc/a.go"},
	} {
		if got := get(inv, tc.path...); fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("invocation %v = %v, want %v", tc.path, got, tc.want)
		}
	}
	if n := len(get(log, "runs", 0, "results").([]any)); n != 1 {
		t.Errorf("%d results, want 1: an internal error is no rule's result", n)
	}
}

func TestUnknownRule(t *testing.T) {
	f := spanFinding()
	f.Rule = "TL999"
	var buf bytes.Buffer
	err := sarifout.Write(&buf, []finding.Finding{f}, catalogue, "")
	if err == nil || !strings.Contains(err.Error(), "svc/a.go:6:2") || !strings.Contains(err.Error(), `"TL999"`) {
		t.Errorf("error %v, want one naming svc/a.go:6:2 and TL999", err)
	}
	if buf.Len() != 0 {
		t.Errorf("wrote %d bytes before failing", buf.Len())
	}
}
