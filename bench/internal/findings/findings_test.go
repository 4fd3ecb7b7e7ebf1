package findings

import (
	"strings"
	"testing"
)

// A package and its test variant repeat the findings of the package's
// files; an analysis error is kept apart.
const tree = `{
	"example.com/m/a": {
		"spanend": [
			{"category": "TL201", "posn": "/root/m/a/a.go:10:2", "end": "/root/m/a/a.go:10:9",
			 "message": "span \"span\" is not ended on the path through line 12 (TL201)",
			 "suggested_fixes": [{"message": "Add defer span.End()", "edits": [{"filename": "/root/m/a/a.go", "start": 120, "end": 120, "new": "\n\tdefer span.End()"}]}]}
		]
	},
	"example.com/m/a [example.com/m/a.test]": {
		"spanend": [
			{"category": "TL201", "posn": "/root/m/a/a.go:10:2", "end": "/root/m/a/a.go:10:9",
			 "message": "span \"span\" is not ended on the path through line 12 (TL201)"},
			{"category": "TL202", "posn": "/root/m/a/a_test.go:3:1", "end": "/root/m/a/a_test.go:3:5", "message": "discarded (TL202)"}
		],
		"attrkeys": {"error": "boom"}
	}
}`

func TestParse(t *testing.T) {
	res, err := Parse([]byte("some stderr noise\n"+tree), "/root/m")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 2 {
		t.Fatalf("got %d findings, want 2 (the test variant's copy dropped): %+v", len(res.Findings), res.Findings)
	}
	f := res.Findings[0]
	if f.Key() != "TL201 a/a.go:10:2" || f.Analyzer != "spanend" || f.InTest() {
		t.Errorf("first finding = %+v", f)
	}
	if len(f.Fixes) != 1 || f.Fixes[0].Edits[0].File != "a/a.go" || f.Fixes[0].Edits[0].Start != 120 {
		t.Errorf("fixes = %+v", f.Fixes)
	}
	if !res.Findings[1].InTest() {
		t.Errorf("second finding should be in a test file: %+v", res.Findings[1])
	}
	if len(res.Errors) != 1 || !strings.Contains(res.Errors[0], "boom") {
		t.Errorf("errors = %v", res.Errors)
	}
	moved := f
	moved.Line, moved.Message = 11, strings.Replace(f.Message, "12", "13", 1)
	if moved.Shape() != f.Shape() {
		t.Errorf("a moved finding changed shape: %q vs %q", moved.Shape(), f.Shape())
	}
}
