package finding

import "testing"

func TestParsePos(t *testing.T) {
	for _, tc := range []struct {
		in        string
		file      string
		line, col int
		ok        bool
	}{
		{"/a/b.go:3:5", "/a/b.go", 3, 5, true},
		{"/a/b.go:3", "/a/b.go", 3, 0, true},
		{`C:\a\b.go:3:5`, `C:\a\b.go`, 3, 5, true},
		{"-", "", 0, 0, false},
		{"", "", 0, 0, false},
	} {
		file, line, col, ok := ParsePos(tc.in)
		if file != tc.file || line != tc.line || col != tc.col || ok != tc.ok {
			t.Errorf("ParsePos(%q) = %q, %d, %d, %v", tc.in, file, line, col, ok)
		}
	}
}

func TestLineText(t *testing.T) {
	src := []byte("package p\n\n\tx := 1 // c\nlast")
	for off, want := range map[int]string{0: "package p", 11: "x := 1 // c", 14: "x := 1 // c", 24: "last", 100: ""} {
		if got := LineText(src, off); got != want {
			t.Errorf("offset %d: %q, want %q", off, got, want)
		}
	}
}
