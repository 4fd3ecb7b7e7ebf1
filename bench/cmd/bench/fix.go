package main

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/tracelint/tracelint/bench/internal/corpus"
	"github.com/tracelint/tracelint/bench/internal/findings"
)

// fixReport is what -fix found on one module.
type fixReport struct {
	mod        corpus.Module
	fixed      map[string]int // fixed findings per rule
	notGone    []findings.Finding
	buildOut   string // go build ./... output when it failed
	vetOut     string // go vet output lines not there before the fix
	risky      []string
	files      int
	generated  int // fixable findings in generated files, which -fix does not edit
	applyError string
}

// fixAll applies tracelint -fix to a scratch copy of each module and checks
// that the result builds, vets as well as before, and no longer has the
// fixed findings; it lists every fix whose new code may run when the
// context it passes is already cancelled.
func (e *env) fixAll() error {
	var reps []*fixReport
	for _, m := range e.mods {
		rep, err := e.fixModule(m)
		if err != nil {
			return err
		}
		reps = append(reps, rep)
	}
	fmt.Println("## Autofix safety (tracelint -fix on a scratch copy)")
	fmt.Println()
	fmt.Println("| module | fixed findings | files | in generated files (not fixed) | go build | go vet (touched packages) | fixed findings still reported | fixes to review |")
	fmt.Println("| --- | --- | ---: | ---: | --- | --- | ---: | ---: |")
	bad := false
	for _, r := range reps {
		build, vet := "ok", "ok"
		if r.buildOut != "" {
			build, bad = "FAILS", true
		}
		if r.vetOut != "" {
			vet, bad = "NEW PROBLEMS", true
		}
		if len(r.notGone) > 0 || r.applyError != "" {
			bad = true
		}
		fmt.Printf("| %s | %s | %d | %d | %s | %s | %d | %d |\n", r.mod.Name, perRule(r.fixed), r.files, r.generated, build, vet, len(r.notGone), len(r.risky))
	}
	fmt.Println()
	for _, r := range reps {
		if r.applyError != "" {
			fmt.Printf("### %s: tracelint -fix failed\n\n%s\n\n", r.mod.Name, r.applyError)
		}
		if r.buildOut != "" {
			fmt.Printf("### %s: go build ./... problems the fixes introduced\n\n```\n%s\n```\n\n", r.mod.Name, r.buildOut)
		}
		if r.vetOut != "" {
			fmt.Printf("### %s: go vet problems the fixes introduced\n\n```\n%s\n```\n\n", r.mod.Name, r.vetOut)
		}
		for _, f := range r.notGone {
			fmt.Printf("- %s: still reported after its fix: %s %s\n", r.mod.Name, f.Key(), f.Message)
		}
		for _, s := range r.risky {
			fmt.Printf("- %s: review: %s\n", r.mod.Name, s)
		}
	}
	if bad {
		return fmt.Errorf("some fixes broke the build, vet, or did not remove their finding")
	}
	return nil
}

func (e *env) fixModule(m corpus.Module) (*fixReport, error) {
	src, err := e.prepare(m)
	if err != nil {
		return nil, err
	}
	dir, err := e.scratch(m, src, "fix")
	if err != nil {
		return nil, err
	}
	rep := &fixReport{mod: m, fixed: map[string]int{}}
	before, _, err := e.lint(m, dir)
	if err != nil {
		return nil, err
	}
	var fixable []findings.Finding
	touched := map[string]bool{}
	for _, f := range before.Findings {
		if len(f.Fixes) == 0 {
			continue
		}
		if generated(dir, f.File) {
			rep.generated++ // the driver's -fix leaves generated files alone
			continue
		}
		fixable = append(fixable, f)
		rep.fixed[f.Rule]++
		for _, fx := range f.Fixes {
			for _, ed := range fx.Edits {
				touched[ed.File] = true
			}
		}
	}
	rep.files = len(touched)
	if len(fixable) == 0 {
		return rep, nil
	}
	for _, f := range fixable {
		if why := riskOf(dir, f); why != "" {
			rep.risky = append(rep.risky, fmt.Sprintf("%s %s (%s): %s", f.Key(), f.Fixes[0].Message, why, preview(dir, f)))
		}
	}
	pkgs := touchedPackages(touched)
	vetBefore, _ := goCmd(dir, append([]string{"vet"}, pkgs...)...).CombinedOutput()
	// Some modules do not build as the proxy serves them (a replace to a
	// directory the zip leaves out, an embed of generated assets): only
	// what the fixes add counts.
	buildBefore, _ := goCmd(dir, "build", "./...").CombinedOutput()

	fix := exec.Command(e.tracelint, "-fix", "./...")
	fix.Dir, fix.Env = dir, corpus.Env()
	// -fix exits 3 while findings remain and 1 on an error; fixes that
	// overlap one applied, or whose file changed, are reported as "not
	// applied".
	out, err := fix.CombinedOutput()
	var exit *exec.ExitError
	if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 3) || bytes.Contains(out, []byte("not applied")) {
		rep.applyError = string(out)
	}
	buildAfter, _ := goCmd(dir, "build", "./...").CombinedOutput()
	rep.buildOut = newLines(buildBefore, buildAfter)
	vetAfter, _ := goCmd(dir, append([]string{"vet"}, pkgs...)...).CombinedOutput()
	rep.vetOut = newLines(vetBefore, vetAfter)

	after, _, err := e.lint(m, dir)
	if err != nil {
		return nil, err
	}
	left := map[string]int{}
	for _, f := range after.Findings {
		left[f.Shape()]++
	}
	for _, f := range fixable {
		if left[f.Shape()] > 0 {
			left[f.Shape()]--
			rep.notGone = append(rep.notGone, f)
		}
	}
	return rep, nil
}

// touchedPackages returns the package patterns of the directories holding
// the touched files.
func touchedPackages(files map[string]bool) []string {
	set := map[string]bool{}
	for f := range files {
		set["./"+path.Dir(f)] = true
	}
	var pkgs []string
	for p := range set {
		pkgs = append(pkgs, p)
	}
	sort.Strings(pkgs)
	return pkgs
}

// newLines returns the lines of after that before does not have, with
// line and column numbers ignored (the fixes move code).
func newLines(before, after []byte) string {
	seen := map[string]int{}
	for _, l := range strings.Split(string(before), "\n") {
		seen[findingsShape(l)]++
	}
	var out []string
	for _, l := range strings.Split(string(after), "\n") {
		k := findingsShape(l)
		if seen[k] > 0 {
			seen[k]--
			continue
		}
		if strings.TrimSpace(l) != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func findingsShape(line string) string {
	return findings.Finding{Message: line}.Shape()
}

// riskOf says why a fix may change behaviour for the worse, or "". A fix
// that passes a context is suspect where the new code may run after the
// request's context is cancelled: in a deferred call of a function that
// waited for its context to be done (a deferred call otherwise runs before
// the function's own cancel funcs and before its caller cancels), in a
// goroutine (unless the fix detaches with context.WithoutCancel), or in a
// function that shuts something down.
func riskOf(dir string, f findings.Finding) string {
	if len(f.Fixes) == 0 || len(f.Fixes[0].Edits) == 0 {
		return ""
	}
	edit := f.Fixes[0].Edits[0]
	if !strings.Contains(edit.New, "ctx") && !strings.Contains(edit.New, "Context") {
		return "" // not a context fix (span ends, attribute keys)
	}
	if loggingVariant.MatchString(edit.New) {
		return "" // a logger does not stop on a cancelled context
	}
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, filepath.Join(dir, edit.File), nil, parser.SkipObjectResolution)
	if err != nil {
		return ""
	}
	tf := fset.File(file.Pos())
	if edit.Start > tf.Size() {
		return ""
	}
	pos := tf.Pos(edit.Start)
	nodes, _ := astutil.PathEnclosingInterval(file, pos, pos)
	deferred := false
	for _, n := range nodes {
		switch n := n.(type) {
		case *ast.DeferStmt:
			deferred = true
		case *ast.FuncLit:
			if deferred && waitsForDone(n.Body) {
				return "runs deferred in a function that waited for its context to be done"
			}
		case *ast.GoStmt:
			if !strings.Contains(edit.New, "WithoutCancel") {
				return "runs in a goroutine that may outlive the request"
			}
		case *ast.FuncDecl:
			if deferred && waitsForDone(n.Body) {
				return "runs deferred in a function that waited for its context to be done"
			}
			name := strings.ToLower(n.Name.Name)
			for _, w := range []string{"shutdown", "close", "stop", "cleanup", "teardown", "drain"} {
				if strings.Contains(name, w) {
					return "in " + n.Name.Name + ", which may run after the context is cancelled"
				}
			}
		}
	}
	return ""
}

// loggingVariant matches the new name of a logging call's context variant
// (slog's InfoContext, zap-style InfoWithContext): logging with a cancelled
// context still logs, so such a fix cannot stop work early.
var loggingVariant = regexp.MustCompile(`^(Debug|Info|Warn|Error|Fatal|Panic|Log|Print)[a-z]*(Context|WithContext)$`)

// generated reports whether the module's file is generated code, as its
// header says.
func generated(dir, file string) bool {
	f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(dir, file), nil, parser.PackageClauseOnly|parser.ParseComments)
	return err == nil && ast.IsGenerated(f)
}

// preview shows a fix's first edit as "old → new".
func preview(dir string, f findings.Finding) string {
	edit := f.Fixes[0].Edits[0]
	data, err := os.ReadFile(filepath.Join(dir, edit.File))
	if err != nil || edit.End > len(data) || edit.Start > edit.End {
		return ""
	}
	return fmt.Sprintf("%q → %q", data[edit.Start:edit.End], edit.New)
}

// perRule formats counts per rule as "TL101 ×3, TL201 ×2".
func perRule(m map[string]int) string {
	if len(m) == 0 {
		return "none"
	}
	var ids []string
	for id := range m {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var parts []string
	for _, id := range ids {
		parts = append(parts, fmt.Sprintf("%s ×%d", id, m[id]))
	}
	return strings.Join(parts, ", ")
}

// waitsForDone reports whether body receives from a Done channel
// (<-ctx.Done(), directly or as a select case), outside function literals.
func waitsForDone(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.UnaryExpr:
			if call, ok := n.X.(*ast.CallExpr); ok && n.Op == token.ARROW {
				if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Done" {
					found = true
				}
			}
		}
		return !found
	})
	return found
}
