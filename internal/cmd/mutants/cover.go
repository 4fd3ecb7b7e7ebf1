package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// A leaf is one test or subtest with no subtests of its own.
type leaf struct {
	path  []string         // test name, then subtest names
	lines map[string][]int // file base name → lines its statements covered
	took  time.Duration
}

// leaves runs the schema binary verbosely with no mutant selected and
// returns its leaf tests.
func leaves(bin, dir string) ([]*leaf, error) {
	cmd := exec.Command(bin, "-test.v", "-test.count=1")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), envVar+"=0")
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("the tests of %s do not pass without mutants: %v", dir, err)
	}
	var names []string
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if name, ok := strings.CutPrefix(sc.Text(), "=== RUN   "); ok {
			names = append(names, name)
		}
	}
	var out2 []*leaf
	for i, name := range names {
		if i+1 < len(names) && strings.HasPrefix(names[i+1], name+"/") {
			continue // it has subtests
		}
		out2 = append(out2, &leaf{path: strings.Split(name, "/")})
	}
	return out2, nil
}

// runPattern is the -test.run pattern that selects these leaves (and
// possibly others whose names combine their levels).
func runPattern(ls []*leaf) string {
	var levels []map[string]bool
	for _, l := range ls {
		for i, name := range l.path {
			if i == len(levels) {
				levels = append(levels, map[string]bool{})
			}
			levels[i][name] = true
		}
	}
	var parts []string
	for _, names := range levels {
		var alts []string
		for n := range names {
			alts = append(alts, regexp.QuoteMeta(n))
		}
		sort.Strings(alts)
		parts = append(parts, "^("+strings.Join(alts, "|")+")$")
	}
	return strings.Join(parts, "/")
}

// cover runs each leaf alone with a coverage profile and records the
// lines of the package it executed.
func cover(bin, dir string, ls []*leaf, tmp string) error {
	for i, l := range ls {
		prof := filepath.Join(tmp, fmt.Sprintf("cover%d.out", i))
		cmd := exec.Command(bin, "-test.count=1", "-test.run", runPattern([]*leaf{l}), "-test.coverprofile", prof)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), envVar+"=0")
		start := time.Now()
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("%s alone: %v\n%s", strings.Join(l.path, "/"), err, out)
		}
		l.took = time.Since(start)
		lines, err := coveredLines(prof)
		if err != nil {
			return err
		}
		l.lines = lines
	}
	return nil
}

// coveredLines reads a coverage profile: "file:l0.c0,l1.c1 stmts count".
func coveredLines(prof string) (map[string][]int, error) {
	b, err := os.ReadFile(prof)
	if err != nil {
		return nil, err
	}
	out := map[string][]int{}
	for _, line := range strings.Split(string(b), "\n")[1:] {
		f := strings.Fields(line)
		if len(f) != 3 || f[2] == "0" {
			continue
		}
		file, span, _ := strings.Cut(f[0], ":")
		from, to, _ := strings.Cut(span, ",")
		l0, _ := strconv.Atoi(strings.Split(from, ".")[0])
		l1, _ := strconv.Atoi(strings.Split(to, ".")[0])
		base := filepath.Base(file)
		for l := l0; l <= l1; l++ {
			out[base] = append(out[base], l)
		}
	}
	return out, nil
}

// covering returns the leaves that executed line of file.
func covering(ls []*leaf, file string, line int) []*leaf {
	var out []*leaf
	for _, l := range ls {
		for _, n := range l.lines[filepath.Base(file)] {
			if n == line {
				out = append(out, l)
				break
			}
		}
	}
	return out
}

// runMutant runs the leaves in the package directory, as go test does,
// with mutant id switched on.
func runMutant(bin, dir string, id int, ls []*leaf, timeout time.Duration) string {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-test.failfast", "-test.count=1", "-test.run", runPattern(ls))
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), fmt.Sprintf("%s=%d", envVar, id))
	err := cmd.Run()
	switch {
	case ctx.Err() != nil:
		return "timeout"
	case err == nil:
		return "survived"
	}
	return "killed"
}
