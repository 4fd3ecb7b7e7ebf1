// Package testmodule locates the repository's testdata module for tests.
//
// The top-level testdata directory is a Go module that pins the real
// OpenTelemetry API. analysistest loads it with GOPROXY=off, so its
// dependencies must already be in the module cache: Dir downloads them once
// per test process, through the user's usual module proxy.
package testmodule

import (
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

var (
	once     sync.Once
	root     string
	setupErr error
)

// Dir returns the absolute path of the testdata module, its dependencies
// downloaded.
func Dir(t testing.TB) string {
	t.Helper()
	once.Do(func() {
		root, setupErr = find()
		if setupErr != nil {
			return
		}
		cmd := exec.Command("go", "mod", "download")
		cmd.Dir = root
		cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
		if out, err := cmd.CombinedOutput(); err != nil {
			setupErr = &downloadError{out: string(out), err: err}
		}
	})
	if setupErr != nil {
		t.Fatalf("testdata module: %v", setupErr)
	}
	return root
}

// find walks up from the working directory to the repository root, the
// directory whose testdata/go.mod exists.
func find() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		candidate := filepath.Join(dir, "testdata")
		if _, err := os.Stat(filepath.Join(candidate, "go.mod")); err == nil {
			if _, err := os.Stat(filepath.Join(dir, "tracelint.go")); err == nil {
				return candidate, nil
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}

type downloadError struct {
	out string
	err error
}

func (e *downloadError) Error() string { return "go mod download: " + e.err.Error() + "\n" + e.out }
