// Command mutants measures how well an analyzer's tests guard its rule
// conditions: it breaks one condition at a time in a package (an if
// condition negated, one operand of && or || dropped), runs the package's
// tests over each broken copy through go test -overlay, and counts the
// mutants the tests kill. See docs/testing.md.
//
// Usage:
//
//	go run ./internal/cmd/mutants [-j N] [-timeout D] [-json FILE] ./analyzers/attrkeys ...
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
)

// A mutant is one broken condition.
type mutant struct {
	Pkg    string `json:"pkg"`
	File   string `json:"file"`
	Line   int    `json:"line"`
	What   string `json:"what"`   // the mutation, e.g. `!(ok && x)` for `ok && x`
	Status string `json:"status"` // killed, survived, not viable (does not compile), timeout

	start, end int    // byte range replaced
	text       string // the replacement
}

func main() {
	workers := flag.Int("j", 2, "mutants tested at once")
	timeout := flag.Duration("timeout", 5*time.Minute, "time allowed for one mutant's tests")
	out := flag.String("json", "", "write every mutant and its status to this file")
	limit := flag.Int("limit", 0, "test only the first N mutants (a smoke test)")
	flag.Parse()
	var all []*mutant
	for _, dir := range flag.Args() {
		ms, err := mutants(dir)
		if err != nil {
			fmt.Fprintln(os.Stderr, "mutants:", err)
			os.Exit(1)
		}
		all = append(all, ms...)
	}
	fmt.Fprintf(os.Stderr, "mutants: %d mutants in %s\n", len(all), strings.Join(flag.Args(), " "))
	if *limit > 0 && *limit < len(all) {
		all = all[:*limit]
	}
	run(all, *workers, *timeout)
	report(all)
	if *out != "" {
		b, _ := json.MarshalIndent(all, "", "  ")
		if err := os.WriteFile(*out, b, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "mutants:", err)
			os.Exit(1)
		}
	}
}

// mutants lists the mutants of the non-test Go files of the package in dir.
func mutants(dir string) ([]*mutant, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	var out []*mutant
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			return nil, err
		}
		text := func(n ast.Node) string {
			return string(src[fset.Position(n.Pos()).Offset:fset.Position(n.End()).Offset])
		}
		add := func(n ast.Node, repl, what string) {
			p := fset.Position(n.Pos())
			out = append(out, &mutant{Pkg: dir, File: name, Line: p.Line, What: what,
				start: p.Offset, end: fset.Position(n.End()).Offset, text: repl})
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.IfStmt:
				c := text(n.Cond)
				add(n.Cond, "!("+c+")", "if "+oneLine(c)+" negated")
			case *ast.BinaryExpr:
				if n.Op == token.LAND || n.Op == token.LOR {
					add(n, "("+text(n.X)+")", oneLine(text(n))+" without its right operand")
					add(n, "("+text(n.Y)+")", oneLine(text(n))+" without its left operand")
				}
			}
			return true
		})
	}
	return out, nil
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 100 {
		s = s[:97] + "..."
	}
	return s
}

// run tests every mutant, workers at a time.
func run(all []*mutant, workers int, timeout time.Duration) {
	tmp, err := os.MkdirTemp("", "mutants")
	if err != nil {
		fmt.Fprintln(os.Stderr, "mutants:", err)
		os.Exit(1)
	}
	defer os.RemoveAll(tmp)
	jobs := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				m := all[i]
				m.Status = test(m, filepath.Join(tmp, fmt.Sprint(i)), timeout)
				mu.Lock()
				done++
				fmt.Fprintf(os.Stderr, "mutants: %d/%d %s %s:%d %s\n", done, len(all), m.Status, filepath.Base(m.File), m.Line, m.What)
				mu.Unlock()
			}
		}()
	}
	for i := range all {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
}

// test runs the mutant's package tests over the mutated file.
func test(m *mutant, dir string, timeout time.Duration) string {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "error: " + err.Error()
	}
	src, err := os.ReadFile(m.File)
	if err != nil {
		return "error: " + err.Error()
	}
	mutated := append(append(append([]byte{}, src[:m.start]...), m.text...), src[m.end:]...)
	file := filepath.Join(dir, filepath.Base(m.File))
	if err := os.WriteFile(file, mutated, 0o644); err != nil {
		return "error: " + err.Error()
	}
	abs, _ := filepath.Abs(m.File)
	overlay, _ := json.Marshal(map[string]any{"Replace": map[string]string{abs: file}})
	ov := filepath.Join(dir, "overlay.json")
	if err := os.WriteFile(ov, overlay, 0o644); err != nil {
		return "error: " + err.Error()
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", "test", "-overlay="+ov, "-count=1", "-failfast", "./"+filepath.Clean(m.Pkg))
	out, err := cmd.CombinedOutput()
	switch {
	case ctx.Err() != nil:
		return "timeout"
	case err == nil:
		return "survived"
	case bytes.Contains(out, []byte("[build failed]")) || bytes.Contains(out, []byte("[setup failed]")):
		return "not viable"
	}
	return "killed"
}

// report prints the score per package and the survivors.
func report(all []*mutant) {
	type tally struct{ killed, survived, timeout, notViable int }
	by := make(map[string]*tally)
	var pkgs []string
	for _, m := range all {
		t, ok := by[m.Pkg]
		if !ok {
			t = new(tally)
			by[m.Pkg] = t
			pkgs = append(pkgs, m.Pkg)
		}
		switch m.Status {
		case "killed":
			t.killed++
		case "survived":
			t.survived++
		case "timeout":
			t.timeout++
		default:
			t.notViable++
		}
	}
	sort.Strings(pkgs)
	fmt.Println("| package | mutants | killed | survived | timeout | not viable | score |")
	fmt.Println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
	for _, p := range pkgs {
		t := by[p]
		viable := t.killed + t.survived + t.timeout
		score := 0.0
		if viable > 0 {
			score = 100 * float64(t.killed+t.timeout) / float64(viable)
		}
		fmt.Printf("| %s | %d | %d | %d | %d | %d | %.1f%% |\n", p, viable+t.notViable, t.killed, t.survived, t.timeout, t.notViable, score)
	}
	fmt.Println()
	for _, m := range all {
		if m.Status == "survived" {
			fmt.Printf("- survived: %s:%d %s\n", m.File, m.Line, m.What)
		}
	}
}
