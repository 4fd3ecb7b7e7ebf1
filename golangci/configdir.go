package golangci

import (
	"os"
	"path/filepath"
	"strings"
)

// configNames are golangci-lint's configuration file names, in the order it
// tries them.
var configNames = []string{".golangci.yml", ".golangci.yaml", ".golangci.toml", ".golangci.json"}

// ConfigDir returns the directory of the golangci-lint configuration file
// of a run with the command-line arguments args (without the program name)
// in the working directory cwd: the directory of the --config (-c) file,
// else of the first configuration file in cwd or one of its parents, else
// in the home directory; cwd itself when there is none (--no-config).
func ConfigDir(args []string, cwd string) string {
	for i, a := range args {
		var path string
		switch {
		case a == "--no-config":
			return cwd
		case a == "-c" || a == "--config":
			if i+1 < len(args) {
				path = args[i+1]
			}
		case strings.HasPrefix(a, "-c="), strings.HasPrefix(a, "--config="):
			path = a[strings.IndexByte(a, '=')+1:]
		}
		if path != "" {
			if !filepath.IsAbs(path) {
				path = filepath.Join(cwd, path)
			}
			return filepath.Dir(path)
		}
	}
	for dir := cwd; ; {
		if hasConfig(dir) {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	if home, err := os.UserHomeDir(); err == nil && hasConfig(home) {
		return home
	}
	return cwd
}

func hasConfig(dir string) bool {
	for _, name := range configNames {
		if info, err := os.Stat(filepath.Join(dir, name)); err == nil && !info.IsDir() {
			return true
		}
	}
	return false
}
