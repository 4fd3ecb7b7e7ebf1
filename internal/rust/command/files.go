package command

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/tracelint/tracelint/internal/finding"
	"github.com/tracelint/tracelint/internal/rust/lint"
)

// file is one file to check, and what checking it gave.
type file struct {
	abs string // the absolute path, to read it and find its configuration
	rel string // its name in findings (see findingout.Paths.Rel)

	checker  *lint.Checker
	findings []finding.Finding
	err      error // it could not be read or parsed
}

// dir is the directory of the file.
func (f *file) dir() string { return filepath.Dir(f.abs) }

// files returns the files to check of paths, sorted by name and each once.
// It reports on stderr the paths it cannot list, and says whether there
// were any; the files of the others are still returned.
func (r *run) files(paths []string) (files []*file, failed bool) {
	seen := make(map[string]bool)
	add := func(abs string) {
		if !seen[abs] {
			seen[abs] = true
			files = append(files, &file{abs: abs, rel: r.paths.Rel(abs)})
		}
	}
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			r.errorf("%v", err)
			failed = true
			continue
		}
		info, err := os.Stat(abs)
		if err != nil {
			r.errorf("%v", err)
			failed = true
			continue
		}
		if !info.IsDir() {
			add(abs) // named, so checked, whatever its name
			continue
		}
		names, err := rustFiles(abs)
		if err != nil {
			r.errorf("%v", err)
			failed = true
		}
		for _, name := range names {
			add(filepath.Join(abs, filepath.FromSlash(name)))
		}
	}
	slices.SortFunc(files, func(a, b *file) int { return strings.Compare(a.rel, b.rel) })
	return files, failed
}

// rustFiles returns the Rust files below dir, as slash-separated paths
// relative to it: those git lists when dir is in a git work tree, else
// those a walk finds outside hidden directories; in both cases, none with
// a directory named target between dir and itself. With an error, it
// returns what it could list.
func rustFiles(dir string) ([]string, error) {
	names, err := gitFiles(dir)
	if errors.Is(err, errNoGit) {
		names, err = walk(dir)
	}
	return slices.DeleteFunc(names, func(name string) bool { return !isRust(name) }), err
}

// isRust reports whether name, a slash-separated path below a directory
// being listed, is a Rust source outside any target directory (cargo's
// build output, which holds generated and vendored code).
func isRust(name string) bool {
	return strings.HasSuffix(name, ".rs") && !slices.Contains(strings.Split(path.Dir(name), "/"), "target")
}

// errNoGit is gitFiles's error when dir is not in a git work tree, or git
// is not installed.
var errNoGit = errors.New("not in a git work tree")

// gitFiles returns the files of dir that git tracks or would track:
//
//	git ls-files -z --cached --others --exclude-standard -- .
//
// run in dir, so that .gitignore, .git/info/exclude and the global
// excludes file keep out what they keep out of commits. A file deleted
// from the work tree but not from the index is left out.
func gitFiles(dir string) ([]string, error) {
	// Asked first, rather than read from ls-files's failure, to tell
	// "not a repository" from a repository git cannot read.
	inside, err := exec.Command("git", "-C", dir, "rev-parse", "--is-inside-work-tree").Output()
	if err != nil || strings.TrimSpace(string(inside)) != "true" {
		return nil, errNoGit
	}
	cmd := exec.Command("git", "-C", dir, "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", ".")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("git ls-files in %s: %v: %s", dir, err, strings.TrimSpace(stderr.String()))
	}
	var names []string
	for name := range strings.SplitSeq(string(out), "\x00") {
		if name == "" {
			continue
		}
		if _, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(name))); errors.Is(err, fs.ErrNotExist) {
			continue // deleted, not yet staged
		}
		names = append(names, name)
	}
	return names, nil
}

// walk returns the regular files below dir (or symbolic links to one),
// outside hidden and target directories. A directory it cannot read is an
// error, after which it goes on with the others.
func walk(dir string) ([]string, error) {
	var names []string
	var errs []error
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, err)
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if p != dir && (d.Name() == "target" || strings.HasPrefix(d.Name(), ".")) {
				return fs.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			// A symbolic link counts when it leads to a regular file.
			if info, err := os.Stat(p); err != nil || !info.Mode().IsRegular() {
				return nil
			}
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		names = append(names, filepath.ToSlash(rel))
		return nil
	})
	return names, errors.Join(append(errs, err)...)
}
