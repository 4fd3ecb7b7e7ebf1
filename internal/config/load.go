package config

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"

	"go.yaml.in/yaml/v3"

	"github.com/tracelint/tracelint/internal/yamlfile"
)

// Error is a problem with a configuration file: it cannot be read, is not
// valid YAML, or does not fit the schema.
type Error = yamlfile.Error

// Load reads the configuration file at path; see [Parse]. A path that
// names a directory, nothing, or a symbolic link to nothing is an [*Error]
// that says so; for a directory that holds a [FileName], it names that file.
func Load(path string, ruleIDs []string) (*Config, error) {
	data, err := yamlfile.ReadFile(path, "configuration file")
	if err != nil {
		// Only a directory holds a file.
		var e *Error
		if inDir := filepath.Join(path, FileName); errors.As(err, &e) && fileExists(inDir) {
			e.Msg += "; did you mean " + inDir + "?"
		}
		return nil, err
	}
	return Parse(data, path, ruleIDs)
}

func fileExists(path string) bool {
	info, err := os.Stat(path)
	return err == nil && !info.IsDir()
}

// Parse decodes the configuration in data over [Default]; filename names the
// file in errors and sets [Config.Dir]. ruleIDs are the rule IDs that enable
// and disable may name.
//
// A file that is empty or holds only comments yields the defaults; a key
// with no value keeps its default, except that a list becomes empty. Anything
// that does not fit the schema is an error: unknown or duplicate keys, values
// of the wrong type, unknown rule IDs, function names that are not fully
// qualified. Merge keys ("<<") are unknown keys. Every error is an [*Error],
// positioned at the offending key or list item when the YAML itself is well
// formed, and at the line the yaml package names when it is not. Parse
// reports the first problem only.
func Parse(data []byte, filename string, ruleIDs []string) (*Config, error) {
	// Parse into nodes first: they keep the position of every key and value,
	// which Decode's own errors ("line 3: cannot unmarshal ...") lack.
	root, err := yamlfile.Parse(data, filename, "a configuration file")
	if err != nil {
		return nil, err
	}
	if root == nil {
		return withDir(Default(), filename), nil
	}

	// Decode before the walk, not after: Decode refuses an anchor that
	// contains an alias of itself and a file whose aliases expand to a huge
	// tree, and the walk, which follows aliases the same way, relies on that
	// instead of keeping its own guards. Its type errors wait: the walk
	// reports the same problems with a better position and message.
	cfg := Default()
	decodeErr := root.Decode(cfg)
	var typeErr *yaml.TypeError
	if decodeErr != nil && !errors.As(decodeErr, &typeErr) {
		return nil, yamlfile.DecodeError(filename, root, decodeErr)
	}
	w := &walker{file: filename, rules: slices.Sorted(slices.Values(ruleIDs))}
	if err := w.value(root, reflect.TypeFor[Config](), loc{}); err != nil {
		return nil, err
	}
	if typeErr != nil {
		// A gap in the walk; still an *Error naming the file.
		return nil, yamlfile.SyntaxError(filename, "", typeErr.Errors[0])
	}
	cfg.file, cfg.pos = filename, w.pos
	return withDir(cfg, filename), nil
}

func withDir(cfg *Config, filename string) *Config {
	if filename == "" {
		return cfg
	}
	if abs, err := filepath.Abs(filename); err == nil {
		filename = abs
	}
	cfg.Dir = filepath.Dir(filename)
	return cfg
}

// ParseSettings decodes settings given as JSON, such as the settings
// golangci-lint hands a module plugin, as strictly as [Parse], over
// [Default]; dir becomes [Config.Dir], against which relative paths
// resolve. Errors name the setting but no position: the settings have
// passed through golangci-lint, which keeps none.
func ParseSettings(data []byte, dir string, ruleIDs []string) (*Config, error) {
	if t := bytes.TrimSpace(data); len(t) == 0 || string(t) == "null" {
		cfg := Default()
		cfg.Dir = dir
		return cfg, nil
	}
	cfg, err := Parse(data, "", ruleIDs)
	if err != nil {
		var e *Error
		if errors.As(err, &e) {
			return nil, errors.New(e.Msg)
		}
		return nil, err
	}
	cfg.Dir = dir
	cfg.pos = nil // positions in golangci-lint's re-encoding of the settings
	return cfg, nil
}
