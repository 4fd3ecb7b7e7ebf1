package driver

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tracelint/tracelint"
	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/finding"
	"github.com/tracelint/tracelint/internal/findingout"
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
	fs := analyseService(t)
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

	// The logs of real runs of the command (.ci/run writes one with
	// tracelint -format sarif on the testdata service, and one with
	// tracelint rust -format sarif on the Rust fixture).
	for real := range strings.SplitSeq(os.Getenv(envCommandLog), string(os.PathListSeparator)) {
		if real == "" {
			continue
		}
		data, err := os.ReadFile(real)
		if err != nil {
			t.Fatal(err)
		}
		var v struct {
			Runs []struct{ Results []json.RawMessage }
		}
		if err := json.Unmarshal(data, &v); err != nil || len(v.Runs) != 1 || len(v.Runs[0].Results) < 10 {
			t.Fatalf("%s: %v; want one run with at least 10 findings, got %d bytes", real, err, len(data))
		}
		t.Logf("%s: %d results from the command", real, len(v.Runs[0].Results))
		validate(t, tool, real)
	}
}

// envCommandLog names SARIF logs written by tracelint -format sarif and
// tracelint rust -format sarif, separated as in PATH, to be validated too.
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

// analyseService runs the command's analysis, with the default
// configuration, on the testdata service in the working directory, and
// returns its findings as the output formats receive them.
func analyseService(t *testing.T) []finding.Finding {
	t.Helper()
	r := &run{suite: &Suite{Analyzers: tracelint.Analyzers(config.Default()), Rules: tracelint.Rules()}, stdout: io.Discard, stderr: io.Discard}
	opts, code := r.parseFlags([]string{"./service/..."})
	if opts == nil {
		t.Fatalf("flags: exit code %d", code)
	}
	r.opts = opts
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	r.paths = findingout.NewPaths(wd)
	l, err := r.load(opts.args)
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.analyze(l)
	if err != nil {
		t.Fatal(err)
	}
	return findings(res.items)
}
