package driver

import (
	"flag"
	"fmt"
	"go/parser"
	"go/token"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/tracelint/tracelint/internal/finding"
)

func TestIsVet(t *testing.T) {
	a := &analysis.Analyzer{Name: "spanend", Doc: "spanend", Run: func(*analysis.Pass) (any, error) { return nil, nil }}
	a.Flags.String("config", "", "a file")
	var config string
	suite := Suite{Analyzers: []*analysis.Analyzer{a}, Flags: func(fs *flag.FlagSet) { fs.StringVar(&config, "config", "", "a file") }}
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{[]string{"-V=full"}, true},
		{[]string{"-flags"}, true},
		{[]string{"go-build1/b001/vet.cfg"}, true},
		{[]string{"-spanend.config=x.yml", "-json", "go-build1/b001/vet.cfg"}, true},
		{[]string{"./..."}, false},
		{[]string{"-fix", "./..."}, false},
		{[]string{"-config", "a.cfg"}, false}, // a flag's value, not a unit
		{[]string{"-spanend.config", "a.cfg"}, false},
		{[]string{"-spanend", "a.cfg"}, true}, // a boolean flag takes no value
		{[]string{"a.cfg", "b.cfg"}, false},
		{[]string{"-nosuch", "a.cfg"}, false}, // the command's error, not go vet's
		{nil, false},
	} {
		if got := IsVet(suite, tc.args); got != tc.want {
			t.Errorf("IsVet(%q) = %v, want %v", tc.args, got, tc.want)
		}
	}
	if v := a.Flags.Lookup("config").Value.String(); v != "" || config != "" {
		t.Errorf("IsVet set flags: -spanend.config %q, -config %q", v, config)
	}
}

func TestEnclosingFunc(t *testing.T) {
	const src = `package p

type S[T any] struct{}

func (s *S[T]) Get() {
	_ = func() {
		_ = 1
	}
}

func (S[T]) Name() {}

func F() {}

var v = 1
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	tf := fset.File(f.Pos())
	for line, want := range map[int]string{7: "(*S).Get", 11: "S.Name", 13: "F", 15: "", 3: ""} {
		if got := enclosingFunc(f, tf.LineStart(line)+1); got != want {
			t.Errorf("line %d: %q, want %q", line, got, want)
		}
	}
}

func TestSummary(t *testing.T) {
	l := func(checked, failed int) *loaded {
		out := &loaded{checked: map[string]bool{}, failed: map[string]bool{}}
		for i := range checked {
			out.checked[strconv.Itoa(i)] = true
		}
		for i := range failed {
			out.failed["f"+strconv.Itoa(i)] = true
		}
		return out
	}
	items := func(rules ...string) []*item {
		var out []*item
		for _, r := range rules {
			out = append(out, &item{Finding: finding.Finding{Rule: r}})
		}
		return out
	}
	for _, tc := range []struct {
		items []*item
		known int
		l     *loaded
		want  string
	}{
		{nil, 0, l(4, 0), "no findings in 4 packages"},
		{items("TL201"), 0, l(1, 0), "1 finding (TL201 ×1) in 1 package"},
		{items("TL201", "TL102", "TL201", "TL102", "TL102"), 0, l(4, 1), "5 findings (TL102 ×3, TL201 ×2) in 4 packages; 1 package could not be checked"},
		{items("TL000"), 3, l(2, 0), "1 finding (TL000 ×1) in 2 packages; 3 findings known to the baseline b.json not shown"},
	} {
		if got := summary(tc.items, tc.known, "b.json", tc.l); got != tc.want {
			t.Errorf("summary: %q, want %q", got, tc.want)
		}
	}
}

func TestMerge(t *testing.T) {
	ins := func(at int, text string) edit { return edit{at, at, text} }
	rep := func(from, to int, text string) edit { return edit{from, to, text} }
	have := []edit{rep(10, 20, "x"), ins(30, "y")}
	for _, tc := range []struct {
		add  edit
		ok   bool
		size int
	}{
		{rep(10, 20, "x"), true, 2}, // identical: taken once
		{ins(30, "y"), true, 2},
		{ins(30, "z"), false, 0}, // two insertions at one place
		{ins(10, "z"), true, 3},  // before the replacement
		{ins(20, "z"), true, 3},  // after it
		{ins(15, "z"), false, 0}, // inside it
		{rep(19, 25, "z"), false, 0},
		{rep(20, 30, "z"), true, 3}, // adjacent on both sides
		{rep(25, 35, "z"), false, 0},
	} {
		got, ok := merge(have, []edit{tc.add})
		if ok != tc.ok || len(got) != tc.size {
			t.Errorf("merge %+v: %v, %d edits; want %v, %d", tc.add, ok, len(got), tc.ok, tc.size)
		}
	}
}

func TestTidy(t *testing.T) {
	before := `package p

import (
	"context"
	"errors"
	"fmt"
)

func f() error {
	_ = context.Background()
	fmt.Println("x")
	return errors.New("y")
}
`
	// A fix replaced the only use of context; fmt was and stays used.
	after := strings.Replace(before, "_ = context.Background()", "_ = 1  ", 1)
	want := `package p

import (
	"errors"
	"fmt"
)

func f() error {
	_ = 1
	fmt.Println("x")
	return errors.New("y")
}
`
	if got := string(tidy("p.go", []byte(before), []byte(after), nil)); got != want {
		t.Errorf("tidy:\n%s\nwant:\n%s", got, want)
	}
	// A file that was not gofmt-formatted is not formatted.
	odd := strings.Replace(before, "func f() error {", "func f()   error {", 1)
	if got := string(tidy("p.go", []byte(odd), []byte(odd), nil)); got != odd {
		t.Errorf("tidy formatted a file that was not formatted:\n%s", got)
	}
}

func TestUnified(t *testing.T) {
	before := "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n"
	after := "a\nb\nC\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn"
	want := `--- a/x.go
+++ b/x.go
@@ -1,6 +1,6 @@
 a
 b
-c
+C
 d
 e
 f
@@ -11,3 +11,4 @@
 k
 l
 m
+n
\ No newline at end of file
`
	if got := unified("x.go", []byte(before), []byte(after)); got != want {
		t.Errorf("unified:\n%s\nwant:\n%s", got, want)
	}
	if got := unified("x.go", []byte(before), []byte(before)); got != "" {
		t.Errorf("unified of equal texts: %q", got)
	}
}

// TestUnifiedApplies checks, on random edits of a text, that applying the
// diff's hunks to the old text gives the new one.
func TestUnifiedApplies(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 300 {
		var a []string
		for range r.IntN(40) {
			a = append(a, fmt.Sprintf("line %d\n", r.IntN(8)))
		}
		b := append([]string(nil), a...)
		for range r.IntN(6) {
			i := r.IntN(len(b) + 1)
			switch r.IntN(3) {
			case 0:
				b = append(b[:i], append([]string{fmt.Sprintf("new %d\n", r.IntN(8))}, b[i:]...)...)
			case 1:
				if i < len(b) {
					b = append(b[:i], b[i+1:]...)
				}
			case 2:
				if i < len(b) {
					b[i] = fmt.Sprintf("changed %d\n", r.IntN(8))
				}
			}
		}
		before, after := strings.Join(a, ""), strings.Join(b, "")
		diff := unified("x", []byte(before), []byte(after))
		if got, err := applyUnified(before, diff); err != nil || got != after {
			t.Fatalf("case %d: %v\nbefore:\n%s\nafter:\n%s\ndiff:\n%s\napplied:\n%s", n, err, before, after, diff, got)
		}
	}
}

// applyUnified applies a unified diff of one file whose lines all end in
// a newline.
func applyUnified(before, diff string) (string, error) {
	old := splitLines(before)
	var out []string
	next := 0 // the next line of old to copy
	for _, line := range splitLines(diff) {
		switch {
		case strings.HasPrefix(line, "---"), strings.HasPrefix(line, "+++"):
		case strings.HasPrefix(line, "@@"):
			var start int
			fmt.Sscanf(strings.TrimPrefix(line, "@@ -"), "%d", &start)
			if strings.HasPrefix(line, fmt.Sprintf("@@ -%d,0 ", start)) {
				start++ // an empty range names the line before
			}
			for next < start-1 {
				out = append(out, old[next])
				next++
			}
		case line[0] == ' ', line[0] == '-':
			if next >= len(old) || old[next] != line[1:] {
				return "", fmt.Errorf("line %d: %q does not match %q", next+1, line, old[min(next, len(old)-1)])
			}
			if line[0] == ' ' {
				out = append(out, old[next])
			}
			next++
		case line[0] == '+':
			out = append(out, line[1:])
		}
	}
	out = append(out, old[next:]...)
	return strings.Join(out, ""), nil
}

// splitLines splits s after each newline.
func splitLines(s string) []string {
	lines := strings.SplitAfter(s, "\n")
	if len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}
