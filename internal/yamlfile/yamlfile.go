// Package yamlfile reads the YAML files tracelint is given (its
// configuration, telemetry registries) into nodes that keep the position of
// every key and value, and reports problems as errors naming the file, line
// and column.
package yamlfile

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Error is a problem with a YAML file: it cannot be read, is not valid YAML,
// or does not fit what the reader expects.
type Error struct {
	// File is the name of the file.
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

// At returns an *Error at node n of file.
func At(file string, n *yaml.Node, format string, args ...any) *Error {
	return &Error{File: file, Line: n.Line, Col: n.Column, Msg: fmt.Sprintf(format, args...)}
}

// Parse parses data, the contents of filename, which must hold at most one
// YAML document; what names such a file in errors ("a configuration file").
// It returns the document's root node, or nil for a file that is empty or
// holds only comments.
//
// Parse does not guard against aliases: a walk over the nodes that follows
// them must first decode the node (with [yaml.Node.Decode]), which refuses an
// anchor that contains an alias of itself and aliases that expand to a huge
// tree.
func Parse(data []byte, filename, what string) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err == io.EOF {
		return nil, nil
	} else if err != nil {
		return nil, SyntaxError(filename, "invalid YAML: ", err.Error())
	}
	// yaml.Unmarshal would ignore any document after the first.
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, &Error{File: filename, Line: extra.Line, Col: extra.Column, Msg: "found a second YAML document; " + what + " holds only one"}
	} else if err != io.EOF {
		return nil, SyntaxError(filename, "invalid YAML: ", err.Error())
	}
	// The parser gives a document node exactly one child.
	return doc.Content[0], nil
}

// lineRE splits a message of the yaml package: "yaml: line 3: msg".
var lineRE = regexp.MustCompile(`(?s)^(?:yaml: )?(?:line (\d+): )?(.*)$`)

// SyntaxError turns a message of the yaml package into an *Error at the line
// it names. That line is the package's own, even where it is one short (for
// some parser errors, such as an unclosed flow list). The package leaves the
// line out when it is the first, so that is the default; errors it cannot
// place at all (bytes that are not UTF-8, control characters, an unknown
// anchor) land there too.
func SyntaxError(filename, prefix, msg string) *Error {
	m := lineRE.FindStringSubmatch(msg)
	line, _ := strconv.Atoi(m[1])
	return &Error{File: filename, Line: max(line, 1), Msg: prefix + m[2]}
}

// Deref follows an alias node to the node it names.
func Deref(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

// Describe says what n is, for "got ..." in messages: "a mapping", "a
// list", "an empty value", or the quoted scalar, shortened.
func Describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.ShortTag() == "!!null" {
			return "an empty value"
		}
		s := n.Value
		if utf8.RuneCountInString(s) > 40 {
			s = string([]rune(s)[:37]) + "..."
		}
		// Say so when quotes make a string of what would be a boolean or
		// a number: `got "true"` would puzzle.
		if plain := (&yaml.Node{Kind: yaml.ScalarNode, Value: n.Value}); n.ShortTag() == "!!str" && plain.ShortTag() != "!!str" {
			return "the string " + strconv.Quote(s)
		}
		return strconv.Quote(s)
	}
	return "an alias"
}
