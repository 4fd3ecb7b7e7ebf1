package triage

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tracelint/tracelint/bench/internal/findings"
)

func write(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "mod.txt")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReadAndCompare(t *testing.T) {
	path := write(t, `# a comment
group flat not-worth-acting the team's convention is flat keys
TL304 a.go:3:4 @flat
TL304 a.go:9:4 @flat
TL201 b.go:10:2 real leaks on the error return
TL101 c.go:1:1 wrong shutdown context, already cancelled
TL102 d.go:5:6 ? s.db.Query has a context variant
`)
	tr, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	if e := tr.Entries["TL304 a.go:9:4"]; e.Verdict != NotWorth || e.Group != "flat" || !strings.Contains(e.Reason, "flat keys") {
		t.Errorf("group entry = %+v", e)
	}
	run := []findings.Finding{
		{Rule: "TL304", File: "a.go", Line: 3, Col: 4},
		{Rule: "TL201", File: "b.go", Line: 10, Col: 2},
		{Rule: "TL101", File: "c_test.go", Line: 1, Col: 1}, // not in the file
		{Rule: "TL102", File: "d.go", Line: 5, Col: 6},      // judged ?
		{Rule: "TL101", File: "c.go", Line: 1, Col: 1},
	}
	d := tr.Compare(run)
	if len(d.Judged) != 3 {
		t.Errorf("judged %d findings, want 3: %+v", len(d.Judged), d.Judged)
	}
	var news []string
	for _, f := range d.New {
		news = append(news, f.Key())
	}
	if got := strings.Join(news, ","); got != "TL101 c_test.go:1:1,TL102 d.go:5:6" {
		t.Errorf("new = %s", got)
	}
	if len(d.Gone) != 1 || d.Gone[0].Key != "TL304 a.go:9:4" {
		t.Errorf("gone = %+v", d.Gone)
	}
	byRule, ids := ByRule(d.Judged)
	if strings.Join(ids, ",") != "TL101,TL201,TL304" {
		t.Errorf("rules = %v", ids)
	}
	if r := byRule["TL304"]; r.NotWorth != 1 || r.Total() != 1 {
		t.Errorf("TL304 tally = %+v", r)
	}
	if r := byRule["TL101"]; r.Wrong != 1 || r.Real != 0 {
		t.Errorf("TL101 tally = %+v", r)
	}
}

func TestAppendNew(t *testing.T) {
	path := write(t, "TL201 b.go:10:2 real leaks\n")
	tr, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	n, err := tr.AppendNew([]findings.Finding{
		{Rule: "TL201", File: "b.go", Line: 10, Col: 2},
		{Rule: "TL101", File: "c.go", Line: 1, Col: 1, Message: "pass ctx\ninstead"},
	})
	if err != nil || n != 1 {
		t.Fatalf("AppendNew = %d, %v", n, err)
	}
	data, _ := os.ReadFile(path)
	if want := "TL201 b.go:10:2 real leaks\nTL101 c.go:1:1 ? pass ctx instead\n"; string(data) != want {
		t.Errorf("file =\n%s\nwant\n%s", data, want)
	}
	again, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	if e := again.Entries["TL101 c.go:1:1"]; e == nil || e.Verdict != Unjudged {
		t.Errorf("appended entry = %+v", e)
	}
}

func TestReadErrors(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"TL201 b.go:1:1 maybe because\n", `mod.txt:1: unknown verdict "maybe"`},
		{"TL201 b.go:1:1 real\n", "mod.txt:1: verdict real without a reason"},
		{"TL201 b.go:1:1 @nope\n", `mod.txt:1: no group "nope" is defined`},
		{"group g sure because\n", `mod.txt:1: group g: unknown verdict "sure"`},
		{"TL201 b.go:1:1 real a\nTL201 b.go:1:1 wrong b\n", "mod.txt:2: TL201 b.go:1:1 is judged twice (first on line 1)"},
		{"TL201\n", "mod.txt:1: want RULE FILE:LINE:COL VERDICT REASON"},
	} {
		_, err := Read(write(t, c.text))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Read(%q) = %v, want an error containing %q", c.text, err, c.want)
		}
	}
}

func TestDropGone(t *testing.T) {
	path := write(t, "group g wrong shared cause\nTL201 b.go:10:2 real leaks\nTL304 a.go:3:4 @g\nTL304 a.go:9:4 @g\n")
	tr, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	d := tr.Compare([]findings.Finding{{Rule: "TL304", File: "a.go", Line: 9, Col: 4}})
	if err := tr.DropGone(d.Gone); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if want := "group g wrong shared cause\nTL304 a.go:9:4 @g\n"; string(data) != want {
		t.Errorf("file =\n%s\nwant\n%s", data, want)
	}
}
