// Package contract is tracelint's model of a telemetry contract: the
// attribute keys a team has agreed on, their types, enum members, stability
// and deprecation, as the OpenTelemetry semantic conventions and the team's
// own Weaver-format registries define them.
//
// [Load] reads registries (the v1 "groups:" syntax, the v2 "definition/2"
// syntax and resolved "resolved/2.0" registries); [Semconv] returns the
// bundled semantic conventions, generated from the semconv YAML model. The
// package knows nothing of go/analysis: the analyzers ask it questions.
package contract

import (
	"slices"
	"strings"
	"sync"

	"github.com/agnivade/levenshtein"
)

// Kind is the scalar type of an attribute's values.
type Kind uint8

// The kinds of a Weaver registry. KindAny accepts every value.
const (
	KindString Kind = iota + 1
	KindInt
	KindDouble
	KindBoolean
	KindAny
)

var kindNames = [...]string{KindString: "string", KindInt: "int", KindDouble: "double", KindBoolean: "boolean", KindAny: "any"}

// String returns the kind as Weaver spells it.
func (k Kind) String() string {
	if int(k) < len(kindNames) && kindNames[k] != "" {
		return kindNames[k]
	}
	return "unknown"
}

// Type is an attribute's type: a kind, or an array of it, or an enum whose
// members have that kind. A template type stands for every key that starts
// with the attribute's key and a dot.
type Type struct {
	Kind     Kind
	Array    bool
	Template bool
	// Members are an enum's members; nil when the type is not an enum. Weaver
	// enums are open: other values are allowed, though suspicious.
	Members []Member
}

// IsEnum reports whether t is an enum.
func (t Type) IsEnum() bool { return t.Members != nil }

// Value returns the type of one value of the attribute: t without its
// template and enum parts.
func (t Type) Value() Type { return Type{Kind: t.Kind, Array: t.Array} }

// String returns the type as Weaver spells it: "int", "string[]",
// "template[string]", or "enum of string" for an enum.
func (t Type) String() string {
	s := t.Kind.String()
	if t.Array {
		s += "[]"
	}
	switch {
	case t.Template:
		return "template[" + s + "]"
	case t.IsEnum():
		return "enum of " + s
	}
	return s
}

// Member is one member of an enum.
type Member struct {
	ID string
	// Value is the member's value as text: "GET", "200", "true".
	Value string
	// Deprecated is set when the member itself is deprecated.
	Deprecated bool
}

// Deprecation says why an attribute is deprecated and what replaces it.
type Deprecation struct {
	// Reason is one of "renamed", "obsoleted", "uncategorized" or
	// "unspecified" (a bare string in the registry).
	Reason string
	// RenamedTo is the replacement key when Reason is "renamed".
	RenamedTo string
	// Note is the registry's note, if any.
	Note string
}

// Attribute is one attribute of the contract.
type Attribute struct {
	Key  string
	Type Type
	// Stability is the registry's stability level ("stable",
	// "development", ...); empty when the registry gives none.
	Stability  string
	Deprecated *Deprecation
	// Annotations are the registry's annotations, as plain values (maps,
	// lists, strings, numbers, booleans), for the analyzers that read them:
	// piiattrs reads "privacy".
	Annotations map[string]any
	// Pos is where the attribute is defined, as "file:line"; empty for the
	// bundled semantic conventions.
	Pos string
}

// Contract is a set of attributes, looked up by key.
type Contract struct {
	keys      map[string]*Attribute
	templates []*Attribute // longest key first, so that the nearest template matches
	parents   map[string]bool
	nearest   sync.Map // string -> string: Nearest's answers, "" for none
}

// New returns a contract of the given attributes. A key given twice keeps
// the first attribute.
func New(attrs []*Attribute) *Contract {
	c := &Contract{keys: make(map[string]*Attribute, len(attrs)), parents: make(map[string]bool)}
	for _, a := range attrs {
		if _, dup := c.keys[a.Key]; dup {
			continue
		}
		c.keys[a.Key] = a
		if a.Type.Template {
			c.templates = append(c.templates, a)
		}
		if i := strings.LastIndexByte(a.Key, '.'); i > 0 {
			c.parents[a.Key[:i]] = true
		}
	}
	slices.SortFunc(c.templates, func(a, b *Attribute) int { return len(b.Key) - len(a.Key) })
	return c
}

// Len returns the number of attributes.
func (c *Contract) Len() int {
	if c == nil {
		return 0
	}
	return len(c.keys)
}

// Attributes returns the attributes sorted by key.
func (c *Contract) Attributes() []*Attribute {
	if c == nil {
		return nil
	}
	attrs := make([]*Attribute, 0, len(c.keys))
	for _, a := range c.keys {
		attrs = append(attrs, a)
	}
	slices.SortFunc(attrs, func(a, b *Attribute) int { return strings.Compare(a.Key, b.Key) })
	return attrs
}

// Lookup returns the attribute of key: the attribute of that exact key, or
// the template whose key, followed by a dot, starts key.
func (c *Contract) Lookup(key string) (*Attribute, bool) {
	if c == nil {
		return nil, false
	}
	if a, ok := c.keys[key]; ok {
		return a, true
	}
	return c.Template(key)
}

// Template returns the template attribute that key, a complete key or a
// prefix of one, falls under.
func (c *Contract) Template(key string) (*Attribute, bool) {
	if c == nil {
		return nil, false
	}
	for _, t := range c.templates {
		if len(key) > len(t.Key)+1 && key[len(t.Key)] == '.' && strings.HasPrefix(key, t.Key) {
			return t, true
		}
	}
	return nil, false
}

// HasNamespace reports whether some attribute of c lies directly in
// namespace ns: "http.request" for "http.request.method".
func (c *Contract) HasNamespace(ns string) bool {
	return c != nil && c.parents[ns]
}

// Nearest returns the key of c closest to key in edit distance, when it is
// close enough to be a likely misspelling: at most two edits, or three for
// keys longer than 20 bytes. Deprecated keys are never proposed. Answers are remembered: a misspelled key
// usually recurs.
func (c *Contract) Nearest(key string) (string, bool) {
	if c == nil {
		return "", false
	}
	if near, ok := c.nearest.Load(key); ok {
		return near.(string), near != ""
	}
	near := c.computeNearest(key)
	c.nearest.Store(key, near)
	return near, near != ""
}

func (c *Contract) computeNearest(key string) string {
	limit := 2
	if len(key) > 20 {
		limit = 3
	}
	best, bestDist := "", limit+1
	for k, a := range c.keys {
		if d := len(k) - len(key); d > limit || -d > limit || a.Deprecated != nil {
			continue
		}
		d := levenshtein.ComputeDistance(key, k)
		if d < bestDist || d == bestDist && k < best {
			best, bestDist = k, d
		}
	}
	return best
}
