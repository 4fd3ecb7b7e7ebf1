package suppress_test

import (
	"go/parser"
	"go/token"
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
