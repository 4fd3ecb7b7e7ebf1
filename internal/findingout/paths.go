package findingout

import (
	"path/filepath"
	"strings"
)

// Paths names files relative to the working directory, as the findings
// and the text output do, and gives back the absolute path of each name
// it made, as the JSON output and the fixes want. The zero Paths knows
// no working directory: Rel leaves names as they are. A Paths is not safe
// for concurrent use.
type Paths struct {
	wd    []string          // the working directory, and its real path when that differs
	absOf map[string]string // the absolute path of each name Rel made
}

// NewPaths returns the Paths of the working directory wd, an absolute
// path. A file below it may be named through wd or through the path wd
// resolves to without symbolic links (go list reports files under the
// real path of a directory reached through a link): both are known.
func NewPaths(wd string) Paths {
	dirs := []string{wd}
	if real, err := filepath.EvalSymlinks(wd); err == nil && real != wd {
		dirs = append(dirs, real)
	}
	return Paths{wd: dirs}
}

// Rel returns name, when it is an absolute path below the working
// directory, relative to it, else name itself; with forward slashes in
// both cases. It remembers name, for Abs.
func (p *Paths) Rel(name string) string {
	if name == "" || !filepath.IsAbs(name) {
		return filepath.ToSlash(name)
	}
	for _, wd := range p.wd {
		if rel, err := filepath.Rel(wd, name); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			rel = filepath.ToSlash(rel)
			if p.absOf == nil {
				p.absOf = make(map[string]string)
			}
			p.absOf[rel] = name
			return rel
		}
	}
	return filepath.ToSlash(name)
}

// Abs returns the path Rel was given for a name it made; for another
// relative name, the name joined to the working directory; else name
// itself. Its separators are the system's.
func (p *Paths) Abs(name string) string {
	if a, ok := p.absOf[name]; ok {
		return a
	}
	if name == "" || filepath.IsAbs(filepath.FromSlash(name)) || len(p.wd) == 0 {
		return filepath.FromSlash(name)
	}
	return filepath.Join(p.wd[0], filepath.FromSlash(name))
}
