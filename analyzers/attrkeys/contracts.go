package attrkeys

import (
	"path/filepath"
	"strings"
	"sync"

	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/contract"
)

// contracts caches the registries loaded for each configuration, so that a
// run loads each registry once, whatever the number of packages.
type contracts struct {
	mu     sync.Mutex
	loaded map[string]*loaded
}

type loaded struct {
	once     sync.Once
	registry *contract.Contract
	err      error
}

// registry returns the contract of cfg's registries (nil when it names
// none), with relative paths resolved against the configuration's
// directory.
func (cs *contracts) registry(cfg *config.Config) (*contract.Contract, error) {
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
	id := strings.Join(abs, "\x00")
	cs.mu.Lock()
	if cs.loaded == nil {
		cs.loaded = make(map[string]*loaded)
	}
	l := cs.loaded[id]
	if l == nil {
		l = new(loaded)
		cs.loaded[id] = l
	}
	cs.mu.Unlock()
	l.once.Do(func() { l.registry, l.err = contract.Load(abs, contract.Semconv()) })
	return l.registry, l.err
}
