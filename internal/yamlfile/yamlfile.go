// Package yamlfile reads the YAML files tracelint is given (its
// configuration, telemetry registries) into nodes that keep the position of
// every key and value, and reports problems as errors naming the file, line
// and column.
//
// The nodes are go.yaml.in/yaml/v3's. Its syntax errors name a line but no
// column, and for some errors the line where the construct began rather
// than where it went wrong; go.yaml.in/yaml/v4 reports both positions, so
// a file v3 refuses is parsed again with v4, only to place the error.
package yamlfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
	yamlv4 "go.yaml.in/yaml/v4"
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

// ReadFile reads the file at path, which noun names in messages
// ("configuration file"). Its errors are *Errors naming path that say what
// is there instead of a file it can read:
//
//	configuration file not found
//	configuration file not found: it is a symbolic link to "shared.yml", which does not exist
//	is a directory, not a configuration file
//	cannot read the configuration file: permission denied
func ReadFile(path, noun string) ([]byte, error) {
	data, err := os.ReadFile(path)
	switch {
	case err == nil:
		return data, nil
	case errors.Is(err, fs.ErrNotExist):
		msg := noun + " not found"
		if target := Dangling(path); target != "" {
			msg += fmt.Sprintf(": it is a symbolic link to %q, which does not exist", target)
		}
		return nil, &Error{File: path, Msg: msg}
	}
	if info, serr := os.Stat(path); serr == nil && info.IsDir() {
		return nil, &Error{File: path, Msg: "is a directory, not a " + noun}
	}
	return nil, &Error{File: path, Msg: "cannot read the " + noun + ": " + PathErr(err)}
}

// Dangling returns what path links to when it is a symbolic link to
// nothing (a link to a file not checked out, or since removed), and ""
// otherwise.
func Dangling(path string) string {
	info, err := os.Lstat(path)
	if err != nil || info.Mode()&fs.ModeSymlink == 0 {
		return ""
	}
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		return ""
	}
	target, err := os.Readlink(path)
	if err != nil {
		return ""
	}
	return target
}

// PathErr returns the text of err without the path a *fs.PathError adds:
// errors name the path already.
func PathErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
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
		return nil, syntaxError(data, filename, err)
	}
	// yaml.Unmarshal would ignore any document after the first.
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, &Error{File: filename, Line: extra.Line, Col: extra.Column, Msg: "found a second YAML document; " + what + " holds only one"}
	} else if err != io.EOF {
		return nil, syntaxError(data, filename, err)
	}
	// The parser gives a document node exactly one child.
	return doc.Content[0], nil
}

// syntaxError turns err, the v3 parser's refusal of data, into an *Error
// at the line and column of the problem: where v4's parser places it, or,
// for the characters YAML does not allow, which v4 does not place either,
// at the first of them. Failing both, it is v3's line, as [SyntaxError]
// gives it.
func syntaxError(data []byte, filename string, err error) *Error {
	if e := locate(data); e != nil {
		e.File = filename
		return e
	}
	if line, col, msg, ok := badChar(data); ok {
		return &Error{File: filename, Line: line, Col: col, Msg: "invalid YAML: " + msg}
	}
	return SyntaxError(filename, "invalid YAML: ", err.Error())
}

// locate parses data with v4 and returns its first error, if it places it,
// as an *Error without a file:
//
//	invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence started at line 1, column 9)
//
// The context (what the parser was reading, and where that began) is left
// out when it begins where the problem is.
func locate(data []byte) *Error {
	dec := yamlv4.NewDecoder(bytes.NewReader(data))
	for {
		var n yamlv4.Node
		err := dec.Decode(&n)
		if err == nil {
			continue
		}
		var le *yamlv4.LoadError
		if !errors.As(err, &le) || le.Mark.Line <= 0 {
			return nil // io.EOF (v4 accepts what v3 refused), or no position
		}
		msg := "invalid YAML: " + le.Message
		atTab := charAt(data, le.Mark.Line, le.Mark.Column) == '\t'
		switch {
		case atTab && strings.Contains(msg, "tab"):
			msg += "; indent with spaces"
		case atTab:
			msg += " (a tab; indent with spaces)"
		case le.ContextMsg != "" && le.ContextMark.Line > 0 && le.ContextMark != le.Mark:
			c := le.ContextMark
			msg += fmt.Sprintf(" (%s started at line %d, column %d)", le.ContextMsg, c.Line, c.Column)
		}
		return &Error{Line: le.Mark.Line, Col: max(le.Mark.Column, 1), Msg: msg}
	}
}

// charAt returns the character at line and column (1-based, in
// characters) of data, or -1 when there is none.
func charAt(data []byte, line, col int) rune {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	for l := 1; l < line; l++ {
		i := bytes.IndexAny(data, "\r\n")
		if i < 0 {
			return -1
		}
		if bytes.HasPrefix(data[i:], []byte("\r\n")) {
			i++
		}
		data = data[i+1:]
	}
	for c := 1; len(data) > 0; c++ {
		r, size := utf8.DecodeRune(data)
		if r == '\n' || r == '\r' {
			break
		}
		if c == col {
			return r
		}
		data = data[size:]
	}
	return -1
}

// badChar finds the first byte sequence in data that is not UTF-8 or is a
// character the yaml package's reader refuses (a control character, U+FFFE
// or U+FFFF), and returns its line and column (in characters, as the yaml
// package counts) with what is wrong. It finds nothing in UTF-16 text, which
// the reader accepts after a byte order mark.
func badChar(data []byte) (line, col int, msg string, ok bool) {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return 0, 0, "", false
	}
	line, col = 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return line, col, fmt.Sprintf("byte 0x%02X is not UTF-8", data[i]), true
		case !allowed(r):
			return line, col, fmt.Sprintf("the control character %U is not allowed", r), true
		case r == '\n' || r == '\r' && (i+1 == len(data) || data[i+1] != '\n'):
			line, col = line+1, 1
		default:
			col++
		}
		i += size
	}
	return 0, 0, "", false
}

// allowed reports whether the yaml package's reader accepts r: the
// printable characters of YAML 1.1 and 1.2 (section 5.1), with tab and line
// breaks, and the byte order mark anywhere.
func allowed(r rune) bool {
	switch {
	case r == '\t', r == '\n', r == '\r', r >= 0x20 && r <= 0x7E, r == 0x85,
		r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= 0x10FFFF:
		return true
	}
	return false
}

// DecodeError turns err, an error of [yaml.Node.Decode] on root other than
// a type error, into an *Error: for an anchor whose value contains an alias
// of itself, at the anchor; otherwise at the line the message names, as
// [SyntaxError] does.
func DecodeError(filename string, root *yaml.Node, err error) *Error {
	e := SyntaxError(filename, "invalid YAML: ", err.Error())
	if m := selfAnchorRE.FindStringSubmatch(err.Error()); m != nil {
		if n := findAnchor(root, m[1]); n != nil {
			e.Line, e.Col = n.Line, n.Column
		}
	}
	return e
}

// selfAnchorRE matches the yaml package's message for an anchor whose value
// contains an alias of itself: "anchor 's' value contains itself".
var selfAnchorRE = regexp.MustCompile(`anchor '(.*)' value contains itself`)

// findAnchor returns the node below n, n included, that defines anchor, or
// nil. It does not follow aliases, so it ends on any tree.
func findAnchor(n *yaml.Node, anchor string) *yaml.Node {
	if n.Anchor == anchor {
		return n
	}
	for _, c := range n.Content {
		if found := findAnchor(c, anchor); found != nil {
			return found
		}
	}
	return nil
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
