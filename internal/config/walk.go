package config

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"github.com/agnivade/levenshtein"
	"go.yaml.in/yaml/v3"

	"github.com/tracelint/tracelint/internal/yamlfile"
)

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
	"enable":                           {noun: "a list of rule IDs", item: (*walker).ruleID},
	"disable":                          {noun: "a list of rule IDs", item: (*walker).ruleID},
	"spanend.start-funcs":              {item: (*walker).funcName},
	"spanend.no-return-funcs":          {item: (*walker).funcName},
	"ctxpropagation.detach-funcs":      {item: (*walker).funcName},
	"attrkeys.registries":              {item: (*walker).nonEmpty},
	"attrkeys.allow":                   {item: (*walker).keyGlob},
	"attrkeys.deny.key":                {item: (*walker).keyGlob},
	"attrkeys.ignore-namespaces":       {item: (*walker).namespace},
	"attrkeys.min-stability":           {item: (*walker).stability},
	"piiattrs.allow":                   {item: (*walker).keyGlob},
	"piiattrs.redactors":               {item: (*walker).funcName},
	"piiattrs.extra-patterns.category": {item: (*walker).piiCategory},
	"piiattrs.extra-patterns.words":    {item: (*walker).nonEmpty},
}

// required lists, by schema path of a list of mappings, the keys each
// mapping must have.
var required = map[string][]string{
	"attrkeys.deny":           {"key"},
	"piiattrs.extra-patterns": {"category", "words"},
}

// kinds are the Go kinds an option may have, with what a value of each looks
// like in YAML, one and many, for messages. The walk refuses any other kind
// (floats, maps, pointers, time.Duration, which is an int64): each would need
// its own decision on how strict to be, as scalar makes for these, and a
// test fails when the schema uses one.
var kinds = map[reflect.Kind]struct{ one, many string }{
	reflect.Bool:   {"a boolean (true or false)", "booleans"},
	reflect.String: {"a string", "strings"},
	reflect.Int:    {"an integer", "integers"},
	reflect.Struct: {"a mapping", "mappings"},
	reflect.Slice:  {"a list", "lists"},
}

// A walker checks a YAML node tree against the Go type it will be decoded
// into, generically over the yaml tags, so that new fields need no code here.
// It stops at the first problem.
type walker struct {
	file  string
	rules []string           // sorted
	pos   map[string]lineCol // where each value is, by path in messages
}

func (w *walker) errorf(n *yaml.Node, format string, args ...any) *Error {
	return &Error{File: w.file, Line: n.Line, Col: n.Column, Msg: fmt.Sprintf(format, args...)}
}

// value checks that n fits a value of type t.
func (w *walker) value(n *yaml.Node, t reflect.Type, l loc) error {
	if _, ok := kinds[t.Kind()]; !ok {
		return w.errorf(n, "%sinternal error: the configuration loader does not support options of type %s", prefix(l), t)
	}
	if n.Kind == yaml.AliasNode {
		// Check the value the alias stands for, but point errors about
		// it as a whole at the alias.
		r := *n.Alias
		r.Line, r.Column = n.Line, n.Column
		n = &r
	}
	if l.path != "" {
		if w.pos == nil {
			w.pos = make(map[string]lineCol)
		}
		w.pos[l.path] = lineCol{n.Line, n.Column}
	}
	if isNull(n) {
		return nil // keeps the default
	}
	switch t.Kind() {
	case reflect.Struct:
		return w.mapping(n, t, l)
	case reflect.Slice:
		return w.list(n, t, l)
	}
	return w.scalar(n, t, l)
}

// target returns the node n stands for: n itself, or what it is an alias of.
func target(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode {
		return n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// mapping checks a mapping against the fields of struct type t. A merge key
// ("<<") is an unknown key: checking what it merges, as Decode merges it,
// would cost more code than repeating a few keys costs a user.
func (w *walker) mapping(n *yaml.Node, t reflect.Type, l loc) error {
	if n.Kind != yaml.MappingNode {
		return w.typeError(n, t, l)
	}
	fields := fieldsOf(t)
	seen := make(map[string]*yaml.Node)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := target(n.Content[i]), n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			return w.errorf(n.Content[i], "%sexpected a key, got %s", prefix(l), yamlfile.Describe(k))
		}
		if prev, ok := seen[k.Value]; ok {
			return w.errorf(n.Content[i], "duplicate key %q%s; first defined at line %d", k.Value, in(l), prev.Line)
		}
		seen[k.Value] = n.Content[i]
		j := slices.IndexFunc(fields, func(f field) bool { return f.name == k.Value })
		if j < 0 {
			return w.unknownKey(n.Content[i], k.Value, fields, l)
		}
		if err := w.value(v, fields[j].typ, l.child(k.Value)); err != nil {
			return err
		}
	}
	for _, key := range required[l.key] {
		if _, ok := seen[key]; !ok {
			return w.errorf(n, "%s: missing %q", l.path, key)
		}
	}
	return nil
}

// unknownKey reports a key that is not in fields: with the key it most
// likely stands for, or else with the keys there are.
func (w *walker) unknownKey(k *yaml.Node, name string, fields []field, l loc) error {
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.name
	}
	if near := nearest(name, names, keyForm); near != "" {
		return w.errorf(k, "unknown key %q%s; did you mean %q?", name, in(l), near)
	}
	return w.errorf(k, "unknown key %q%s; allowed keys: %s", name, in(l), strings.Join(names, ", "))
}

// keyForm is how a key is compared with the schema's: "Infer_Wrappers" and
// "inferWrappers" (golangci-lint lower-cases its settings' keys to
// "inferwrappers") are all infer-wrappers.
func keyForm(s string) string {
	return strings.NewReplacer("-", "", "_", "").Replace(strings.ToLower(s))
}

// nearest returns the one candidate that s most likely misspells: equal to
// s in form, or within a few edits of it in form (one for up to four
// characters, two up to eleven, then three). It returns "" when there is
// none, or when several are equally near: a guess between two is no help.
func nearest(s string, candidates []string, form func(string) string) string {
	fs := form(s)
	limit := 3
	switch {
	case len(fs) <= 4:
		limit = 1
	case len(fs) <= 11:
		limit = 2
	}
	best, bestDist, tie := "", limit+1, false
	for _, c := range candidates {
		d := levenshtein.ComputeDistance(fs, form(c))
		switch {
		case d < bestDist:
			best, bestDist, tie = c, d, false
		case d == bestDist:
			tie = true
		}
	}
	if tie {
		return ""
	}
	return best
}

// list checks a sequence against slice type t.
func (w *walker) list(n *yaml.Node, t reflect.Type, l loc) error {
	if n.Kind != yaml.SequenceNode {
		return w.typeError(n, t, l)
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
	// Decode is lenient: it reads "yes" and "on" as true and truncates 1.5
	// to an int. Ask for the YAML type the Go type stands for; a string
	// takes any scalar. Decode itself catches what the tag does not, such as
	// an int too large for the type.
	ok := n.Kind == yaml.ScalarNode
	switch t.Kind() {
	case reflect.Bool:
		ok = ok && n.ShortTag() == "!!bool"
	case reflect.Int:
		ok = ok && n.ShortTag() == "!!int"
	}
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
		return w.errorf(n, "expected a mapping of options at the top level, got %s", yamlfile.Describe(n))
	}
	noun := l.noun
	if noun == "" {
		noun = kinds[t.Kind()].one
		if t.Kind() == reflect.Slice {
			noun += " of " + kinds[t.Elem().Kind()].many
		}
	}
	return w.errorf(n, "%s: expected %s, got %s", l.path, noun, yamlfile.Describe(n))
}

// ruleID checks an entry of enable or disable.
func (w *walker) ruleID(n *yaml.Node, l loc, id string) error {
	if _, found := slices.BinarySearch(w.rules, id); found || slices.Contains(RustOnlyRules, id) {
		return nil
	}
	if near := nearest(id, w.rules, ruleForm); near != "" {
		return w.errorf(n, "unknown rule %q in %s; did you mean %q?", id, l.key, near)
	}
	known := "none"
	if len(w.rules) > 0 {
		known = strings.Join(w.rules, ", ")
	}
	return w.errorf(n, "unknown rule %q in %s; known rules: %s", id, l.key, known)
}

// RustOnlyRules are the names of tracelint rust's lints that mirror no Go
// rule, which enable and disable name in place of a rule ID. Every
// configuration accepts them, so that one .tracelint.yml serves the Go and
// the Rust services of a repository.
var RustOnlyRules = []string{"span_guard_across_await"}

// ruleForm is how a rule ID is compared with the known ones: in upper
// case, with the letter O for a zero and the letter l for a one read as the
// digits ("TL2O1", "tl2l1").
func ruleForm(s string) string {
	s = strings.ToUpper(s)
	if len(s) > 2 {
		s = s[:2] + strings.NewReplacer("O", "0", "L", "1", "I", "1").Replace(s[2:])
	}
	return s
}

func (w *walker) nonEmpty(n *yaml.Node, l loc, s string) error {
	if strings.TrimSpace(s) == "" {
		return w.errorf(n, "%s: empty value", l.path)
	}
	return nil
}

// keyGlob checks an attribute key or a glob of keys, in which * matches any
// run of characters.
func (w *walker) keyGlob(n *yaml.Node, l loc, s string) error {
	if s == "" || strings.ContainsAny(s, " \t[]?\\") {
		return w.errorf(n, "%s: %q is not an attribute key or a glob of keys; write a key such as \"shop.order.id\", with * for any run of characters", l.path, s)
	}
	return nil
}

// piiCategory checks a category name of piiattrs.extra-patterns.
func (w *walker) piiCategory(n *yaml.Node, l loc, s string) error {
	if slices.Contains(PIICategoryNames, s) {
		return nil
	}
	return w.errorf(n, "%s: unknown category %q; known categories: %s", l.path, s, strings.Join(PIICategoryNames, ", "))
}

// namespace checks a key namespace: dot-separated words, no trailing dot.
func (w *walker) namespace(n *yaml.Node, l loc, s string) error {
	if s == "" || strings.HasPrefix(s, ".") || strings.HasSuffix(s, ".") || strings.ContainsAny(s, " *") {
		return w.errorf(n, "%s: %q is not a key namespace; write dot-separated words such as \"vendor.legacy\"", l.path, s)
	}
	return nil
}

func (w *walker) stability(n *yaml.Node, l loc, s string) error {
	if StabilityRank(s) < 0 {
		return w.errorf(n, "%s: %q is not a stability level; write one of %s", l.path, s, strings.Join(StabilityLevels, ", "))
	}
	return nil
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

// rustPathRE matches a Rust function's path, as tracelint rust reads
// redactors and detach functions: crate::privacy::redact, ::a::b.
var rustPathRE = regexp.MustCompile(`^(?:::)?[\p{L}_][\p{L}\p{Nd}_]*(?:::[\p{L}_][\p{L}\p{Nd}_]*)+$`)

// funcName checks an entry of a list of functions: a Go function's full
// name, or a Rust path.
func (w *walker) funcName(n *yaml.Node, l loc, name string) error {
	if funcNameRE.MatchString(name) || rustPathRE.MatchString(name) {
		return nil
	}
	return w.errorf(n, `%s: %q is not a fully qualified function name; write "example.com/pkg.Func" or "(*example.com/pkg.Type).Method" (or, for Rust, "crate::module::func")`, l.path, name)
}

// A field is a key of a struct's mapping.
type field struct {
	name string
	typ  reflect.Type
}

// fieldsOf returns the keys of struct type t, in declaration order: the yaml
// tags of its exported fields, but "-". The schema's tags are plain names
// (a test checks), so there are no options such as ",inline" to honour.
func fieldsOf(t reflect.Type) []field {
	var fields []field
	for sf := range t.Fields() {
		if name := sf.Tag.Get("yaml"); sf.IsExported() && name != "-" {
			fields = append(fields, field{name, sf.Type})
		}
	}
	return fields
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
