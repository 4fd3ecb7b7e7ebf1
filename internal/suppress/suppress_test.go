package suppress_test

import (
	"fmt"
	"go/parser"
	"go/token"
	"slices"
	"strings"
	"testing"

	"github.com/tracelint/tracelint/internal/suppress"
)

const src = `package p

func a() {
	x() //nolint:TL201
	x() //nolint:spanend // the span is ended by the pool
	x() //nolint
	x() //nolint:TL101,TL102
	x() // nolint:TL201 is no directive (space after //)
	x() //nolintTL201
	x() // a comment
	x()
}

//nolint:tracelint // generated
func b() {
	x()
}

func c() { //nolint:piiattrs
	x()
}

func x() {}
`

func TestSilenced(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	d := suppress.Read(fset, f)
	tf := fset.File(f.Pos())
	at := func(line int) token.Pos { return tf.LineStart(line) + 1 }
	for _, tc := range []struct {
		line           int
		analyzer, rule string
		want           bool
	}{
		{4, "spanend", "TL201", true},
		{4, "spanend", "TL202", false},
		{5, "spanend", "TL203", true},
		{5, "ctxpropagation", "TL101", false},
		{6, "attrkeys", "TL301", true},
		{7, "ctxpropagation", "TL102", true},
		{7, "ctxpropagation", "TL103", false},
		{8, "spanend", "TL201", false},
		{9, "spanend", "TL201", false},
		{11, "spanend", "TL201", false},
		{16, "spanend", "TL201", true},  // in b, silenced by its doc comment
		{20, "piiattrs", "TL401", true}, // in c, silenced on its first line
		{20, "spanend", "TL201", false},
	} {
		if got := d.Silenced(at(tc.line), tc.analyzer, tc.rule); got != tc.want {
			t.Errorf("line %d, %s %s: silenced %v, want %v", tc.line, tc.analyzer, tc.rule, got, tc.want)
		}
	}
}

func TestInsertion(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	tf := fset.File(f.Pos())
	for _, tc := range []struct {
		line int
		want string
	}{
		{4, "\tx() //nolint:TL201,TL204"},
		{5, "\tx() //nolint:spanend,TL204 // the span is ended by the pool"},
		{10, "\tx() //nolint:TL204 // a comment"},
		{11, "\tx() //nolint:TL204"},
	} {
		pos, text := suppress.Insertion(fset, f, []byte(src), tc.line, "TL204")
		off := tf.Offset(pos)
		edited := src[:off] + text + src[off:]
		if got := strings.Split(edited, "\n")[tc.line-1]; got != tc.want {
			t.Errorf("line %d: %q, want %q", tc.line, got, tc.want)
		}
	}
}

const checked = `package p

func a() {
	x() //nolint:TL201 // used
	x() //nolint:TL202
	x() //nolint:TL201,TL202,errcheck // one used, one not, one another linter's
	x() //nolint:spanned
	x() //nolint:TL209,TL2O1
	x() //nolint:errcheck,gocritic
	x() //nolint
	//nolint:TL201
	x()
	x() //nolint:attrkeys // attrkeys did not run
}

//nolint:spanend // silences b
func b() {
	x()
}

func c() { //nolint:tracelint
	x()
}

// d has nothing to silence.
//
//nolint:spanend // left over
func d() {
	x()
}

func x() {}
`

// vocab is a small suite: two analyzers, three rules; attrkeys did not run.
var vocab = suppress.Vocabulary{
	Rules:     map[string]string{"TL201": "spanend", "TL202": "spanend", "TL301": "attrkeys"},
	Analyzers: []string{"spanend", "attrkeys"},
	Ran:       func(a string) bool { return a != "attrkeys" },
}

func TestCheck(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", checked, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	d := suppress.Read(fset, f)
	// The run's findings: TL201 on lines 4 and 6, and one in b.
	for _, line := range []int{4, 6, 18} {
		if !d.Use(line, "spanend", "TL201") {
			t.Errorf("line %d: TL201 not silenced", line)
		}
	}
	if d.Use(12, "spanend", "TL201") {
		t.Errorf("line 12: silenced by the directive alone on the line above")
	}

	tf := fset.File(f.Pos())
	edited := func(e *suppress.Edit) string {
		if e == nil {
			return "no fix"
		}
		from, to := tf.Offset(e.Pos), tf.Offset(e.End)
		out := checked[:from] + e.NewText + checked[to:]
		line := tf.Position(e.Pos).Line
		return strings.Split(out, "\n")[line-1]
	}
	var got []string
	for _, p := range d.Check(vocab, true, []byte(checked)) {
		pos := tf.Position(p.Pos)
		got = append(got, fmt.Sprintf("%d:%d %s => %s", pos.Line, pos.Column, p.Message, edited(p.Fix)))
	}
	want := []string{
		`5:6 //nolint:TL202 silences no finding on its line; remove it (TL000) => 	x()`,
		`5:6 //nolint:TL202 gives no reason; say why after a second //: //nolint:TL202 // why the finding does not apply here (TL000) => no fix`,
		`6:21 "TL202" in //nolint:TL201,TL202,errcheck silences no finding on its line; remove it from the list (TL000) => 	x() //nolint:TL201,errcheck // one used, one not, one another linter's`,
		`7:15 "spanned" in //nolint:spanned is no tracelint rule or analyzer, so it silences nothing; did you mean "spanend"? (TL000) => no fix`,
		`8:15 "TL209" in //nolint:TL209,TL2O1 is no tracelint rule, so it silences nothing; name a rule of the catalogue (TL000) => no fix`,
		`8:21 "TL2O1" in //nolint:TL209,TL2O1 is no tracelint rule or analyzer, so it silences nothing; did you mean "TL201"? (TL000) => no fix`,
		`11:2 //nolint:TL201 silences no finding on its own line, which holds no code: a directive silences its line, or a top-level declaration from its doc comment or first line; remove it (TL000) => 	x()`,
		`11:2 //nolint:TL201 gives no reason; say why after a second //: //nolint:TL201 // why the finding does not apply here (TL000) => no fix`,
		`21:12 //nolint:tracelint gives no reason; say why after a second //: //nolint:tracelint // why the finding does not apply here (TL000) => no fix`,
		// The line "//" that gofmt puts before the directive goes with it.
		`27:1 //nolint:spanend silences no finding in the declaration it precedes; remove it (TL000) => func d() {`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// With every analyzer run, the names of attrkeys and tracelint are
	// judged too; without -require-reason, reasons are not.
	all := vocab
	all.Ran = nil
	got = got[:0]
	for _, p := range d.Check(all, false, []byte(checked)) {
		pos := tf.Position(p.Pos)
		got = append(got, fmt.Sprintf("%d:%d %s => %s", pos.Line, pos.Column, p.Message, edited(p.Fix)))
	}
	for _, want := range []string{
		`13:6 //nolint:attrkeys silences no finding on its line; remove it (TL000) => 	x()`,
		`21:12 //nolint:tracelint silences no finding in its declaration; remove it (TL000) => func c() {`,
	} {
		if !slices.Contains(got, want) {
			t.Errorf("with every analyzer run, problems:\n%s\nlack:\n%s", strings.Join(got, "\n"), want)
		}
	}
	for _, p := range got {
		if strings.Contains(p, "no reason") {
			t.Errorf("without requireReason: %s", p)
		}
	}
}
