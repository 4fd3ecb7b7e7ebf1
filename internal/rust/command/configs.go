package command

import (
	"path/filepath"

	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/rust/lint"
)

// configs finds the configuration of each directory, reads each file
// once, and makes one checker per configuration. It is used by one
// goroutine, before the files are checked.
type configs struct {
	explicit string // -config
	ruleIDs  []string

	fileOf   map[string]string         // absolute directory -> its configuration file, "" for none
	loaded   map[string]*config.Config // configuration file -> its configuration
	checkers map[*config.Config]*lint.Checker
	def      *config.Config
}

func newConfigs(explicit string) *configs {
	return &configs{
		explicit: explicit,
		ruleIDs:  lint.RuleIDs(),
		fileOf:   make(map[string]string),
		loaded:   make(map[string]*config.Config),
		checkers: make(map[*config.Config]*lint.Checker),
	}
}

// checker returns the checker for the files of dir, an absolute directory.
// Its error, of a configuration file or of a registry it names, carries
// the file and line.
func (c *configs) checker(dir string) (*lint.Checker, error) {
	cfg, err := c.config(dir)
	if err != nil {
		return nil, err
	}
	if ch, ok := c.checkers[cfg]; ok {
		return ch, nil
	}
	ch, err := lint.NewChecker(cfg)
	if err != nil {
		return nil, err
	}
	c.checkers[cfg] = ch
	return ch, nil
}

// config returns the configuration for the files of dir.
func (c *configs) config(dir string) (*config.Config, error) {
	path := c.explicit
	if path == "" {
		var err error
		if path, err = c.find(dir); err != nil {
			return nil, err
		}
		if path == "" {
			if c.def == nil {
				c.def = config.Default()
			}
			return c.def, nil
		}
	}
	if cfg, ok := c.loaded[path]; ok {
		return cfg, nil
	}
	cfg, err := config.Load(path, c.ruleIDs)
	if err != nil {
		return nil, err
	}
	c.loaded[path] = cfg
	return cfg, nil
}

// find returns the configuration file of dir: the nearest
// .tracelint.yml in dir or a directory above it, up to the repository
// root (the directory that holds .git) or the filesystem root; "" when
// there is none. Unlike config.Find, it does not stop at a go.mod: a
// crate is no Go module, and its repository is its project. The answer
// is remembered for every directory on the way.
func (c *configs) find(dir string) (string, error) {
	var visited []string
	found := ""
	for d := dir; ; {
		if p, ok := c.fileOf[d]; ok {
			found = p
			break
		}
		visited = append(visited, d)
		p := filepath.Join(d, config.FileName)
		ok, err := config.Exists(p)
		if err != nil {
			return "", err
		}
		if ok {
			found = p
			break
		}
		root, err := config.Exists(filepath.Join(d, ".git"))
		if err != nil {
			return "", err
		}
		parent := filepath.Dir(d)
		if root || parent == d {
			break
		}
		d = parent
	}
	for _, d := range visited {
		c.fileOf[d] = found
	}
	return found, nil
}
