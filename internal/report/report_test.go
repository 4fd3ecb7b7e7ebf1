package report_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/tracelint/tracelint/internal/passtest"
	"github.com/tracelint/tracelint/internal/report"
)

func TestGuardTurnsPanicIntoDiagnostic(t *testing.T) {
	a := &analysis.Analyzer{
		Name: "boom",
		Doc:  "boom: panics",
		Run: report.Guard("boom", func(pass *analysis.Pass) (any, error) {
			return pass.Files[len(pass.Files)], nil // a real runtime panic: index out of range
		}),
	}
	diags, err := passtest.Run(a, "package p\n")
	if err != nil {
		t.Fatalf("run returned %v, want the panic reported as a diagnostic", err)
	}
	if len(diags) != 1 || diags[0].Category != report.InternalErrorCategory ||
		!strings.Contains(diags[0].Message, "internal error: boom stopped on package example.com/odd: runtime error: index out of range [1] with length 1") {
		t.Fatalf("diagnostics = %+v", diags)
	}
}
