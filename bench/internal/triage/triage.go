// Package triage reads and writes the benchmark's triage files: for one
// pinned module, every default finding of tracelint with a verdict and a
// one-line reason, and compares them with a new run.
//
// A triage file holds one finding a line,
//
//	RULE FILE:LINE:COL VERDICT REASON...
//
// where VERDICT is real, not-worth-acting or wrong, or ? for a finding not
// judged yet (`bench/run -triage -update` appends new findings that way,
// with their message as the reason, and drops the lines of findings that
// are gone). Findings that share one cause may
// share one verdict: a line
//
//	group NAME VERDICT REASON...
//
// defines it, and a finding line names it as @NAME in place of its verdict
// and reason. Lines starting with # are comments.
package triage

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"

	"github.com/tracelint/tracelint/bench/internal/findings"
)

// The verdicts.
const (
	Real     = "real"             // a reviewer would act on it
	NotWorth = "not-worth-acting" // literally right, not worth a change
	Wrong    = "wrong"            // a false positive
	Unjudged = "?"                // not judged yet
)

// Verdicts lists the verdicts a judged finding may carry.
var Verdicts = []string{Real, NotWorth, Wrong}

// Entry is one judged finding.
type Entry struct {
	Key     string // "RULE FILE:LINE:COL"
	Verdict string
	Reason  string
	Group   string // the group it shares its verdict with, if any
	Line    int    // its line in the triage file
}

// File is one module's triage.
type File struct {
	Path    string
	Entries map[string]*Entry
	Order   []string // keys in file order
}

// Read parses a triage file. A missing file is an empty triage.
func Read(path string) (*File, error) {
	t := &File{Path: path, Entries: map[string]*Entry{}}
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return t, nil
	}
	if err != nil {
		return nil, err
	}
	type group struct{ verdict, reason string }
	groups := map[string]group{}
	var pending []*Entry // entries naming a group, resolved at the end
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		if fields[0] == "group" {
			if len(fields) < 4 {
				return nil, fmt.Errorf("%s:%d: want group NAME VERDICT REASON", path, n)
			}
			if !valid(fields[2]) {
				return nil, fmt.Errorf("%s:%d: group %s: unknown verdict %q (want %s)", path, n, fields[1], fields[2], strings.Join(Verdicts, ", "))
			}
			groups[fields[1]] = group{fields[2], strings.Join(fields[3:], " ")}
			continue
		}
		if len(fields) < 3 {
			return nil, fmt.Errorf("%s:%d: want RULE FILE:LINE:COL VERDICT REASON or RULE FILE:LINE:COL @GROUP", path, n)
		}
		e := &Entry{Key: fields[0] + " " + fields[1], Line: n}
		switch v := fields[2]; {
		case strings.HasPrefix(v, "@"):
			e.Group = v[1:]
			pending = append(pending, e)
		case v == Unjudged || valid(v):
			if len(fields) < 4 && v != Unjudged {
				return nil, fmt.Errorf("%s:%d: verdict %s without a reason", path, n, v)
			}
			e.Verdict, e.Reason = v, strings.Join(fields[3:], " ")
		default:
			return nil, fmt.Errorf("%s:%d: unknown verdict %q (want %s, ? or @GROUP)", path, n, v, strings.Join(Verdicts, ", "))
		}
		if prev, ok := t.Entries[e.Key]; ok {
			return nil, fmt.Errorf("%s:%d: %s is judged twice (first on line %d)", path, n, e.Key, prev.Line)
		}
		t.Entries[e.Key] = e
		t.Order = append(t.Order, e.Key)
	}
	for _, e := range pending {
		g, ok := groups[e.Group]
		if !ok {
			return nil, fmt.Errorf("%s:%d: no group %q is defined", path, e.Line, e.Group)
		}
		e.Verdict, e.Reason = g.verdict, g.reason
	}
	return t, sc.Err()
}

func valid(v string) bool {
	for _, w := range Verdicts {
		if v == w {
			return true
		}
	}
	return false
}

// Diff compares a run's findings with the triage: the findings it judges,
// those it does not know or has not judged yet, and the judged entries no
// finding matches any more.
type Diff struct {
	Judged []Judged
	New    []findings.Finding // not in the file, or judged ?
	Gone   []*Entry
}

// Judged is a finding and its verdict.
type Judged struct {
	findings.Finding
	*Entry
}

// Compare matches a run's findings against the triage by rule and position.
func (t *File) Compare(fs []findings.Finding) *Diff {
	d := &Diff{}
	found := map[string]bool{}
	for _, f := range fs {
		found[f.Key()] = true
		e, ok := t.Entries[f.Key()]
		if !ok || e.Verdict == Unjudged {
			d.New = append(d.New, f)
			continue
		}
		d.Judged = append(d.Judged, Judged{f, e})
	}
	for _, k := range t.Order {
		if e := t.Entries[k]; !found[k] && e.Verdict != Unjudged {
			d.Gone = append(d.Gone, e)
		}
	}
	return d
}

// AppendNew appends the findings the triage does not list yet to its file,
// as unjudged lines whose reason is the finding's message, for a person to
// judge.
func (t *File) AppendNew(fs []findings.Finding) (int, error) {
	var buf bytes.Buffer
	n := 0
	for _, f := range fs {
		if _, ok := t.Entries[f.Key()]; ok {
			continue
		}
		fmt.Fprintf(&buf, "%s %s %s\n", f.Key(), Unjudged, oneLine(f.Message))
		n++
	}
	if n == 0 {
		return 0, nil
	}
	out, err := os.OpenFile(t.Path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return 0, err
	}
	if _, err := out.Write(buf.Bytes()); err != nil {
		out.Close()
		return 0, err
	}
	return n, out.Close()
}

// DropGone removes the lines of the given entries from the file: findings
// a change made go away are no longer part of the module's triage. Group
// definitions stay.
func (t *File) DropGone(gone []*Entry) error {
	if len(gone) == 0 {
		return nil
	}
	drop := map[int]bool{}
	for _, e := range gone {
		drop[e.Line] = true
		delete(t.Entries, e.Key)
	}
	data, err := os.ReadFile(t.Path)
	if err != nil {
		return err
	}
	lines := strings.SplitAfter(string(data), "\n")
	var out strings.Builder
	for i, l := range lines {
		if !drop[i+1] {
			out.WriteString(l)
		}
	}
	t.Order = slices.DeleteFunc(t.Order, func(k string) bool { _, ok := t.Entries[k]; return !ok })
	return os.WriteFile(t.Path, []byte(out.String()), 0o644)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// Tally counts verdicts, in and outside test files.
type Tally struct {
	Real, NotWorth, Wrong int
	TestReal, TestTotal   int
}

// Total is the number of judged findings.
func (t Tally) Total() int { return t.Real + t.NotWorth + t.Wrong }

// Add counts one judged finding.
func (t *Tally) Add(j Judged) {
	switch j.Verdict {
	case Real:
		t.Real++
	case NotWorth:
		t.NotWorth++
	case Wrong:
		t.Wrong++
	}
	if j.InTest() {
		t.TestTotal++
		if j.Verdict == Real {
			t.TestReal++
		}
	}
}

// ByRule tallies judged findings per rule ID, and returns the IDs in order.
func ByRule(js []Judged) (map[string]*Tally, []string) {
	m := map[string]*Tally{}
	for _, j := range js {
		t, ok := m[j.Rule]
		if !ok {
			t = &Tally{}
			m[j.Rule] = t
		}
		t.Add(j)
	}
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return m, ids
}
