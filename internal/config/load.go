package config

import (
	"bytes"
	"encoding"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

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
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		b.WriteString(":")
	}
	if e.Line > 0 {
		b.WriteString(strconv.Itoa(e.Line))
		b.WriteString(":")
		if e.Col > 0 {
			b.WriteString(strconv.Itoa(e.Col))
			b.WriteString(":")
		}
	}
	if b.Len() > 0 {
		b.WriteString(" ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Load reads the configuration file at path; see [Parse].
func Load(path string, ruleIDs []string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		msg := "cannot read the configuration file"
		if errors.Is(err, fs.ErrNotExist) {
			msg = "configuration file not found"
		} else if pe, ok := err.(*fs.PathError); ok {
			msg += ": " + pe.Err.Error()
		} else {
			msg += ": " + err.Error()
		}
		return nil, &Error{File: path, Msg: msg}
	}
	return Parse(data, path, ruleIDs)
}

// Parse decodes the configuration in data over [Default]; filename names the
// file in errors and sets [Config.Dir]. ruleIDs are the rule IDs that enable
// and disable may name.
//
// A file that is empty or holds only comments yields the defaults; a key
// with no value keeps its default, except that a list becomes empty. Anything that does
// not fit the schema is an error: unknown or duplicate keys, values of the
// wrong type, unknown rule IDs, function names that are not fully qualified.
// Every error is an [*Error], positioned at the offending key or list item
// when the YAML itself is well formed. Parse reports the first problem only.
func Parse(data []byte, filename string, ruleIDs []string) (*Config, error) {
	if err := checkText(data, filename); err != nil {
		return nil, err
	}

	// Decode into nodes first: they keep the position of every key and
	// value, which Decode's own errors ("line 3: cannot unmarshal ...") lack.
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err == io.EOF {
		return withDir(Default(), filename), nil
	} else if err != nil {
		return nil, syntaxError(data, filename, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, &Error{File: filename, Line: extra.Line, Col: extra.Column,
			Msg: "found a second YAML document; a configuration file holds only one"}
	} else if err != io.EOF {
		return nil, syntaxError(data, filename, err)
	}

	w := &walker{file: filename, rules: slices.Sorted(slices.Values(ruleIDs)), budget: 4*len(data) + 10000}
	if err := w.value(&doc, reflect.TypeFor[Config](), loc{}); err != nil {
		return nil, err
	}
	// The walk has checked every key and value against the schema, so
	// Decode only copies them; an error here would be a gap in the walk.
	cfg := Default()
	if err := doc.Decode(cfg); err != nil {
		return nil, decodeError(filename, &doc, err)
	}
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

// A loc names the value being checked.
type loc struct {
	key  string // schema path, without list indexes: "spanend.start-funcs"
	path string // path for messages: "spanend.start-funcs[1]"
	noun string // what the value should be, when more telling than its Go type: "a list of rule IDs"
}

func (l loc) child(name string) loc {
	c := loc{key: name, path: name}
	if l.path != "" {
		c.key = l.key + "." + name
		c.path = l.path + "." + name
	}
	c.noun = checks[c.key].noun
	return c
}

func (l loc) item(i int) loc {
	return loc{key: l.key, path: fmt.Sprintf("%s[%d]", l.path, i)}
}

// A check validates the values at one schema path beyond their Go type.
type check struct {
	noun string                                               // what the value should be, for type errors
	item func(w *walker, n *yaml.Node, l loc, s string) error // validates one string value; may be nil
}

// checks holds the value checks by schema path. A test keeps its keys in
// step with the schema.
var checks = map[string]check{
	"enable":                  {noun: "a list of rule IDs", item: (*walker).ruleID},
	"disable":                 {noun: "a list of rule IDs", item: (*walker).ruleID},
	"spanend.start-funcs":     {item: (*walker).funcName},
	"spanend.no-return-funcs": {item: (*walker).funcName},
}

// A walker checks a YAML node tree against the Go type it will be decoded
// into, generically over the yaml tags, so that new fields need no code here.
// It stops at the first problem.
type walker struct {
	file   string
	rules  []string            // sorted
	budget int                 // nodes left to visit; aliases can make a small file a big tree
	active map[*yaml.Node]bool // anchored values being checked, to catch cycles
}

func (w *walker) errorf(n *yaml.Node, format string, args ...any) *Error {
	return &Error{File: w.file, Line: n.Line, Col: n.Column, Msg: fmt.Sprintf(format, args...)}
}

var (
	yamlUnmarshaler = reflect.TypeFor[yaml.Unmarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
	durationType    = reflect.TypeFor[time.Duration]()
)

// value checks that n fits a value of type t.
func (w *walker) value(n *yaml.Node, t reflect.Type, l loc) error {
	if n.Kind == yaml.DocumentNode {
		if len(n.Content) != 1 {
			return w.errorf(n, "expected one YAML document")
		}
		n = n.Content[0]
	}
	if n.Kind == yaml.AliasNode {
		if n.Alias == nil {
			return w.errorf(n, "alias *%s refers to no anchor", n.Value)
		}
		// Decode refuses an anchored value that holds an alias to itself;
		// the walk would go round forever.
		if w.active[n.Alias] {
			return w.errorf(n, "%salias *%s is inside the value it stands for", prefix(l), n.Value)
		}
		if w.active == nil {
			w.active = make(map[*yaml.Node]bool)
		}
		w.active[n.Alias] = true
		defer delete(w.active, n.Alias)
		// Check the value the alias stands for, but point errors about
		// it as a whole at the alias.
		r := *n.Alias
		r.Line, r.Column = n.Line, n.Column
		n = &r
	}
	if w.budget--; w.budget < 0 {
		return w.errorf(n, "too many values once aliases are expanded")
	}
	if isNull(n) {
		return nil // keeps the default
	}
	if reflect.PointerTo(t).Implements(yamlUnmarshaler) {
		if err := n.Decode(reflect.New(t).Interface()); err != nil {
			return w.errorf(n, "%s%s", prefix(l), yamlMessage(err))
		}
		return nil
	}
	switch t.Kind() {
	case reflect.Pointer:
		return w.value(n, t.Elem(), l)
	case reflect.Struct:
		if !reflect.PointerTo(t).Implements(textUnmarshaler) {
			return w.mapping(n, t, l)
		}
	case reflect.Slice, reflect.Array:
		return w.list(n, t, l)
	case reflect.Map:
		return w.stringMap(n, t, l)
	}
	return w.scalar(n, t, l)
}

// target returns the node n stands for: n itself, or what it is an alias of.
func target(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// mapping checks a mapping against the fields of struct type t.
func (w *walker) mapping(n *yaml.Node, t reflect.Type, l loc) error {
	if n.Kind != yaml.MappingNode {
		return w.typeError(n, t, l)
	}
	fields := fieldsOf(t)
	return w.pairs(n, t, l, func(k, v *yaml.Node) error {
		i := slices.IndexFunc(fields, func(f field) bool { return f.name == k.Value })
		if i < 0 {
			return w.unknownKey(k, fields, l)
		}
		return w.value(v, fields[i].typ, l.child(k.Value))
	})
}

// stringMap checks a mapping against map type t.
func (w *walker) stringMap(n *yaml.Node, t reflect.Type, l loc) error {
	if t.Key().Kind() != reflect.String {
		return w.scalar(n, t, l) // not in the schema; let Decode judge
	}
	if n.Kind != yaml.MappingNode {
		return w.typeError(n, t, l)
	}
	return w.pairs(n, t, l, func(k, v *yaml.Node) error {
		return w.value(v, t.Elem(), loc{key: l.key + "." + k.Value, path: l.path + "." + k.Value})
	})
}

// pairs calls f for each key and value of mapping n, after checking that the
// key is a scalar and not a duplicate. It checks merge keys ("<<: *base")
// against type t, as Decode merges them.
func (w *walker) pairs(n *yaml.Node, t reflect.Type, l loc, f func(k, v *yaml.Node) error) error {
	seen := make(map[string]*yaml.Node)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := target(n.Content[i]), n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			return w.errorf(n.Content[i], "%sexpected a key, got %s", prefix(l), describe(k))
		}
		if prev, ok := seen[k.Value]; ok {
			return w.errorf(n.Content[i], "duplicate key %q%s; first defined at line %d", k.Value, in(l), prev.Line)
		}
		seen[k.Value] = n.Content[i]
		var err error
		if k.ShortTag() == "!!merge" {
			err = w.merge(v, t, l)
		} else {
			err = f(k, v)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// merge checks the value of a merge key as Decode takes it: a mapping, an
// alias of one, or a list of those.
func (w *walker) merge(v *yaml.Node, t reflect.Type, l loc) error {
	items := []*yaml.Node{v}
	if v.Kind == yaml.SequenceNode {
		items = v.Content
	}
	for _, item := range items {
		if r := target(item); r.Kind != yaml.MappingNode {
			return w.errorf(item, "%sthe value of a merge key (<<) must be a mapping or a list of mappings, got %s", prefix(l), describe(r))
		}
		if err := w.value(item, t, l); err != nil {
			return err
		}
	}
	return nil
}

func (w *walker) unknownKey(k *yaml.Node, fields []field, l loc) error {
	if len(fields) == 0 {
		where := l.path
		if where == "" {
			where = "the configuration"
		}
		return w.errorf(k, "unknown key %q%s; %s has no options yet", k.Value, in(l), where)
	}
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.name
	}
	return w.errorf(k, "unknown key %q%s; allowed keys: %s", k.Value, in(l), strings.Join(names, ", "))
}

// list checks a sequence against slice or array type t.
func (w *walker) list(n *yaml.Node, t reflect.Type, l loc) error {
	if n.Kind != yaml.SequenceNode {
		return w.typeError(n, t, l)
	}
	if t.Kind() == reflect.Array && len(n.Content) != t.Len() {
		return w.errorf(n, "%sexpected a list of %d %s, got %d", prefix(l), t.Len(), plural(t.Elem()), len(n.Content))
	}
	for i, item := range n.Content {
		if isNull(target(item)) {
			// Decode would drop the item silently.
			return w.typeError(item, t.Elem(), l.item(i))
		}
		if err := w.value(item, t.Elem(), l.item(i)); err != nil {
			return err
		}
	}
	return nil
}

// scalar checks a scalar against type t, and the value against checks.
func (w *walker) scalar(n *yaml.Node, t reflect.Type, l loc) error {
	if n.Kind != yaml.ScalarNode {
		return w.typeError(n, t, l)
	}
	// Decode is lenient: it reads "yes" and "on" as true and truncates 1.5
	// to an int. Ask for the YAML type the Go type stands for.
	tag, ok := n.ShortTag(), true
	switch t.Kind() {
	case reflect.Bool:
		ok = tag == "!!bool"
	case reflect.Int64:
		// Decode takes "1m30s" for a time.Duration, and no number.
		ok = tag == "!!int" || t == durationType
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		ok = tag == "!!int"
	case reflect.Float32, reflect.Float64:
		ok = tag == "!!int" || tag == "!!float"
	}
	// Decode itself catches what the tag does not: overflow, negative
	// unsigned numbers, strings a TextUnmarshaler refuses.
	if !ok || n.Decode(reflect.New(t).Interface()) != nil {
		return w.typeError(n, t, l)
	}
	if c := checks[l.key]; c.item != nil && t.Kind() == reflect.String {
		return c.item(w, n, l, n.Value)
	}
	return nil
}

func (w *walker) typeError(n *yaml.Node, t reflect.Type, l loc) error {
	if l.path == "" {
		return w.errorf(n, "expected a mapping of options at the top level, got %s", describe(n))
	}
	noun := l.noun
	if noun == "" {
		noun = expected(t)
	}
	return w.errorf(n, "%s: expected %s, got %s", l.path, noun, describe(n))
}

// ruleID checks an entry of enable or disable.
func (w *walker) ruleID(n *yaml.Node, l loc, id string) error {
	if _, found := slices.BinarySearch(w.rules, id); found {
		return nil
	}
	known := "none"
	if len(w.rules) > 0 {
		known = strings.Join(w.rules, ", ")
	}
	return w.errorf(n, "unknown rule %q in %s; known rules: %s", id, l.key, known)
}

// funcNameRE matches a function name as types.Func.FullName prints it:
//
//	pkg/path.Func                example.com/x/tracing.Start
//	(pkg/path.Type).Method       (go.opentelemetry.io/otel/trace.Tracer).Start
//	(*pkg/path.Type).Method      (*example.com/x/tracing.Tracer).Start
//	(*pkg/path.Type[T]).Method   (*example.com/x/tracing.Pool[T, U]).Get
//
// The last element of a path may hold dots (gopkg.in/yaml.v3), so
// "example.com/x.Type.Method" passes for a function in package
// "example.com/x.Type"; only the analyzer's lookup can tell.
var funcNameRE = func() *regexp.Regexp {
	const (
		ident   = `[\p{L}_][\p{L}\p{Nd}_]*`
		elem    = `[\p{L}\p{Nd}_~+\-][\p{L}\p{Nd}_.~+\-]*`
		path    = elem + `(?:/` + elem + `)*`
		tparams = `(?:\[` + ident + `(?:, ?` + ident + `)*\])?`
	)
	return regexp.MustCompile(`^(?:` + path + `\.` + ident +
		`|\(\*?` + path + `\.` + ident + tparams + `\)\.` + ident + `)$`)
}()

// funcName checks an entry of a list of functions.
func (w *walker) funcName(n *yaml.Node, l loc, name string) error {
	if funcNameRE.MatchString(name) {
		return nil
	}
	return w.errorf(n, `%s: %q is not a fully qualified function name; write "example.com/pkg.Func" or "(*example.com/pkg.Type).Method"`, l.path, name)
}

// A field is a key of a struct's mapping.
type field struct {
	name string
	typ  reflect.Type
}

// fieldsOf returns the keys of struct type t from its yaml tags, in
// declaration order, as Decode reads them: the tag name or else the
// lower-cased field name; "-" and unexported fields skipped; ",inline"
// structs flattened.
func fieldsOf(t reflect.Type) []field {
	var fields []field
	for sf := range t.Fields() {
		if !sf.IsExported() && !sf.Anonymous {
			continue
		}
		tag := sf.Tag.Get("yaml")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if slices.Contains(strings.Split(opts, ","), "inline") && sf.Type.Kind() == reflect.Struct {
			fields = append(fields, fieldsOf(sf.Type)...)
			continue
		}
		if !sf.IsExported() {
			continue
		}
		if name == "" {
			name = strings.ToLower(sf.Name)
		}
		fields = append(fields, field{name, sf.Type})
	}
	return fields
}

// expected describes what a value of type t looks like in YAML.
func expected(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Pointer:
		return expected(t.Elem())
	case reflect.Bool:
		return "a boolean (true or false)"
	case reflect.String:
		return "a string"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if t == durationType {
			return `a duration such as "30s" or "1m30s"`
		}
		return "an integer"
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return "a non-negative integer"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Struct, reflect.Map:
		if reflect.PointerTo(t).Implements(textUnmarshaler) {
			return "a valid " + t.Name()
		}
		return "a mapping"
	case reflect.Slice, reflect.Array:
		return "a list of " + plural(t.Elem())
	}
	return "a value of type " + t.String()
}

func plural(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Pointer:
		return plural(t.Elem())
	case reflect.Bool:
		return "booleans"
	case reflect.String:
		return "strings"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return "integers"
	case reflect.Float32, reflect.Float64:
		return "numbers"
	case reflect.Struct, reflect.Map:
		return "mappings"
	case reflect.Slice, reflect.Array:
		return "lists"
	}
	return "values"
}

// describe says what n is, for "got ..." in messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if isNull(n) {
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

// prefix returns "path: ", or "" at the top level.
func prefix(l loc) string {
	if l.path == "" {
		return ""
	}
	return l.path + ": "
}

// in returns " in path", or "" at the top level.
func in(l loc) string {
	if l.path == "" {
		return ""
	}
	return " in " + l.path
}

// checkText reports what the YAML reader would refuse, with a position,
// which the reader's own errors lack: bytes that are not UTF-8, and control
// characters. (The reader also takes UTF-16 with a byte order mark; a
// configuration file has no need for it.)
func checkText(data []byte, filename string) error {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		var msg string
		switch {
		case r == utf8.RuneError && size == 1:
			msg = fmt.Sprintf("invalid UTF-8 byte %#x; save the file as UTF-8", data[i])
		case !printable(r):
			msg = fmt.Sprintf("control character %U is not allowed in YAML", r)
		}
		if msg != "" {
			line, col := position(data, i)
			return &Error{File: filename, Line: line, Col: col, Msg: msg}
		}
		i += size
	}
	return nil
}

// printable reports whether YAML allows r in a file.
func printable(r rune) bool {
	switch {
	case r == '\t', r == '\n', r == '\r', r >= 0x20 && r <= 0x7E, r == 0x85:
		return true
	case r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= 0x10FFFF:
		return true
	}
	return false
}

// position returns the 1-based line and column (in characters) of byte
// offset off, counting line breaks as the YAML scanner does.
func position(data []byte, off int) (line, col int) {
	line, col = 1, 1
	for i := 0; i < off; {
		r, size := utf8.DecodeRune(data[i:])
		i += size
		switch r {
		case '\r':
			if i < len(data) && data[i] == '\n' {
				continue // counted at the '\n'
			}
			fallthrough
		case '\n', 0x85, 0x2028, 0x2029:
			line, col = line+1, 1
		default:
			col++
		}
	}
	return line, col
}

// lineAt returns the text of 1-based line n, or "" when there is none.
func lineAt(data []byte, n int) string {
	for i, line := 0, 1; i < len(data); line++ {
		end := i
		for end < len(data) && data[end] != '\n' && data[end] != '\r' {
			end++
		}
		if line == n {
			return string(data[i:end])
		}
		if end+1 < len(data) && data[end] == '\r' && data[end+1] == '\n' {
			end++
		}
		i = end + 1
	}
	return ""
}

var yamlLineRE = regexp.MustCompile(`(?s)^(?:yaml: )?line (\d+): (.*)$`)

// syntaxError turns an error from the YAML parser into an *Error.
//
// The parser says "yaml: line N: msg", with three quirks. It numbers lines
// from 0 inside and adds 1 for the scanner's errors only, so the line of a
// parser error (parserMessages) is one short. It leaves out line 0, so an
// error without a line is on the first line. And it reports unknown anchors
// without a position.
func syntaxError(data []byte, filename string, err error) *Error {
	msg, line := strings.TrimPrefix(err.Error(), "yaml: "), 1
	if m := yamlLineRE.FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
		if parserMessages[msg] {
			line++
		}
	}
	e := &Error{File: filename, Line: line, Msg: "invalid YAML: " + msg}

	// Tabs cannot indent YAML, and the parser's messages for them do not say
	// so plainly. The parser points at the line with the tab or the line
	// before it.
	if strings.Contains(msg, "tab") || strings.Contains(msg, "cannot start any token") {
		for _, n := range []int{line, line + 1} {
			text := lineAt(data, n)
			indent := text[:len(text)-len(strings.TrimLeft(text, " \t"))]
			if i := strings.IndexByte(indent, '\t'); i >= 0 {
				return &Error{File: filename, Line: n, Col: i + 1,
					Msg: "invalid YAML: found a tab in the indentation; indent with spaces"}
			}
		}
	}

	// "unknown anchor 'x' referenced", "anchor 'x' value contains itself":
	// point at the first use of the alias.
	if m := anchorRE.FindStringSubmatch(msg); m != nil {
		e.Line = 0
		alias := []byte("*" + m[1])
		for off := 0; ; {
			i := bytes.Index(data[off:], alias)
			if i < 0 {
				break
			}
			end := off + i + len(alias)
			if end == len(data) || bytes.ContainsRune([]byte(" \t\r\n,]}"), rune(data[end])) {
				e.Line, e.Col = position(data, off+i)
				break
			}
			off = end
		}
	}
	return e
}

// parserMessages are the errors of the YAML parser, as opposed to its
// scanner.
var parserMessages = map[string]bool{
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected <document start>": true,
	"did not find expected <stream-start>":   true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
	"found duplicate %TAG directive":         true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
}

var anchorRE = regexp.MustCompile(`^(?:unknown anchor|anchor) '(.*)' (?:referenced|value contains itself)$`)

// decodeError turns an error from Decode into an *Error. The walk leaves
// Decode nothing to object to, but if it does, the error still names the file.
func decodeError(filename string, root *yaml.Node, err error) *Error {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	e := &Error{File: filename, Line: root.Line, Col: root.Column}
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		e.Line, _ = strconv.Atoi(m[1])
		e.Col = 0
		msg = m[2]
	}
	e.Msg = strings.TrimPrefix(msg, "yaml: ")
	return e
}

// yamlMessage returns the message of an error from Decode without the
// package's prefixes.
func yamlMessage(err error) string {
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		if m := yamlLineRE.FindStringSubmatch(te.Errors[0]); m != nil {
			return m[2]
		}
		return te.Errors[0]
	}
	return strings.TrimPrefix(err.Error(), "yaml: ")
}
