// Package memo holds what the analyzers remember between the packages of a
// run: the module sources they read (modsource), and answers derived from
// them or from dependencies (inferred wrappers and callees, semconv package
// keys, matchers). The memory belongs to a configuration, not to the
// process: the analyzers built from one config.Source share one Cache, and
// a long-lived process (an editor server) calls Invalidate when files
// change, so that the next run reads them again.
package memo

import (
	"sync"

	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/modsource"
)

// Cache is the memory of one configuration's analyzers.
type Cache struct {
	sources *modsource.Reader
	maps    sync.Map // key -> *sync.Map
}

// New returns an empty Cache.
func New() *Cache { return &Cache{sources: modsource.NewReader()} }

// Sources is the reader of module sources.
func (c *Cache) Sources() *modsource.Reader { return c.sources }

// Map returns the map the caller keeps under key, a value of a type of the
// caller's own (an unexported struct{}), created on first use.
func (c *Cache) Map(key any) *sync.Map {
	m, _ := c.maps.LoadOrStore(key, new(sync.Map))
	return m.(*sync.Map)
}

// Invalidate forgets every source read and every answer kept.
func (c *Cache) Invalidate() {
	c.sources.Forget()
	c.maps.Range(func(_, m any) bool {
		m.(*sync.Map).Clear()
		return true
	})
}

// Holder is a config.Source that carries the Cache of the analyzers built
// from it.
type Holder interface {
	config.Source
	Cache() *Cache
}

// For returns the Cache of src when it carries one, else a new Cache that
// belongs to the analyzer being built alone.
func For(src config.Source) *Cache {
	if h, ok := src.(Holder); ok {
		return h.Cache()
	}
	return New()
}

// Share returns src carrying a Cache (its own, if it already carries one),
// for building several analyzers that share their memory.
func Share(src config.Source) Holder {
	if h, ok := src.(Holder); ok {
		return h
	}
	return &shared{Source: src, cache: New()}
}

type shared struct {
	config.Source
	cache *Cache
}

func (s *shared) Cache() *Cache { return s.cache }
