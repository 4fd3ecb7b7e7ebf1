package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// writeTree creates files under root; a name ending in "/" is a directory.
// Configuration files hold an empty mapping.
func writeTree(t *testing.T, root string, names ...string) {
	t.Helper()
	for _, name := range names {
		path := filepath.Join(root, filepath.FromSlash(name))
		if strings.HasSuffix(name, "/") {
			if err := os.MkdirAll(path, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		data := "{}\n"
		if filepath.Base(name) == "go.mod" {
			data = "module example.com/m\n"
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestFind(t *testing.T) {
	for _, tt := range []struct {
		name  string
		files []string
		from  string
		want  string // relative to the tree's root; "" for none
	}{
		{
			name:  "module root from nested package",
			files: []string{"m/go.mod", "m/.tracelint.yml", "m/a/b/c/"},
			from:  "m/a/b/c",
			want:  "m/.tracelint.yml",
		},
		{
			name:  "module root from itself",
			files: []string{"m/go.mod", "m/.tracelint.yml"},
			from:  "m",
			want:  "m/.tracelint.yml",
		},
		{
			name:  "above the module root",
			files: []string{".tracelint.yml", "m/go.mod", "m/a/"},
			from:  "m/a",
			want:  "",
		},
		{
			name:  "nearest wins",
			files: []string{"m/go.mod", "m/.tracelint.yml", "m/a/.tracelint.yml", "m/a/b/"},
			from:  "m/a/b",
			want:  "m/a/.tracelint.yml",
		},
		{
			name:  "nested module",
			files: []string{"m/go.mod", "m/.tracelint.yml", "m/sub/go.mod", "m/sub/a/"},
			from:  "m/sub/a",
			want:  "",
		},
		{
			name:  "missing directory",
			files: []string{"m/go.mod", "m/.tracelint.yml"},
			from:  "m/gone",
			want:  "m/.tracelint.yml",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			writeTree(t, root, tt.files...)
			got, err := Find(filepath.Join(root, filepath.FromSlash(tt.from)))
			if err != nil {
				t.Fatal(err)
			}
			want := ""
			if tt.want != "" {
				want = filepath.Join(root, filepath.FromSlash(tt.want))
			}
			if got != want {
				t.Errorf("Find = %q, want %q", got, want)
			}
		})
	}
}

func TestFindRelative(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, "go.mod", ".tracelint.yml", "a/")
	t.Chdir(filepath.Join(root, "a"))
	got, err := Find(".")
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(root, ".tracelint.yml"); got != want {
		t.Errorf("Find = %q, want %q", got, want)
	}
}

func TestFinder(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, "m/go.mod", "m/a/", "m/b/c/", "n/go.mod", "n/a/", "e/go.mod", "explicit.yml")
	config := "spanend: {infer-wrappers: false}\n"
	if err := os.WriteFile(filepath.Join(root, "m", FileName), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := func(name string) string { return filepath.Join(root, filepath.FromSlash(name)) }

	f := NewFinder("", testRules)
	m1, err := f.For(dir("m/a"))
	if err != nil {
		t.Fatal(err)
	}
	if m1.Spanend.InferWrappers || m1.Dir != dir("m") {
		t.Errorf("For(m/a) = %+v, want the configuration in m", m1)
	}
	for _, d := range []string{"m/b/c", "m", "m/a"} {
		if got, err := f.For(dir(d)); err != nil || got != m1 {
			t.Errorf("For(%s) = %p, %v; want %p, the same Config as for m/a", d, got, err, m1)
		}
	}

	// The file is read once: a change is not seen.
	if err := os.WriteFile(filepath.Join(root, "m", FileName), []byte("foo: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := f.For(dir("m/b")); err != nil || got != m1 {
		t.Errorf("For(m/b) after a change = %p, %v; want %p", got, err, m1)
	}

	n1, err := f.For(dir("n/a"))
	if err != nil {
		t.Fatal(err)
	}
	if n2, _ := f.For(dir("n")); n2 != n1 {
		t.Errorf("For(n) = %p, want %p, the same Config as for n/a", n2, n1)
	}
	want := Default()
	if n1.Spanend.InferWrappers != want.Spanend.InferWrappers || n1.Dir != "" {
		t.Errorf("For(n/a) = %+v, want the defaults", n1)
	}

	// An explicit file applies everywhere, even where another is found.
	fe := NewFinder(dir("explicit.yml"), testRules)
	e1, err := fe.For(dir("m/a"))
	if err != nil {
		t.Fatal(err)
	}
	if e1.Dir != root {
		t.Errorf("explicit For(m/a).Dir = %q, want %q", e1.Dir, root)
	}
	if e2, _ := fe.For(dir("n")); e2 != e1 {
		t.Errorf("explicit For(n) = %p, want %p", e2, e1)
	}
}

func TestFinderErrors(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, "go.mod", "a/")
	path := filepath.Join(root, FileName)
	if err := os.WriteFile(path, []byte("enable: [TL999]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	f := NewFinder("", testRules)
	_, err1 := f.For(filepath.Join(root, "a"))
	checkError(t, err1, path+`:1:10: unknown rule "TL999" in enable; known rules: TL201, TL202, TL203, TL204, TL301`)
	// The error is kept, not the file read again.
	if err := os.WriteFile(path, []byte("{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err2 := f.For(root); err2 != err1 {
		t.Errorf("second For = %v, want the first error again", err2)
	}

	missing := filepath.Join(root, "missing.yml")
	_, err := NewFinder(missing, testRules).For(root)
	checkError(t, err, missing+": configuration file not found")
	var e *Error
	if errors.As(err, &e) && e.File != missing {
		t.Errorf("File = %q, want %q", e.File, missing)
	}
}

// TestFindDangling checks that a configuration file that is a symbolic
// link to nothing is found, and reported, rather than passed over for the
// defaults.
func TestFindDangling(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, "go.mod", "a/")
	path := filepath.Join(root, FileName)
	if err := os.Symlink("../shared/tracelint.yml", path); err != nil {
		t.Fatal(err)
	}
	if got, err := Find(filepath.Join(root, "a")); got != path || err != nil {
		t.Errorf("Find = %q, %v; want %s", got, err, path)
	}
	_, err := NewFinder("", testRules).For(filepath.Join(root, "a"))
	checkError(t, err, path+`: configuration file not found: it is a symbolic link to "../shared/tracelint.yml", which does not exist`)
}

func TestFinderConcurrent(t *testing.T) {
	root := t.TempDir()
	var dirs []string
	for _, d := range []string{"a", "b", "c/d", "c/e", "f/g/h"} {
		dirs = append(dirs, "m/"+d+"/")
	}
	writeTree(t, root, append(dirs, "m/go.mod", "m/.tracelint.yml", "n/go.mod", "n/x/")...)
	dirs = append(dirs, "n/x/")

	f := NewFinder("", testRules)
	var wg sync.WaitGroup
	got := make([][]*Config, 8)
	for g := range got {
		wg.Go(func() {
			for _, d := range dirs {
				cfg, err := f.For(filepath.Join(root, filepath.FromSlash(d)))
				if err != nil {
					t.Error(err)
				}
				got[g] = append(got[g], cfg)
			}
		})
	}
	wg.Wait()
	for g := range got {
		for i, cfg := range got[g] {
			if cfg == nil || cfg != got[0][i] {
				t.Fatalf("goroutine %d got %p for %s, goroutine 0 got %p", g, cfg, dirs[i], got[0][i])
			}
			if i > 0 && i < len(dirs)-1 && cfg != got[g][0] {
				t.Errorf("For(%s) = %p, want %p, the module's one Config", dirs[i], cfg, got[g][0])
			}
		}
	}
}

// A zero Finder works: it finds files and knows no rules.
func TestFinderZero(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, "go.mod", "a/")
	var f Finder
	cfg, err := f.For(filepath.Join(root, "a"))
	if err != nil || cfg == nil || !cfg.Spanend.InferWrappers {
		t.Errorf("For = %+v, %v; want the defaults", cfg, err)
	}
}
