package baseline_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tracelint/tracelint/internal/baseline"
	"github.com/tracelint/tracelint/internal/finding"
)

// f is a finding of rule at line of file, in function fn, on a line of
// text code.
func f(rule, file string, line int, fn, code string) finding.Finding {
	p := finding.Position{File: file, Line: line, Column: 2, Offset: line * 40}
	return finding.Finding{Rule: rule, Pos: p, End: p, Func: fn, LineText: code, Message: fmt.Sprintf("at line %d (%s)", line, rule)}
}

const (
	start   = `ctx, span := tracer.Start(ctx, "get")`
	discard = `_, _ = tracer.Start(ctx, "x")`
)

// before is what the baseline is written from.
var before = []finding.Finding{
	f("TL201", "svc/api.go", 21, "(*Server).Get", start),
	f("TL202", "svc/api.go", 54, "Handle", discard),
	f("TL202", "svc/api.go", 55, "Handle", discard),
	f("TL101", "svc/orders.go", 10, "", "var ctx = context.Background()"),
}

// shift moves findings down by n lines, as lines inserted above them do.
func shift(n int, fs ...finding.Finding) []finding.Finding {
	var out []finding.Finding
	for _, x := range fs {
		x.Pos.Line += n
		x.Pos.Offset += n * 40
		x.End = x.Pos
		x.Message = fmt.Sprintf("at line %d (%s)", x.Pos.Line, x.Rule)
		out = append(out, x)
	}
	return out
}

func TestFilter(t *testing.T) {
	edited := before[0]
	edited.LineText = `ctx, span := tracer.Start(ctx, "get-item")`
	renamed := before[0]
	renamed.Func = "(*Server).Fetch"
	otherFile := before[0]
	otherFile.Pos.File = "svc/handlers.go"
	otherRule := before[0]
	otherRule.Rule = "TL203"
	otherRule.Message = "at line 21 (TL203)"
	realigned := before[3]
	realigned.LineText = "var ctx =   context.Background()  "
	internal := finding.Finding{Rule: "internal-error", Message: "spanend: failed"}

	for _, tc := range []struct {
		name      string
		after     []finding.Finding
		wantFresh []string // messages of the fresh findings
		wantKnown int
	}{
		{"unchanged", before, nil, 4},
		{"lines inserted above every finding", shift(7, before...), nil, 4},
		{"function moved to the end of its file", slices.Concat(shift(300, before[0]), before[1:]), nil, 4},
		{"in another order", []finding.Finding{before[3], before[2], before[1], before[0]}, nil, 4},
		{"fixed findings are no longer there", before[:1], nil, 1},
		{"a third identical finding in the function", slices.Concat(before, shift(2, before[2])), []string{"at line 57 (TL202)"}, 4},
		{"a second finding where the baseline has one", append(shift(3, before...), shift(4, before[0])...), []string{"at line 25 (TL201)"}, 4},
		{"line edited", []finding.Finding{edited}, []string{"at line 21 (TL201)"}, 0},
		{"function renamed", []finding.Finding{renamed}, []string{"at line 21 (TL201)"}, 0},
		{"moved to another file", []finding.Finding{otherFile}, []string{"at line 21 (TL201)"}, 0},
		{"another rule on the line", []finding.Finding{otherRule}, []string{"at line 21 (TL203)"}, 0},
		{"spaces realigned", []finding.Finding{realigned}, nil, 1},
		{"internal errors are always fresh", []finding.Finding{internal}, []string{"spanend: failed"}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			if err := baseline.Write("baseline.json", append(slices.Clone(before), internal)); err != nil {
				t.Fatal(err)
			}
			b, err := baseline.Load("baseline.json")
			if err != nil {
				t.Fatal(err)
			}
			fresh, known := b.Filter(tc.after)
			var got []string
			for _, x := range fresh {
				got = append(got, x.Message)
			}
			if !slices.Equal(got, tc.wantFresh) || known != tc.wantKnown {
				t.Errorf("fresh %q, known %d; want %q, %d", got, known, tc.wantFresh, tc.wantKnown)
			}
			// Filtering again starts from the full counts.
			if _, again := b.Filter(tc.after); again != known {
				t.Errorf("a second Filter knows %d, the first %d", again, known)
			}
		})
	}
}

func TestNilBaseline(t *testing.T) {
	var b *baseline.Baseline
	fresh, known := b.Filter(before)
	if len(fresh) != len(before) || known != 0 {
		t.Errorf("nil baseline: %d fresh, %d known; want all fresh", len(fresh), known)
	}
}

// TestFormat checks the file byte for byte: sorted by file, function,
// rule and code, duplicates counted, spaces collapsed, no internal errors,
// the same bytes whatever the order of the findings.
func TestFormat(t *testing.T) {
	t.Chdir(t.TempDir())
	fs := slices.Concat(before, []finding.Finding{
		{Rule: "internal-error", Message: "x"},
		f("TL301", "svc/api.go", 30, "Handle", "span.SetAttributes(attribute.String(\"k\",   v)) // <-done & co"),
	})
	want := `{
  "version": 1,
  "findings": [
    {
      "rule": "TL201",
      "file": "svc/api.go",
      "func": "(*Server).Get",
      "code": "ctx, span := tracer.Start(ctx, \"get\")",
      "count": 1
    },
    {
      "rule": "TL202",
      "file": "svc/api.go",
      "func": "Handle",
      "code": "_, _ = tracer.Start(ctx, \"x\")",
      "count": 2
    },
    {
      "rule": "TL301",
      "file": "svc/api.go",
      "func": "Handle",
      "code": "span.SetAttributes(attribute.String(\"k\", v)) // <-done & co",
      "count": 1
    },
    {
      "rule": "TL101",
      "file": "svc/orders.go",
      "func": "",
      "code": "var ctx = context.Background()",
      "count": 1
    }
  ]
}
`
	reversed := slices.Clone(fs)
	slices.Reverse(reversed)
	for i, order := range [][]finding.Finding{fs, reversed, shift(10, fs...)} {
		if err := baseline.Write("b.json", order); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile("b.json")
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != want {
			t.Errorf("write %d:\n%s\nwant\n%s", i, got, want)
		}
	}
	if err := baseline.Write("empty.json", nil); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile("empty.json"); string(got) != "{\n  \"version\": 1,\n  \"findings\": []\n}\n" {
		t.Errorf("empty baseline:\n%s", got)
	}
	if _, err := baseline.Load("empty.json"); err != nil {
		t.Errorf("loading the empty baseline: %v", err)
	}
}

// TestPathsFromBaselineDir checks that a baseline matches whatever
// directory the findings' paths are relative to.
func TestPathsFromBaselineDir(t *testing.T) {
	root := t.TempDir()
	if err := os.Mkdir(filepath.Join(root, "svc"), 0o777); err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	if err := baseline.Write("svc/.tracelint-baseline.json", before[:2]); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile("svc/.tracelint-baseline.json")
	if !strings.Contains(string(data), `"file": "api.go"`) {
		t.Errorf("paths are not relative to the baseline's directory:\n%s", data)
	}
	// From svc, the same findings are api.go's.
	t.Chdir(filepath.Join(root, "svc"))
	b, err := baseline.Load(".tracelint-baseline.json")
	if err != nil {
		t.Fatal(err)
	}
	from := slices.Clone(before[:2])
	for i := range from {
		from[i].Pos.File = strings.TrimPrefix(from[i].Pos.File, "svc/")
	}
	if fresh, known := b.Filter(from); len(fresh) != 0 || known != 2 {
		t.Errorf("from svc: %d fresh, %d known; want 0, 2", len(fresh), known)
	}
	// An absolute path names the same file.
	abs := slices.Clone(before[:1])
	abs[0].Pos.File = filepath.ToSlash(filepath.Join(root, "svc", "api.go"))
	if fresh, known := b.Filter(abs); len(fresh) != 0 || known != 1 {
		t.Errorf("absolute path: %d fresh, %d known; want 0, 1", len(fresh), known)
	}
}

func TestLoadErrors(t *testing.T) {
	const entry = `{"rule": "TL201", "file": "a.go", "func": "F", "code": "x"`
	for _, tc := range []struct {
		name, text, want string
	}{
		{"syntax error", "{\n  \"version\": 1,\n  \"findings\": [\n    {\"rule\": \"TL201\",, }\n  ]\n}\n", "b.json:4:22: invalid character ',' looking for beginning of object key string"},
		{"truncated", "{\n  \"version\": 1,\n  \"findings\": [\n", "b.json:4:1: unexpected end of JSON input"},
		{"empty file", "", "b.json:1:1: unexpected end of JSON input"},
		{"not an object", "[]", "b.json:1:1: a baseline is a JSON object with version and findings"},
		{"no version", `{"findings": []}`, "b.json:1:1: no version; want \"version\": 1"},
		{"future version", "{\n  \"version\": 2,\n  \"findings\": []\n}", "b.json:2:14: version 2 is not one this tracelint reads (1)"},
		{"version as a string", `{"version": "1"}`, `b.json:1:13: version is a JSON string; want a whole number`},
		{"unknown field", "{\n  \"version\": 1,\n  \"issues\": []\n}", `b.json:3:3: unknown field "issues"; a baseline has version and findings`},
		{"findings not a list", `{"version": 1, "findings": {}}`, "b.json:1:28: findings is a list"},
		{"unknown field in a finding", "{\"version\": 1, \"findings\": [\n  " + entry + "},\n  " + entry + ", \"line\": 12}\n]}", `b.json:3:3: finding 2: unknown field "line"`},
		{"no rule", "{\"version\": 1, \"findings\": [\n  {\"file\": \"a.go\"}\n]}", "b.json:2:3: finding 1: no rule"},
		{"no file", "{\"version\": 1, \"findings\": [\n  {\"rule\": \"TL201\"}\n]}", "b.json:2:3: finding 1: no file"},
		{"zero count", "{\"version\": 1, \"findings\": [\n  " + entry + ", \"count\": 0}\n]}", "b.json:2:3: finding 1: count 0; want 1 or more"},
		{"count as a string", "{\"version\": 1, \"findings\": [\n  " + entry + ", \"count\": \"2\"}\n]}", "b.json:2:3: finding 1: count is a JSON string; want a whole number"},
		{"text after the object", "{\"version\": 1, \"findings\": []}\n{}", "b.json:2:1: invalid character '{' after top-level value"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			if err := os.WriteFile("b.json", []byte(tc.text), 0o666); err != nil {
				t.Fatal(err)
			}
			b, err := baseline.Load("b.json")
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("Load: %v\nwant an error starting %q", err, tc.want)
			}
			if b != nil {
				t.Error("Load returned a baseline with its error")
			}
		})
	}
}

func TestLoadMissing(t *testing.T) {
	t.Chdir(t.TempDir())
	_, err := baseline.Load("none.json")
	if err == nil || err.Error() != "none.json: the baseline file does not exist" {
		t.Errorf("Load of a missing file: %v", err)
	}
}

// TestCountOptional checks that a hand-written entry without a count
// accepts one finding, and that entries of one key add up.
func TestCountOptional(t *testing.T) {
	t.Chdir(t.TempDir())
	text := `{"version": 1, "findings": [
		{"rule": "TL202", "file": "svc/api.go", "func": "Handle", "code": "_, _ =   tracer.Start(ctx, \"x\")"},
		{"rule": "TL202", "file": "./svc/api.go", "func": "Handle", "code": "_, _ = tracer.Start(ctx, \"x\")", "count": 1}
	]}`
	if err := os.WriteFile("b.json", []byte(text), 0o666); err != nil {
		t.Fatal(err)
	}
	b, err := baseline.Load("b.json")
	if err != nil {
		t.Fatal(err)
	}
	fresh, known := b.Filter(slices.Concat(before[1:3], shift(1, before[2])))
	if len(fresh) != 1 || known != 2 {
		t.Errorf("%d fresh, %d known; want 1, 2", len(fresh), known)
	}
}

func TestWriteError(t *testing.T) {
	t.Chdir(t.TempDir())
	err := baseline.Write("no/such/dir/b.json", before)
	if err == nil || !strings.HasPrefix(err.Error(), "no/such/dir/b.json: ") {
		t.Errorf("Write into a missing directory: %v", err)
	}
}

func TestNoFileName(t *testing.T) {
	if err := baseline.Write("", before); err == nil {
		t.Error("Write without a file name: no error")
	}
	if _, err := baseline.Load(""); err == nil {
		t.Error("Load without a file name: no error")
	}
}
