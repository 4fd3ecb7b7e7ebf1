package config

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Error is a problem with a configuration file: it cannot be read, is not
// valid YAML, or does not fit the schema.
type Error struct {
	// File is the name of the file, as given to [Load] or [Parse].
	File string
	// Line and Col are the 1-based position of the problem; 0 when unknown.
	Line, Col int
	// Msg describes the problem.
	Msg string
}

// Error returns "file:line:col: msg", leaving out the parts that are unknown.
func (e *Error) Error() string {
	var pos []string
	if e.File != "" {
		pos = append(pos, e.File)
	}
	if e.Line > 0 {
		pos = append(pos, strconv.Itoa(e.Line))
		if e.Col > 0 {
			pos = append(pos, strconv.Itoa(e.Col))
		}
	}
	if len(pos) == 0 {
		return e.Msg
	}
	return strings.Join(pos, ":") + ": " + e.Msg
}

// Load reads the configuration file at path; see [Parse].
func Load(path string, ruleIDs []string) (*Config, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, &Error{File: path, Msg: "configuration file not found"}
	} else if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the path is in the Error already
		}
		return nil, &Error{File: path, Msg: "cannot read the configuration file: " + err.Error()}
	}
	return Parse(data, path, ruleIDs)
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
	// Decode into nodes first: they keep the position of every key and
	// value, which Decode's own errors ("line 3: cannot unmarshal ...") lack.
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err == io.EOF {
		return withDir(Default(), filename), nil
	} else if err != nil {
		return nil, yamlError(filename, "invalid YAML: ", err.Error())
	}
	// yaml.Unmarshal would ignore any document after the first.
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, &Error{File: filename, Line: extra.Line, Col: extra.Column, Msg: "found a second YAML document; a configuration file holds only one"}
	} else if err != io.EOF {
		return nil, yamlError(filename, "invalid YAML: ", err.Error())
	}

	// Decode before the walk, not after: Decode refuses an anchor that
	// contains an alias of itself and a file whose aliases expand to a huge
	// tree, and the walk, which follows aliases the same way, relies on that
	// instead of keeping its own guards. Its type errors wait: the walk
	// reports the same problems with a better position and message.
	cfg := Default()
	decodeErr := doc.Decode(cfg)
	var typeErr *yaml.TypeError
	if decodeErr != nil && !errors.As(decodeErr, &typeErr) {
		return nil, yamlError(filename, "invalid YAML: ", decodeErr.Error())
	}
	w := &walker{file: filename, rules: slices.Sorted(slices.Values(ruleIDs))}
	// The parser gives a document node exactly one child.
	if err := w.value(doc.Content[0], reflect.TypeFor[Config](), loc{}); err != nil {
		return nil, err
	}
	if typeErr != nil {
		// A gap in the walk; still an *Error naming the file.
		return nil, yamlError(filename, "", typeErr.Errors[0])
	}
	return withDir(cfg, filename), nil
}

// yamlLineRE splits a message of the yaml package: "yaml: line 3: msg".
var yamlLineRE = regexp.MustCompile(`(?s)^(?:yaml: )?(?:line (\d+): )?(.*)$`)

// yamlError turns a message of the yaml package into an *Error at the line
// it names. That line is the package's own, even where it is one short (for
// some parser errors, such as an unclosed flow list). The package leaves the
// line out when it is the first, so that is the default; errors it cannot
// place at all (bytes that are not UTF-8, control characters, an unknown
// anchor) land there too.
func yamlError(filename, prefix, msg string) *Error {
	m := yamlLineRE.FindStringSubmatch(msg)
	line, _ := strconv.Atoi(m[1])
	return &Error{File: filename, Line: max(line, 1), Msg: prefix + m[2]}
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
