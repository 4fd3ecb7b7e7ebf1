package sarifout_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/packages"

	"github.com/tracelint/tracelint"
	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/finding"
	"github.com/tracelint/tracelint/internal/sarifout"
	"github.com/tracelint/tracelint/internal/testmodule"
)

// envMultitool names the variable that holds the path of Microsoft's SARIF
// validator, the Sarif.Multitool executable of the npm package
// @microsoft/sarif-multitool (.ci/run installs it and sets the variable).
const envMultitool = "TRACELINT_SARIF_MULTITOOL"

// TestSARIFValidates writes the SARIF log of the analyzers' real findings
// on the testdata service, plus a TL000 finding and an internal error, and
// has Microsoft's SARIF validator check it: no error and no warning may
// come back. Without the validator it checks only that the log is written.
func TestSARIFValidates(t *testing.T) {
	dir := testmodule.Dir(t)
	t.Chdir(dir) // the findings' paths are relative to the working directory
	fs := analyse(t, dir, "./service/...")
	var related, fixes int
	for _, f := range fs {
		related += len(f.Related)
		fixes += len(f.Fixes)
	}
	if len(fs) < 10 || related == 0 || fixes == 0 {
		t.Fatalf("%d findings with %d related places and %d fixes: the service should give more of each", len(fs), related, fixes)
	}
	first := fs[0]
	fs = append(fs, finding.Finding{
		Rule: "TL000", Analyzer: "nolint", Package: first.Package, Pos: first.Pos, End: first.End,
		Message:  "//nolint:TL999 names a rule tracelint does not have (TL000)",
		URL:      nolintURL,
		Func:     first.Func,
		LineText: first.LineText,
	}, finding.Finding{
		Rule: "internal-error", Package: first.Package, Pos: first.Pos,
		Message: "spanend: the analyzer failed on this package",
	})

	var out bytes.Buffer
	if err := sarifout.Write(&out, fs, tracelint.Rules(), "v0.0.0-test"); err != nil {
		t.Fatal(err)
	}
	log := filepath.Join(t.TempDir(), "tracelint.sarif")
	if err := os.WriteFile(log, out.Bytes(), 0o666); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d findings, %d related places, %d fixes: %d bytes of SARIF", len(fs), related, fixes, out.Len())

	tool := os.Getenv(envMultitool)
	if tool == "" {
		t.Skipf("set %s to the Sarif.Multitool executable of the npm package @microsoft/sarif-multitool to validate the log", envMultitool)
	}
	validate(t, tool, log)

	// The log of a real run of the command (.ci/run writes one with
	// tracelint -format sarif on the testdata service).
	if real := os.Getenv(envCommandLog); real != "" {
		data, err := os.ReadFile(real)
		if err != nil {
			t.Fatal(err)
		}
		var v struct {
			Runs []struct{ Results []json.RawMessage }
		}
		if err := json.Unmarshal(data, &v); err != nil || len(v.Runs) != 1 || len(v.Runs[0].Results) < 10 {
			t.Fatalf("%s: %v; want one run with the service's findings, got %d bytes", real, err, len(data))
		}
		t.Logf("%s: %d results from the command", real, len(v.Runs[0].Results))
		validate(t, tool, real)
	}
}

// envCommandLog names a SARIF log written by tracelint -format sarif, to be
// validated too.
const envCommandLog = "TRACELINT_SARIF_LOG"

// validate runs the validator on log and fails for each error or warning
// it reports, read from its own SARIF output (its console output is for
// people).
func validate(t *testing.T, tool, log string) {
	t.Helper()
	report := filepath.Join(t.TempDir(), "validation.sarif")
	start := time.Now()
	cmd := exec.Command(tool, "validate", log, "--level", "Error;Warning", "--output", report, "--log", "ForceOverwrite")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", tool, err, out)
	}
	t.Logf("validator ran in %v", time.Since(start).Round(100*time.Millisecond))
	data, err := os.ReadFile(report)
	if err != nil {
		t.Fatalf("the validator wrote no report: %v\n%s", err, out)
	}
	var v struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Name, SemanticVersion string
				}
			}
			Invocations []struct {
				ExecutionSuccessful bool
			}
			Results []struct {
				RuleID  string
				Level   string
				Message struct {
					Text      string
					Arguments []string
				}
			}
		}
	}
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("the validator's report: %v", err)
	}
	if len(v.Runs) != 1 || len(v.Runs[0].Invocations) != 1 || !v.Runs[0].Invocations[0].ExecutionSuccessful {
		t.Fatalf("the validator did not run to completion:\n%s", out)
	}
	run := v.Runs[0]
	t.Logf("%s %s: %d errors and warnings", run.Tool.Driver.Name, run.Tool.Driver.SemanticVersion, len(run.Results))
	for _, r := range run.Results {
		level := r.Level
		if level == "" {
			level = "warning" // SARIF's default
		}
		t.Errorf("%s %s: %s %s", level, r.RuleID, r.Message.Text, strings.Join(r.Message.Arguments, " | "))
	}
}

// analyse runs the suite, with the default configuration, on the packages
// of the testdata module in dir matching patterns, and converts the
// diagnostics to findings as a command line would: paths relative to the
// working directory, the enclosing function, the line's text.
func analyse(t *testing.T, dir string, patterns ...string) []finding.Finding {
	t.Helper()
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports |
			packages.NeedTypes | packages.NeedTypesSizes | packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedModule,
		Dir: dir,
		Env: append(os.Environ(), "GOWORK=off", "GOPROXY=off", "GOFLAGS=-mod=mod"),
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("the testdata packages do not load")
	}
	graph, err := checker.Analyze(tracelint.Analyzers(config.Default()), pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var fs []finding.Finding
	for act := range graph.All() {
		if !act.IsRoot {
			continue
		}
		if act.Err != nil {
			t.Fatalf("%s on %s: %v", act.Analyzer.Name, act.Package.PkgPath, act.Err)
		}
		for _, d := range act.Diagnostics {
			fs = append(fs, convert(t, act, d))
		}
	}
	return fs
}

// convert turns a diagnostic into a finding.
func convert(t *testing.T, act *checker.Action, d analysis.Diagnostic) finding.Finding {
	fset := act.Package.Fset
	f := finding.Finding{
		Rule:     d.Category,
		Analyzer: act.Analyzer.Name,
		Package:  act.Package.PkgPath,
		Pos:      position(t, fset, d.Pos),
		End:      position(t, fset, orPos(d.End, d.Pos)),
		Message:  d.Message,
		URL:      d.URL,
	}
	for _, r := range d.Related {
		f.Related = append(f.Related, finding.Related{
			Pos: position(t, fset, r.Pos), End: position(t, fset, orPos(r.End, r.Pos)), Message: r.Message,
		})
	}
	for _, fx := range d.SuggestedFixes {
		out := finding.Fix{Message: fx.Message}
		for _, e := range fx.TextEdits {
			out.Edits = append(out.Edits, finding.Edit{
				Pos: position(t, fset, e.Pos), End: position(t, fset, orPos(e.End, e.Pos)), NewText: string(e.NewText),
			})
		}
		f.Fixes = append(f.Fixes, out)
	}
	for _, file := range act.Package.Syntax {
		if file.FileStart <= d.Pos && d.Pos < file.FileEnd {
			f.Func = enclosing(file, d.Pos)
		}
	}
	src, err := os.ReadFile(fset.Position(d.Pos).Filename)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(src), "\n")
	f.LineText = strings.TrimSpace(lines[f.Pos.Line-1])
	return f
}

func orPos(end, pos token.Pos) token.Pos {
	if end.IsValid() {
		return end
	}
	return pos
}

// position resolves p, its file relative to the working directory.
func position(t *testing.T, fset *token.FileSet, p token.Pos) finding.Position {
	pos := fset.Position(p)
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	file := pos.Filename
	if rel, err := filepath.Rel(wd, file); err == nil && !strings.HasPrefix(rel, "..") {
		file = rel
	}
	return finding.Position{File: filepath.ToSlash(file), Line: pos.Line, Column: pos.Column, Offset: pos.Offset}
}

// enclosing names the function declaration around pos: "F", "(T).M" or
// "(*T).M"; "" at package level. A function literal counts as its
// declaration.
func enclosing(file *ast.File, pos token.Pos) string {
	path, _ := astutil.PathEnclosingInterval(file, pos, pos)
	for _, n := range path {
		fd, ok := n.(*ast.FuncDecl)
		if !ok {
			continue
		}
		if fd.Recv == nil || len(fd.Recv.List) == 0 {
			return fd.Name.Name
		}
		recv := fd.Recv.List[0].Type
		star := ""
		if s, ok := recv.(*ast.StarExpr); ok {
			star, recv = "*", s.X
		}
		switch r := recv.(type) {
		case *ast.IndexExpr:
			recv = r.X
		case *ast.IndexListExpr:
			recv = r.X
		}
		if id, ok := recv.(*ast.Ident); ok {
			return fmt.Sprintf("(%s%s).%s", star, id.Name, fd.Name.Name)
		}
		return fd.Name.Name
	}
	return ""
}
