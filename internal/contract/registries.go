package contract

import (
	"fmt"
	"path/filepath"
	"strings"
	"sync"

	"github.com/tracelint/tracelint/internal/config"
)

// registries caches the contracts loaded for each list of registry paths,
// process-wide, so that a run loads each registry once, whatever the number
// of packages, analyzers and drivers asking.
var registries sync.Map // string (the paths, joined) -> *loaded

// Forget drops the contracts loaded so far, so that the next ForConfig
// reads its registries again: a long-lived process (the editor server) calls
// it when files change.
func Forget() { registries.Clear() }

type loaded struct {
	once     sync.Once
	registry *Contract
	err      error
}

// ForConfig returns the contract of cfg's attrkeys.registries (nil when it names
// none), with relative paths resolved against the configuration file's
// directory. A command calls it once it has the configuration, to stop on a
// broken registry with one message instead of one per package.
//
// A registry path that names nothing it can read (nothing at all, a
// symbolic link to nothing, a folder with no YAML file) is an error at the
// path's line in the configuration file:
//
//	.tracelint.yml:4:7: registry "contracts/reg.yaml" not found at /src/shop/contracts/reg.yaml
//
// A problem inside a registry file is an error at its place in that file.
func ForConfig(cfg *config.Config) (*Contract, error) {
	paths := cfg.Attrkeys.Registries
	if len(paths) == 0 {
		return nil, nil
	}
	abs := make([]string, len(paths))
	for i, p := range paths {
		if !filepath.IsAbs(p) && cfg.Dir != "" {
			p = filepath.Join(cfg.Dir, p)
		}
		abs[i] = p
	}
	v, _ := registries.LoadOrStore(strings.Join(abs, "\x00"), new(loaded))
	l := v.(*loaded)
	l.once.Do(func() { l.registry, l.err = load(abs, Semconv()) })
	// The cache is shared by configurations that name the same
	// registries, from different files: place the error in cfg's.
	if pe, ok := l.err.(*pathError); ok {
		p, problem := paths[pe.index], pe.problem
		if pe.notFound && p != abs[pe.index] {
			problem += " at " + abs[pe.index]
		}
		return nil, cfg.ErrorAt(fmt.Sprintf("attrkeys.registries[%d]", pe.index), "registry %q %s", p, problem)
	}
	return l.registry, l.err
}
