package rules_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/tracelint/tracelint/internal/passtest"
	"github.com/tracelint/tracelint/internal/rules"
)

func TestGuardTurnsPanicIntoDiagnostic(t *testing.T) {
	a := &analysis.Analyzer{
		Name: "boom",
		Doc:  "boom: panics",
		Run: rules.Guard("boom", func(*analysis.Pass) (any, error) {
			var m map[string]int
			m["x"]++ // a nil map write: a real runtime panic
			return nil, nil
		}),
	}
	diags, err := passtest.Run(a, "package p\n")
	if err != nil {
		t.Fatalf("run returned %v, want the panic reported as a diagnostic", err)
	}
	if len(diags) != 1 || diags[0].Category != rules.InternalErrorCategory ||
		!strings.Contains(diags[0].Message, "internal error: boom stopped on package example.com/odd: assignment to entry in nil map") {
		t.Fatalf("diagnostics = %+v", diags)
	}
}
