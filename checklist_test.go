package tracelint_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tracelint/tracelint"
	"github.com/tracelint/tracelint/internal/checklist"
)

// TestChecklistUpToDate fails when docs/checklist.md is not what go
// generate writes from the checklist's items and the rule catalogue, or
// when a rule is in no item of the checklist.
func TestChecklistUpToDate(t *testing.T) {
	want, err := checklist.Page(tracelint.Rules())
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join("docs", "checklist.md"))
	if err != nil {
		t.Fatalf("%v; run go generate ./...", err)
	}
	if string(got) != want {
		t.Errorf("docs/checklist.md is stale; run go generate ./...")
	}
}
