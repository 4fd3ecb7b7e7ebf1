package yamlfile

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// TestBadCharAgrees checks that badChar refuses a character exactly when
// the yaml package's reader does, so that it never points at a character
// the parser took in its stride while the problem is elsewhere.
func TestBadCharAgrees(t *testing.T) {
	var chars []rune
	for r := rune(0); r <= 0xA0; r++ {
		chars = append(chars, r)
	}
	chars = append(chars, 0xD7FF, 0xE000, 0xFEFF, 0xFFFD, 0xFFFE, 0xFFFF, 0x10000, 0x10FFFF)
	for _, r := range chars {
		if r == '\n' || r == '\r' {
			continue
		}
		src := "# x" + string(r) + "\n"
		var n yaml.Node
		refused := yaml.Unmarshal([]byte(src), &n) != nil
		line, col, _, found := badChar([]byte(src))
		if found != refused {
			t.Errorf("%U: badChar finds a bad character: %v; the yaml package refuses it: %v", r, found, refused)
		}
		if found && (line != 1 || col != 4) {
			t.Errorf("%U: badChar places it at %d:%d, want 1:4", r, line, col)
		}
	}
	// Bytes that are not UTF-8, after a character of two bytes and a CRLF.
	for _, src := range []string{"é: 1\r\n# \xff\n", "é: 1\r\n# \xed\xa0\x80\n", "é: 1\r\n# \xc0\xaf\n"} {
		if line, col, _, found := badChar([]byte(src)); !found || line != 2 || col != 3 {
			t.Errorf("%q: badChar = %d:%d, %v; want 2:3", src, line, col, found)
		}
		if utf8.ValidString(src) {
			t.Errorf("%q is valid UTF-8", src)
		}
	}
}

func TestCharAt(t *testing.T) {
	src := []byte("\uFEFFa: é\r\nb:\tc\rd\n")
	for _, tt := range []struct {
		line, col int
		want      rune
	}{
		{1, 1, 'a'}, {1, 4, 'é'}, {1, 5, -1}, {2, 3, '\t'}, {2, 4, 'c'}, {3, 1, 'd'}, {4, 1, -1}, {9, 1, -1},
	} {
		if got := charAt(src, tt.line, tt.col); got != tt.want {
			t.Errorf("charAt(%d, %d) = %q, want %q", tt.line, tt.col, got, tt.want)
		}
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "link.yml")
	if err := os.Symlink("gone.yml", link); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ path, want string }{
		{filepath.Join(dir, "none.yml"), ": registry file not found"},
		{link, `: registry file not found: it is a symbolic link to "gone.yml", which does not exist`},
		{dir, ": is a directory, not a registry file"},
	} {
		_, err := ReadFile(tt.path, "registry file")
		var e *Error
		if !errors.As(err, &e) || err.Error() != tt.path+tt.want {
			t.Errorf("ReadFile(%s) = %v, want the *Error %s%s", tt.path, err, tt.path, tt.want)
		}
	}
	if got := Dangling(dir); got != "" {
		t.Errorf("Dangling(a directory) = %q", got)
	}
}
