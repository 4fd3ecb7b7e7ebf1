package command

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tracelint/tracelint/internal/finding"
	"github.com/tracelint/tracelint/internal/findingout"
)

// sample are two findings in src/main.rs, one with a related place, as
// the lints report them.
func sample() []finding.Finding {
	at := func(line, col int) finding.Position {
		return finding.Position{File: "src/main.rs", Line: line, Column: col, Offset: 10*(line-1) + col - 1}
	}
	return []finding.Finding{{
		Rule: "TL401", Analyzer: "pii_in_telemetry", Pos: at(4, 36), End: at(4, 61),
		Message: `the field "user.password" records a secret (TL401)`,
		URL:     "https://github.com/tracelint/tracelint/blob/main/docs/rust/pii_in_telemetry.md",
	}, {
		Rule: "span_guard_across_await", Analyzer: "span_guard_across_await", Pos: at(5, 9), End: at(5, 14),
		Message: `the guard "_g" is held across an .await (span_guard_across_await)`,
		Related: []finding.Related{{Pos: at(6, 20), End: at(6, 26), Message: "the .await"}},
	}}
}

// writeSample writes the sample findings in format, in a temporary
// working directory that holds src/main.rs, and returns the output and the
// directory.
func writeSample(t *testing.T, format string) (string, string) {
	t.Helper()
	dir := tree(t, "src/main.rs="+strings.Repeat("123456789\n", 8))
	r := &run{paths: findingout.NewPaths(dir)}
	r.paths.Rel(filepath.Join(dir, "src", "main.rs"))
	var out bytes.Buffer
	r.stdout = &out
	if err := r.write(format, sample()); err != nil {
		t.Fatal(err)
	}
	return out.String(), dir
}

func TestRustText(t *testing.T) {
	got, _ := writeSample(t, "text")
	want := `src/main.rs:4:36: the field "user.password" records a secret (TL401)
src/main.rs:5:9: the guard "_g" is held across an .await (span_guard_across_await)
	src/main.rs:6:20: the .await
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestRustJSON(t *testing.T) {
	got, dir := writeSample(t, "json")
	var tree map[string]map[string][]findingout.Diagnostic
	if err := json.Unmarshal([]byte(got), &tree); err != nil {
		t.Fatalf("%v:\n%s", err, got)
	}
	file := filepath.Join(dir, "src", "main.rs")
	want := map[string]map[string][]findingout.Diagnostic{"src": {
		"pii_in_telemetry": {{
			Category: "TL401", Posn: file + ":4:36", End: file + ":4:61",
			Message: `the field "user.password" records a secret (TL401)`,
		}},
		"span_guard_across_await": {{
			Category: "span_guard_across_await", Posn: file + ":5:9", End: file + ":5:14",
			Message: `the guard "_g" is held across an .await (span_guard_across_await)`,
			Related: []findingout.Related{{Posn: file + ":6:20", End: file + ":6:26", Message: "the .await"}},
		}},
	}}
	wantJSON, _ := json.Marshal(want)
	gotJSON, _ := json.Marshal(tree)
	if !bytes.Equal(gotJSON, wantJSON) {
		t.Errorf("got\n%s\nwant\n%s", gotJSON, wantJSON)
	}
}

// TestSARIF checks that the log names the rules the lints report under,
// and the findings' rules and places.
func TestRustSARIF(t *testing.T) {
	got, _ := writeSample(t, "sarif")
	var log struct {
		Version string
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name, Version string
					Rules         []struct{ ID string }
				}
			}
			Results []struct {
				RuleID    string
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(got), &log); err != nil || len(log.Runs) != 1 {
		t.Fatalf("%v, or not one run:\n%s", err, got)
	}
	run := log.Runs[0]
	if log.Version != "2.1.0" || run.Tool.Driver.Name != "tracelint" || run.Tool.Driver.Version != findingout.Version() {
		t.Errorf("version %q, tool %q %q; want 2.1.0, tracelint %s", log.Version, run.Tool.Driver.Name, run.Tool.Driver.Version, findingout.Version())
	}
	var ids []string
	for _, r := range run.Tool.Driver.Rules {
		ids = append(ids, r.ID)
	}
	for _, id := range []string{"TL202", "TL401", "TL406", "span_guard_across_await"} {
		if !slices.Contains(ids, id) {
			t.Errorf("the rules lack %s: %q", id, ids)
		}
	}
	if slices.Contains(ids, "TL201") {
		t.Errorf("the rules hold TL201, which no lint reports under: %q", ids)
	}
	var results []string
	for _, r := range run.Results {
		l := r.Locations[0].PhysicalLocation
		results = append(results, r.RuleID+" "+l.ArtifactLocation.URI+" "+strings.Repeat("I", l.Region.StartLine)+" "+strings.Repeat("I", l.Region.StartColumn))
	}
	want := []string{"TL401 src/main.rs " + strings.Repeat("I", 4) + " " + strings.Repeat("I", 36), "span_guard_across_await src/main.rs IIIII IIIIIIIII"}
	if !slices.Equal(results, want) {
		t.Errorf("results %q, want %q", results, want)
	}
}

func TestRustGitHub(t *testing.T) {
	got, _ := writeSample(t, "github")
	want := `::warning file=src/main.rs,line=4,col=36,endLine=4,endColumn=61,title=TL401::the field "user.password" records a secret (TL401)
`
	if !strings.HasPrefix(got, want) || strings.Count(got, "\n") != 2 || !strings.Contains(got, "title=span_guard_across_await::") {
		t.Errorf("got\n%s\nwant two annotations, the first\n%s", got, want)
	}
}

func TestRustSummary(t *testing.T) {
	fs := append(sample(), sample()[0], finding.Finding{Rule: "internal-error", Analyzer: analyzerName})
	for _, tc := range []struct {
		fs              []finding.Finding
		checked, failed int
		want            string
	}{
		{nil, 0, 0, "no findings in 0 files"},
		{nil, 1, 2, "no findings in 1 file; 2 files could not be checked"},
		{fs[:1], 1, 0, "1 finding (TL401 ×1) in 1 file"},
		{fs, 12, 1, "4 findings (TL401 ×2, internal-error ×1, span_guard_across_await ×1) in 12 files; 1 file could not be checked"},
	} {
		if got := summary(tc.fs, tc.checked, tc.failed); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
}
