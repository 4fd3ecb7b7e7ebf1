package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadRepositoryList(t *testing.T) {
	mods, err := Load(filepath.Join("..", "..", "modules.txt"))
	if err != nil {
		t.Fatal(err)
	}
	quick := 0
	for _, m := range mods {
		if m.Quick {
			quick++
		}
		if !strings.Contains(m.Path, ".") || !strings.HasPrefix(m.Version, "v") {
			t.Errorf("odd module line: %+v", m)
		}
	}
	if len(mods) < 10 || quick != 2 {
		t.Errorf("got %d modules, %d quick; the issue asks for at least ten, -quick for two", len(mods), quick)
	}
}

func TestLoadErrors(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"a example.com/a\n", "list.txt:1: want NAME MODULE VERSION"},
		{"a example.com/a v1.0.0 fast\n", `list.txt:1: unknown flag "fast"`},
		{"a example.com/a v1.0.0\na example.com/b v1.0.0\n", `list.txt:2: module name "a" used twice`},
	} {
		path := filepath.Join(t.TempDir(), "list.txt")
		os.WriteFile(path, []byte(c.text), 0o644)
		if _, err := Load(path); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Load(%q) = %v, want %q", c.text, err, c.want)
		}
	}
}

func TestCopyAndLines(t *testing.T) {
	src := t.TempDir()
	os.MkdirAll(filepath.Join(src, "p", "testdata"), 0o755)
	os.WriteFile(filepath.Join(src, "p", "a.go"), []byte("package p\n\nfunc A() {}\n"), 0o444)
	os.WriteFile(filepath.Join(src, "p", "a_test.go"), []byte("package p\n"), 0o444)
	os.WriteFile(filepath.Join(src, "p", "testdata", "x.go"), []byte("package x\n"), 0o444)
	dst := filepath.Join(t.TempDir(), "copy")
	if err := Copy(src, dst); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dst, "p", "a.go"), []byte("package p\n"), 0o644); err != nil {
		t.Errorf("the copy is not writable: %v", err)
	}
	nonTest, test, err := Lines(src)
	if err != nil || nonTest != 3 || test != 1 {
		t.Errorf("Lines = %d, %d, %v; want 3, 1 (testdata left out)", nonTest, test, err)
	}
}
