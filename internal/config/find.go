package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// Find returns the path of the configuration file that applies to the
// package in dir: the nearest file named [FileName] in dir or a directory
// above it, up to and including the module root (the directory holding
// go.mod) or the filesystem root. A file above the module root belongs to
// another project and is not used. Find returns "" and a nil error when there
// is no such file.
func Find(dir string) (string, error) {
	path, _, err := find(dir)
	return path, err
}

// find is Find that also returns the absolute directories it looked in, for
// all of which the answer is the same.
func find(dir string) (path string, visited []string, err error) {
	dir, err = filepath.Abs(dir)
	if err != nil {
		return "", nil, fmt.Errorf("looking for %s: %w", FileName, err)
	}
	for {
		visited = append(visited, dir)
		path := filepath.Join(dir, FileName)
		if ok, err := Exists(path); err != nil || ok {
			return path, visited, err
		}
		if ok, err := Exists(filepath.Join(dir, "go.mod")); err != nil || ok {
			return "", visited, err
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", visited, nil
		}
		dir = parent
	}
}

// Exists reports whether the configuration file path exists; an error
// other than its absence is an error, not a "no". A symbolic link to
// nothing exists: a configuration file that links to a file not checked
// out is a mistake for [Load] to report, not a reason to run with the
// defaults.
func Exists(path string) (bool, error) {
	_, err := os.Lstat(path)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	}
	return false, fmt.Errorf("looking for %s: %w", FileName, err)
}

// Finder is a [Source] that finds the configuration file for each package
// directory, as [Find] does, or uses one explicit file for all. It reads
// each file once and remembers the results, errors included, and the file
// found for each directory; it is safe for concurrent use. The
// configurations it returns are shared: do not modify them.
type Finder struct {
	explicit string
	ruleIDs  []string
	def      *Config

	mu    sync.Mutex
	dirs  map[string]dirResult // absolute directory -> its file
	files map[string]*loaded   // absolute file path -> its configuration
}

type dirResult struct {
	path string // "" when there is none
	err  error
}

type loaded struct {
	once sync.Once
	cfg  *Config
	err  error
}

// NewFinder returns a Finder. If explicit is not empty, every directory gets
// the configuration in that file; otherwise each gets the file [Find] finds,
// or [Default] when there is none. ruleIDs are passed to [Load].
func NewFinder(explicit string, ruleIDs []string) *Finder {
	return &Finder{
		explicit: explicit,
		ruleIDs:  append([]string(nil), ruleIDs...),
		def:      Default(),
	}
}

// For returns the configuration for the package in dir.
func (f *Finder) For(dir string) (*Config, error) {
	path := f.explicit
	if path == "" {
		var err error
		if path, err = f.lookup(dir); err != nil {
			return nil, err
		}
		if path == "" {
			f.mu.Lock()
			defer f.mu.Unlock()
			if f.def == nil { // a zero Finder
				f.def = Default()
			}
			return f.def, nil
		}
	}
	return f.load(path)
}

// lookup returns the file Find finds for dir, remembering the answer for
// every directory Find looked in.
func (f *Finder) lookup(dir string) (string, error) {
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	f.mu.Lock()
	r, ok := f.dirs[dir]
	f.mu.Unlock()
	if ok {
		return r.path, r.err
	}
	// Two goroutines may both look for the same directory; they find the
	// same answer, and holding the lock across the search would serialize
	// every package's first call.
	path, visited, err := find(dir)
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.dirs == nil {
		f.dirs = make(map[string]dirResult)
	}
	if err != nil {
		// The error may concern only the directory that failed; remember
		// it for dir alone.
		visited = []string{dir}
	}
	for _, d := range visited {
		f.dirs[d] = dirResult{path, err}
	}
	return path, err
}

// load loads the file at path, once.
func (f *Finder) load(path string) (*Config, error) {
	key := path
	if abs, err := filepath.Abs(path); err == nil {
		key = abs
	}
	f.mu.Lock()
	if f.files == nil {
		f.files = make(map[string]*loaded)
	}
	l := f.files[key]
	if l == nil {
		l = new(loaded)
		f.files[key] = l
	}
	f.mu.Unlock()
	l.once.Do(func() { l.cfg, l.err = Load(path, f.ruleIDs) })
	return l.cfg, l.err
}
