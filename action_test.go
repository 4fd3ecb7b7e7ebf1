package tracelint_test

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// action is the part of action.yml that the tests read.
type action struct {
	Inputs map[string]struct {
		Description string
		Default     string
	}
	Outputs map[string]struct{ Value string }
	Runs    struct {
		Using string
		Steps []actionStep
	}
}

type actionStep struct {
	Name, ID, If, Shell, Run, Uses string
	Env                            map[string]string
	With                           map[string]string
}

func readAction(t *testing.T) action {
	t.Helper()
	data, err := os.ReadFile("action.yml")
	if err != nil {
		t.Fatal(err)
	}
	var a action
	if err := yaml.Unmarshal(data, &a); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	return a
}

// TestActionInputs checks the action's interface: the inputs and their
// defaults, what each step runs, and that every expression names an input,
// a step or an output that exists.
func TestActionInputs(t *testing.T) {
	a := readAction(t)
	want := map[string]string{"version": "latest", "args": "./...", "working-directory": ".", "sarif": "true", "fail-on-findings": "true"}
	for name, def := range want {
		in, ok := a.Inputs[name]
		if !ok {
			t.Errorf("no input %q", name)
			continue
		}
		if in.Default != def || in.Description == "" {
			t.Errorf("input %q: default %q, description %q; want default %q and a description", name, in.Default, in.Description, def)
		}
	}
	for name := range a.Inputs {
		if _, ok := want[name]; !ok {
			t.Errorf("input %q is not tested", name)
		}
	}
	if a.Runs.Using != "composite" {
		t.Errorf("runs.using is %q, want composite", a.Runs.Using)
	}
	ids := make(map[string]bool)
	uploads := 0
	for _, s := range a.Runs.Steps {
		ids[s.ID] = true
		switch {
		case s.Uses != "":
			if s.Uses != "github/codeql-action/upload-sarif@v3" {
				t.Errorf("step %q uses %s; the action runs only its script and the SARIF upload", s.Name, s.Uses)
			}
			uploads++
		case s.Shell != "bash" || !regexp.MustCompile(`^bash "\$GITHUB_ACTION_PATH/scripts/action\.sh" [a-z]+$`).MatchString(s.Run):
			t.Errorf("step %q runs %q in %q; shell steps call scripts/action.sh in bash", s.Name, s.Run, s.Shell)
		}
	}
	if uploads != 1 {
		t.Errorf("%d upload-sarif steps, want 1", uploads)
	}
	data, _ := os.ReadFile("action.yml")
	for _, m := range regexp.MustCompile(`\b(inputs|steps)\.([a-z-]+)(?:\.outputs\.([a-z-]+))?`).FindAllStringSubmatch(string(data), -1) {
		switch {
		case m[1] == "inputs" && a.Inputs[m[2]].Default == "" && a.Inputs[m[2]].Description == "":
			t.Errorf("%s names no input", m[0])
		case m[1] == "steps" && !ids[m[2]]:
			t.Errorf("%s names no step", m[0])
		}
	}
}

// actionEnv is a fake runner: a temporary RUNNER_TEMP, a module to check,
// and on PATH a fake go, whose go install puts a fake tracelint in GOBIN.
// Both append their command lines to a log; the fake tracelint prints an
// annotation or a SARIF log by its -format and exits with FAKE_EXIT (for
// -format sarif, FAKE_SARIF_EXIT when set).
type actionEnv struct {
	t       *testing.T
	root    string // RUNNER_TEMP
	work    string // the caller's checkout
	fakeBin string
	log     string
	path    []string // GITHUB_PATH, added to PATH for the next steps
	extra   []string // FAKE_* settings
}

const fakeGo = `#!/bin/sh
echo "go $* GOBIN=$GOBIN GOFLAGS=$GOFLAGS" >>"$FAKE_LOG"
if [ -n "$FAKE_GO_FAIL" ]; then echo "go: no matching versions for query" >&2; exit 1; fi
cp "$FAKE_TRACELINT" "$GOBIN/tracelint"
`

const fakeTracelint = `#!/bin/sh
echo "tracelint $* (in $(basename "$(pwd)"))" >>"$FAKE_LOG"
case "$1 $2" in
"version ") echo "tracelint version v9.9.9"; exit 0 ;;
"-format github") echo "::warning file=a.go,line=3,title=TL201::span is not ended (TL201)"; exit "$FAKE_EXIT" ;;
"-format sarif") echo '{"version": "2.1.0", "runs": []}'; exit "${FAKE_SARIF_EXIT:-$FAKE_EXIT}" ;;
esac
exit 1
`

func newActionEnv(t *testing.T) *actionEnv {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash is not installed; the action's script needs it")
	}
	root := t.TempDir()
	e := &actionEnv{t: t, root: root, work: filepath.Join(root, "checkout"), fakeBin: filepath.Join(root, "fake"), log: filepath.Join(root, "log")}
	for _, dir := range []string{e.work, filepath.Join(e.work, "svc"), e.fakeBin} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for name, text := range map[string]string{"go": fakeGo, "tracelint.fake": fakeTracelint} {
		if err := os.WriteFile(filepath.Join(e.fakeBin, name), []byte(text), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return e
}

// runStep runs one mode of scripts/action.sh as a step would, with env
// (the step's env), and returns its output, exit code and outputs.
func (e *actionEnv) runStep(mode string, env map[string]string) (string, int, map[string]string) {
	t := e.t
	t.Helper()
	outFile := filepath.Join(e.root, "output-"+mode)
	pathFile := filepath.Join(e.root, "path")
	for _, f := range []string{outFile, pathFile} {
		if err := os.WriteFile(f, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	script, err := filepath.Abs(filepath.Join("scripts", "action.sh"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("bash", script, mode)
	cmd.Dir = e.work
	path := slices.Concat(e.path, []string{e.fakeBin, "/usr/local/bin", "/usr/bin", "/bin"})
	cmd.Env = append([]string{
		"PATH=" + strings.Join(path, string(os.PathListSeparator)),
		"HOME=" + e.root,
		"RUNNER_TEMP=" + e.root,
		"GITHUB_OUTPUT=" + outFile,
		"GITHUB_PATH=" + pathFile,
		"GOFLAGS=-mod=vendor",
		"FAKE_LOG=" + e.log,
		"FAKE_TRACELINT=" + filepath.Join(e.fakeBin, "tracelint.fake"),
		"FAKE_EXIT=0",
	}, e.extra...)
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	out, err := cmd.CombinedOutput()
	code := 0
	if exitErr := (*exec.ExitError)(nil); errors.As(err, &exitErr) {
		code = exitErr.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	outputs := make(map[string]string)
	data, _ := os.ReadFile(outFile)
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			if _, dup := outputs[k]; dup {
				t.Errorf("%s: output %s written twice", mode, k)
			}
			outputs[k] = v
		}
	}
	data, _ = os.ReadFile(pathFile)
	e.path = append(strings.Fields(string(data)), e.path...)
	return string(out), code, outputs
}

// logged returns the fake commands' log, with the temporary root as $ROOT,
// and empties it.
func (e *actionEnv) logged() string {
	data, _ := os.ReadFile(e.log)
	os.Remove(e.log)
	return strings.ReplaceAll(string(data), e.root, "$ROOT")
}

// expr matches the expressions the action uses: an input, or an output of
// an earlier step.
var expr = regexp.MustCompile(`^\$\{\{ (inputs\.([a-z-]+)|steps\.([a-z-]+)\.outputs\.([a-z-]+)) \}\}$`)

// runAction runs the action's steps as GitHub would: the shell steps with
// their env, the expressions in it resolved from inputs (over the
// defaults) and the outputs of earlier steps; the upload step only when its
// condition holds, returning its sarif_file in uploads. It stops at the
// first step that fails and returns its exit code.
func (e *actionEnv) runAction(inputs map[string]string) (code int, uploads []string, outputs map[string]map[string]string) {
	t := e.t
	t.Helper()
	a := readAction(t)
	outputs = make(map[string]map[string]string)
	resolve := func(s string) string {
		m := expr.FindStringSubmatch(s)
		switch {
		case m == nil:
			t.Fatalf("the test runner does not know the expression %q", s)
		case m[2] != "":
			if v, ok := inputs[m[2]]; ok {
				return v
			}
			return a.Inputs[m[2]].Default
		}
		return outputs[m[3]][m[4]]
	}
	for _, s := range a.Runs.Steps {
		if s.If != "" {
			cond, ok := strings.CutSuffix(s.If, " != ''")
			if !ok || resolve("${{ "+cond+" }}") == "" {
				continue
			}
		}
		if s.Uses != "" {
			uploads = append(uploads, resolve(s.With["sarif_file"]))
			continue
		}
		env := make(map[string]string)
		for k, v := range s.Env {
			env[k] = resolve(v)
		}
		mode := s.Run[strings.LastIndex(s.Run, " ")+1:]
		out, c, outs := e.runStep(mode, env)
		t.Logf("step %q:\n%s", s.Name, out)
		outputs[s.ID] = outs
		if c != 0 {
			return c, uploads, outputs
		}
	}
	return 0, uploads, outputs
}

func TestActionScript(t *testing.T) {
	t.Run("findings", func(t *testing.T) {
		e := newActionEnv(t)
		e.extra = []string{"FAKE_EXIT=3"}
		code, uploads, outputs := e.runAction(map[string]string{"version": "0.2.0", "args": "-config ci.yml  ./svc/...", "working-directory": "svc"})
		if code != 3 {
			t.Errorf("exit code %d, want 3: findings fail the action, after the upload", code)
		}
		uploaded := filepath.Join(e.root, "tracelint.sarif")
		if !slices.Equal(uploads, []string{uploaded}) {
			t.Errorf("uploaded %q, want %q", uploads, uploaded)
		}
		if data, err := os.ReadFile(uploaded); err != nil || !strings.Contains(string(data), `"version": "2.1.0"`) {
			t.Errorf("the SARIF file holds %q (%v), not tracelint -format sarif's output", data, err)
		}
		want := "go install github.com/tracelint/tracelint/cmd/tracelint@v0.2.0 GOBIN=$ROOT/tracelint/bin GOFLAGS=\n" +
			"tracelint version (in checkout)\n" +
			"tracelint -format github -config ci.yml ./svc/... (in svc)\n" +
			"tracelint -format sarif -config ci.yml ./svc/... (in svc)\n"
		if got := e.logged(); got != want {
			t.Errorf("commands run:\n%s\nwant:\n%s", got, want)
		}
		if got := outputs["install"]["version"]; got != "v9.9.9" {
			t.Errorf("version output %q, want the installed tracelint's version, v9.9.9", got)
		}
		if got := outputs["run"]; got["findings"] != "true" || got["exit-code"] != "3" {
			t.Errorf("run outputs %v, want findings=true and exit-code=3", got)
		}
	})

	t.Run("report only", func(t *testing.T) {
		e := newActionEnv(t)
		e.extra = []string{"FAKE_EXIT=3"}
		code, uploads, _ := e.runAction(map[string]string{"fail-on-findings": "false"})
		if code != 0 || len(uploads) != 1 {
			t.Errorf("exit code %d, uploaded %q; with fail-on-findings false, want 0 and the SARIF uploaded", code, uploads)
		}
		want := "go install github.com/tracelint/tracelint/cmd/tracelint@latest GOBIN=$ROOT/tracelint/bin GOFLAGS=\n" +
			"tracelint version (in checkout)\n" +
			"tracelint -format github ./... (in checkout)\n" +
			"tracelint -format sarif ./... (in checkout)\n"
		if got := e.logged(); got != want {
			t.Errorf("commands run with the defaults:\n%s\nwant:\n%s", got, want)
		}
	})

	t.Run("no sarif, no findings", func(t *testing.T) {
		e := newActionEnv(t)
		code, uploads, outputs := e.runAction(map[string]string{"sarif": "false", "version": "main"})
		if code != 0 || len(uploads) != 0 {
			t.Errorf("exit code %d, uploaded %q; want 0 and no upload", code, uploads)
		}
		if got := e.logged(); strings.Contains(got, "-format sarif") || !strings.Contains(got, "@main ") {
			t.Errorf("commands run:\n%s\nwant go install @main, and no -format sarif run", got)
		}
		if got := outputs["run"]["findings"]; got != "false" {
			t.Errorf("findings output %q, want false", got)
		}
	})

	t.Run("error", func(t *testing.T) {
		e := newActionEnv(t)
		e.extra = []string{"FAKE_EXIT=1"}
		code, uploads, _ := e.runAction(map[string]string{"fail-on-findings": "false"})
		if code != 1 || len(uploads) != 0 {
			t.Errorf("exit code %d, uploaded %q; an error (exit code 1) fails the action whatever fail-on-findings says, with nothing to upload", code, uploads)
		}
	})

	t.Run("sarif error", func(t *testing.T) {
		e := newActionEnv(t)
		e.extra = []string{"FAKE_EXIT=0", "FAKE_SARIF_EXIT=2"}
		code, uploads, _ := e.runAction(nil)
		if code != 2 || len(uploads) != 0 {
			t.Errorf("exit code %d, uploaded %q; want the SARIF run's exit code 2 and no upload", code, uploads)
		}
	})

	t.Run("install fails", func(t *testing.T) {
		e := newActionEnv(t)
		e.extra = []string{"FAKE_GO_FAIL=1"}
		out, code, _ := e.runStep("install", map[string]string{"TRACELINT_VERSION": "latest"})
		want := "::error title=tracelint::go install github.com/tracelint/tracelint/cmd/tracelint@latest failed; set the action's version input to a release tag, a branch or a commit of github.com/tracelint/tracelint"
		if code != 1 || !strings.Contains(out, want) {
			t.Errorf("exit code %d, output:\n%s\nwant exit code 1 and:\n%s", code, out, want)
		}
		if len(e.path) != 0 {
			t.Errorf("GITHUB_PATH got %v after a failed install", e.path)
		}
	})

	t.Run("unknown mode", func(t *testing.T) {
		e := newActionEnv(t)
		if out, code, _ := e.runStep("lint", nil); code != 2 || !strings.Contains(out, "usage: action.sh install|run|finish") {
			t.Errorf("exit code %d, output %q; want 2 and the usage", code, out)
		}
	})
}

// TestPreCommitHook checks .pre-commit-hooks.yaml: one hook, tracelint,
// built by pre-commit with the go command and run once on the module.
func TestPreCommitHook(t *testing.T) {
	data, err := os.ReadFile(".pre-commit-hooks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var hooks []struct {
		ID, Name, Entry, Language string
		PassFilenames             *bool `yaml:"pass_filenames"`
		Args, Types               []string
	}
	if err := yaml.Unmarshal(data, &hooks); err != nil {
		t.Fatalf(".pre-commit-hooks.yaml: %v", err)
	}
	if len(hooks) != 1 {
		t.Fatalf("%d hooks, want 1", len(hooks))
	}
	h := hooks[0]
	if h.ID != "tracelint" || h.Name == "" || h.Entry != "tracelint" || h.Language != "golang" || h.PassFilenames == nil || *h.PassFilenames ||
		!slices.Equal(h.Args, []string{"./..."}) || !slices.Equal(h.Types, []string{"go"}) {
		t.Errorf("hook %+v; want id and entry tracelint, language golang, pass_filenames false, args [./...], types [go]", h)
	}
}
