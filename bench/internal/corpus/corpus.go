// Package corpus reads the benchmark's pinned list of public Go modules and
// prepares them: each module's source comes from the Go module proxy through
// `go mod download -json`, is copied into a cache directory outside the
// repository, and has its dependencies downloaded, so that every later run
// is warm and offline.
package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Module is one pinned module of the corpus.
type Module struct {
	Name    string // short name, also the triage file's name
	Path    string // module path
	Version string // pinned version
	Quick   bool   // part of `bench/run -quick`
}

// Load reads a module list: one module a line, `NAME MODULE VERSION [quick]`, with # comments and blank lines.
func Load(file string) ([]Module, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var mods []Module
	seen := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line, _, _ := strings.Cut(sc.Text(), "#")
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		if len(fields) < 3 {
			return nil, fmt.Errorf("%s:%d: want NAME MODULE VERSION [quick], got %q", file, n, strings.TrimSpace(line))
		}
		m := Module{Name: fields[0], Path: fields[1], Version: fields[2]}
		for _, f := range fields[3:] {
			if f != "quick" {
				return nil, fmt.Errorf("%s:%d: unknown flag %q (want quick)", file, n, f)
			}
			m.Quick = true
		}
		if seen[m.Name] {
			return nil, fmt.Errorf("%s:%d: module name %q used twice", file, n, m.Name)
		}
		seen[m.Name] = true
		mods = append(mods, m)
	}
	return mods, sc.Err()
}

// Env is the environment every go command of the benchmark runs a corpus
// module with: its own go.mod, no workspace, the local toolchain, and
// go.sum completed as needed (the proxy's zips carry the authors' go.sum,
// which may lack lines for test dependencies).
func Env() []string {
	return append(os.Environ(), "GOWORK=off", "GOTOOLCHAIN=local", "GOFLAGS=-mod=mod")
}

// Prepare makes sure the module's source is in cache/src/NAME@VERSION with
// its dependencies downloaded, and returns that directory. A directory
// prepared before is reused as it is.
func (m Module) Prepare(cache string) (string, error) {
	dir := filepath.Join(cache, "src", m.Name+"@"+m.Version)
	done := filepath.Join(dir, ".bench-prepared")
	if _, err := os.Stat(done); err == nil {
		return dir, nil
	}
	out, err := command(cache, "go", "mod", "download", "-json", m.Path+"@"+m.Version)
	var dl struct{ Dir, Error string }
	if jerr := json.Unmarshal(out, &dl); jerr != nil || dl.Dir == "" {
		return "", fmt.Errorf("go mod download %s@%s: %v %s\n%s", m.Path, m.Version, err, dl.Error, out)
	}
	if err := os.RemoveAll(dir); err != nil {
		return "", err
	}
	if err := Copy(dl.Dir, dir); err != nil {
		return "", err
	}
	// Downloads every dependency of every package and test, so that the
	// measured runs never touch the network.
	if out, err := command(dir, "go", "list", "-e", "-deps", "-test", "./..."); err != nil {
		return "", fmt.Errorf("go list -deps -test ./... in %s: %v\n%s", m.Name, err, tail(out))
	}
	return dir, os.WriteFile(done, nil, 0o644)
}

// Copy copies the tree src to dst, which must not exist, with writable
// files: the module cache's copy is read-only.
func Copy(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		switch {
		case d.IsDir():
			return os.MkdirAll(target, 0o755)
		case d.Type().IsRegular():
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			return os.WriteFile(target, data, 0o644)
		}
		return nil // symbolic links and the like: a module zip has none
	})
}

// Lines counts the module's lines of Go, outside and inside _test.go files,
// leaving out testdata and vendor directories.
func Lines(dir string) (nonTest, test int, err error) {
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != dir && (d.Name() == "testdata" || d.Name() == "vendor" || strings.HasPrefix(d.Name(), ".")) {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		n := bytes.Count(data, []byte("\n"))
		if strings.HasSuffix(path, "_test.go") {
			test += n
		} else {
			nonTest += n
		}
		return nil
	})
	return nonTest, test, err
}

// command runs a go command in dir with Env and returns its combined output.
func command(dir, name string, args ...string) ([]byte, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = Env()
	return cmd.CombinedOutput()
}

// tail returns the last lines of a command's output, for an error message.
func tail(out []byte) string {
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) > 15 {
		lines = lines[len(lines)-15:]
	}
	return strings.Join(lines, "\n")
}
