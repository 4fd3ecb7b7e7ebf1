package contract

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/tracelint/tracelint/internal/yamlfile"
)

// Error is a problem with a registry file, at the file, line and column it
// names.
type Error = yamlfile.Error

// Load reads the Weaver registries at paths, each a file or a folder (read
// with its subfolders, YAML files only), into one contract.
//
// Every file is a v1 registry file (a "groups:" list), a v2 definition file
// ("file_format: definition/2"), a resolved registry ("file_format:
// resolved/2.0", the output of weaver registry resolve or package), or a
// manifest (registry_manifest.yaml, manifest.yaml, "file_format:
// manifest/2.0"), which is skipped. A "ref:" must name an attribute defined
// in the registries or in base (the bundled semantic conventions; may be
// nil). Fields Load does not
// know are tolerated, as Weaver does. Anything else that is wrong, including
// a key defined twice, is an [*Error] at its position; Load reports the
// first problem only.
func Load(paths []string, base *Contract) (*Contract, error) {
	c, err := load(paths, base)
	if pe, ok := err.(*pathError); ok {
		return nil, &Error{File: paths[pe.index], Msg: "registry " + pe.problem}
	}
	return c, err
}

// load is Load, but a path that names nothing it can read is a
// *pathError, which ForConfig places in the configuration.
func load(paths []string, base *Contract) (*Contract, error) {
	l := &loader{base: base, byKey: make(map[string]*Attribute)}
	for i, p := range paths {
		files, err := registryFiles(p)
		if pe, ok := err.(*pathError); ok {
			pe.index = i
		}
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			if err := l.file(f); err != nil {
				return nil, err
			}
		}
	}
	if err := l.resolve(); err != nil {
		return nil, err
	}
	return New(l.attrs), nil
}

// A pathError is a registry path that names nothing Load can read.
type pathError struct {
	index    int    // of the path in Load's paths
	problem  string // what is wrong, completing "registry ...": "not found"
	notFound bool   // there is nothing at all at the path
}

func (e *pathError) Error() string { return "registry " + e.problem }

// registryFiles lists the YAML files at path, sorted, skipping hidden
// folders. A path that is a symbolic link to a folder is read as the
// folder.
func registryFiles(path string) ([]string, error) {
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if target := yamlfile.Dangling(path); target != "" {
			return nil, &pathError{problem: fmt.Sprintf("is a symbolic link to %q, which does not exist", target)}
		}
		return nil, &pathError{problem: "not found", notFound: true}
	case err != nil:
		return nil, &pathError{problem: "cannot be read: " + yamlfile.PathErr(err)}
	case !info.IsDir():
		return []string{path}, nil
	}
	// WalkDir does not follow a link, not even at the root: walk what it
	// links to, and name the files under path.
	root, err := filepath.EvalSymlinks(path)
	if err != nil {
		return nil, &pathError{problem: "cannot be read: " + yamlfile.PathErr(err)}
	}
	var files []string
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(root, p)
		p = filepath.Join(path, rel)
		switch {
		case err != nil:
			return &Error{File: p, Msg: "cannot read the registry: " + yamlfile.PathErr(err)}
		case d.IsDir() && rel != "." && strings.HasPrefix(d.Name(), "."):
			return filepath.SkipDir
		case !d.IsDir() && (strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")):
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, &pathError{problem: "is a directory with no .yaml or .yml file in it"}
	}
	return files, nil
}

// loader holds what Load has read so far.
type loader struct {
	base  *Contract
	attrs []*Attribute
	byKey map[string]*Attribute
	refs  []use // ref: entries, checked once every file is read
}

// use is a reference to a key or group, where it is written.
type use struct {
	file string
	node *yaml.Node
}

func (l *loader) file(path string) error {
	data, err := yamlfile.ReadFile(path, "registry file")
	if err != nil {
		return err
	}
	root, err := yamlfile.Parse(data, path, "a registry file")
	if err != nil || root == nil {
		return err
	}
	// Decoding refuses self-containing anchors and alias bombs, which the
	// walk below would otherwise follow.
	var v any
	if err := root.Decode(&v); err != nil {
		var typeErr *yaml.TypeError
		if !errors.As(err, &typeErr) {
			return yamlfile.DecodeError(path, root, err)
		}
	}
	f := &file{name: path}
	top, err := f.mapping(root, "a registry file")
	if err != nil {
		return err
	}
	if ff, ok := top["file_format"]; ok {
		format, err := f.str(ff, "file_format")
		if err != nil {
			return err
		}
		switch {
		case format == "definition/2":
			return l.v2(f, top)
		case strings.HasPrefix(format, "resolved/2"):
			return l.resolved(f, top)
		case strings.HasPrefix(format, "manifest/"):
			return nil
		}
		return yamlfile.At(path, ff.value, "unknown file_format %q; tracelint reads definition/2, resolved/2.0 and manifest/2.0", format)
	}
	if _, ok := top["groups"]; ok {
		return l.v1(f, top)
	}
	base := filepath.Base(path)
	if base == "registry_manifest.yaml" || base == "manifest.yaml" || base == "registry_manifest.yml" {
		return nil
	}
	return yamlfile.At(path, root, "not a Weaver registry file: expected a groups: list (v1), file_format: definition/2 or file_format: resolved/2.0")
}

// v1 reads a v1 registry file: groups of attributes, defined with id: (and
// the group's prefix:, in old registries) or referenced with ref:.
func (l *loader) v1(f *file, top map[string]field) error {
	groups, err := f.seq(top["groups"], "groups")
	if err != nil {
		return err
	}
	for _, g := range groups {
		gm, err := f.mapping(g, "a group")
		if err != nil {
			return err
		}
		prefix := ""
		if p, ok := gm["prefix"]; ok {
			if prefix, err = f.str(p, "prefix"); err != nil {
				return err
			}
		}
		if err := l.attributes(f, gm, "id", prefix); err != nil {
			return err
		}
	}
	return nil
}

// v2 reads a v2 definition file: attributes: defines keys with key:, and
// every other section refers to them with ref:.
func (l *loader) v2(f *file, top map[string]field) error {
	if err := l.attributes(f, top, "key", ""); err != nil {
		return err
	}
	for _, name := range slices.Sorted(maps.Keys(top)) {
		sec := top[name]
		if name == "attributes" || name == "file_format" || sec.value.Kind != yaml.SequenceNode {
			continue
		}
		for _, item := range sec.value.Content {
			m, err := f.mapping(item, "an entry of "+name)
			if err != nil {
				return err
			}
			for _, list := range []string{"attributes", "identity", "description"} {
				if err := l.refsOnly(f, m, list); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// resolved reads a resolved registry's attribute_catalog. The catalog may
// hold a key more than once (refinements); the first entry counts.
func (l *loader) resolved(f *file, top map[string]field) error {
	cat, ok := top["attribute_catalog"]
	if !ok {
		return yamlfile.At(f.name, top["file_format"].key, "a resolved registry needs an attribute_catalog")
	}
	items, err := f.seq(cat, "attribute_catalog")
	if err != nil {
		return err
	}
	seen := make(map[string]bool)
	for _, item := range items {
		m, err := f.mapping(item, "an attribute")
		if err != nil {
			return err
		}
		k, ok := m["key"]
		if !ok {
			return yamlfile.At(f.name, item, "attribute_catalog entry without a key")
		}
		key, err := f.str(k, "key")
		if err != nil {
			return err
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		if err := l.define(f, m, k, key); err != nil {
			return err
		}
	}
	return nil
}

// attributes reads the attributes: list of a group or file: entries with
// a definition field (idField: "id" or "key"), and entries with ref:.
func (l *loader) attributes(f *file, m map[string]field, idField, prefix string) error {
	list, ok := m["attributes"]
	if !ok {
		return nil
	}
	items, err := f.seq(list, "attributes")
	if err != nil {
		return err
	}
	for _, item := range items {
		am, err := f.mapping(item, "an attribute")
		if err != nil {
			return err
		}
		if ref, ok := am["ref"]; ok {
			if _, err := f.str(ref, "ref"); err != nil {
				return err
			}
			l.refs = append(l.refs, use{f.name, ref.value})
			continue
		}
		id, ok := am[idField]
		if !ok {
			return yamlfile.At(f.name, item, "attribute without %s: or ref:", idField)
		}
		key, err := f.str(id, idField)
		if err != nil {
			return err
		}
		if prefix != "" {
			key = prefix + "." + key
		}
		if err := l.define(f, am, id, key); err != nil {
			return err
		}
	}
	return nil
}

// refsOnly reads a list of ref: entries, such as an entity's identity:.
func (l *loader) refsOnly(f *file, m map[string]field, name string) error {
	list, ok := m[name]
	if !ok || list.value.Kind != yaml.SequenceNode {
		return nil
	}
	for _, item := range list.value.Content {
		if am, err := f.mapping(item, "an attribute"); err == nil {
			if ref, ok := am["ref"]; ok {
				if _, err := f.str(ref, "ref"); err != nil {
					return err
				}
				l.refs = append(l.refs, use{f.name, ref.value})
			}
		}
	}
	return nil
}

// define adds the attribute key defined by the fields m, whose key field
// is k.
func (l *loader) define(f *file, m map[string]field, k field, key string) error {
	if key == "" {
		return yamlfile.At(f.name, k.value, "empty attribute key")
	}
	if prev, dup := l.byKey[key]; dup {
		return yamlfile.At(f.name, k.value, "attribute %q is defined twice; first at %s", key, prev.Pos)
	}
	a := &Attribute{Key: key, Pos: fmt.Sprintf("%s:%d", f.name, k.value.Line)}
	t, ok := m["type"]
	if !ok {
		return yamlfile.At(f.name, k.key, "attribute %q has no type", key)
	}
	var err error
	if a.Type, err = f.typ(t, m); err != nil {
		return err
	}
	if s, ok := m["stability"]; ok && s.value.Kind == yaml.ScalarNode && s.value.Value != "" {
		if a.Stability, err = f.stability(s); err != nil {
			return err
		}
	}
	if d, ok := m["deprecated"]; ok {
		if a.Deprecated, err = f.deprecation(d); err != nil {
			return err
		}
	}
	if an, ok := m["annotations"]; ok {
		if an.value.Kind != yaml.MappingNode {
			return yamlfile.At(f.name, an.value, "annotations: expected a mapping, got %s", yamlfile.Describe(an.value))
		}
		if err := an.value.Decode(&a.Annotations); err != nil {
			return yamlfile.At(f.name, an.value, "annotations: %v", err)
		}
	}
	l.byKey[key] = a
	l.attrs = append(l.attrs, a)
	return nil
}

// resolve checks every ref:, now that all files are read. An extends: is
// not checked: it may name a group of the semantic conventions, whose groups
// the bundled table does not keep, and it adds no key.
func (l *loader) resolve() error {
	for _, r := range l.refs {
		key := r.node.Value
		if _, ok := l.byKey[key]; ok {
			continue
		}
		if _, ok := l.base.Lookup(key); ok {
			continue
		}
		msg := fmt.Sprintf("ref: %q is not defined in the registries or the OpenTelemetry semantic conventions; add the registry that defines it to attrkeys.registries", key)
		if near, ok := New(l.attrs).Nearest(key); ok {
			msg += fmt.Sprintf(" (did you mean %q?)", near)
		}
		return yamlfile.At(r.file, r.node, "%s", msg)
	}
	return nil
}

// file reads the nodes of one registry file.
type file struct {
	name string
}

// field is one key of a mapping and its value.
type field struct {
	key, value *yaml.Node
}

// mapping returns the fields of n, which must be a mapping; what names n in
// the error. A duplicate key is an error.
func (f *file) mapping(n *yaml.Node, what string) (map[string]field, error) {
	n = yamlfile.Deref(n)
	if n.Kind != yaml.MappingNode {
		return nil, yamlfile.At(f.name, n, "expected %s (a mapping), got %s", what, yamlfile.Describe(n))
	}
	m := make(map[string]field, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := yamlfile.Deref(n.Content[i]), yamlfile.Deref(n.Content[i+1])
		if k.Kind != yaml.ScalarNode {
			return nil, yamlfile.At(f.name, k, "expected a key, got %s", yamlfile.Describe(k))
		}
		if prev, dup := m[k.Value]; dup {
			return nil, yamlfile.At(f.name, k, "duplicate key %q; first defined at line %d", k.Value, prev.key.Line)
		}
		m[k.Value] = field{k, v}
	}
	return m, nil
}

// seq returns the items of the list fd.
func (f *file) seq(fd field, name string) ([]*yaml.Node, error) {
	if fd.value.Kind == yaml.ScalarNode && fd.value.Tag == "!!null" {
		return nil, nil
	}
	if fd.value.Kind != yaml.SequenceNode {
		return nil, yamlfile.At(f.name, fd.value, "%s: expected a list, got %s", name, yamlfile.Describe(fd.value))
	}
	return fd.value.Content, nil
}

// str returns the string value of fd.
func (f *file) str(fd field, name string) (string, error) {
	if fd.value.Kind != yaml.ScalarNode || fd.value.Tag == "!!null" {
		return "", yamlfile.At(f.name, fd.value, "%s: expected a string, got %s", name, yamlfile.Describe(fd.value))
	}
	return fd.value.Value, nil
}

// scalarTypes are the scalar types of Weaver's type: field.
var scalarTypes = map[string]Type{
	"string": {Kind: KindString}, "int": {Kind: KindInt}, "double": {Kind: KindDouble}, "boolean": {Kind: KindBoolean},
	"string[]": {Kind: KindString, Array: true}, "int[]": {Kind: KindInt, Array: true},
	"double[]": {Kind: KindDouble, Array: true}, "boolean[]": {Kind: KindBoolean, Array: true},
	"any": {Kind: KindAny},
}

var typeNames = "string, int, double, boolean, their arrays (string[], ...), any, template[T] or an enum (members:)"

// typ reads an attribute's type: a name, template[name], or a mapping with
// members: (an enum); also the form type: enum with members: beside it.
func (f *file) typ(t field, m map[string]field) (Type, error) {
	switch t.value.Kind {
	case yaml.ScalarNode:
		name := t.value.Value
		if inner, ok := strings.CutPrefix(name, "template["); ok && strings.HasSuffix(inner, "]") {
			typ, ok := scalarTypes[strings.TrimSuffix(inner, "]")]
			if !ok || typ.Kind == KindAny {
				return Type{}, yamlfile.At(f.name, t.value, "unknown template type %q; expected template[T] with T one of string, int, double, boolean or their arrays", name)
			}
			typ.Template = true
			return typ, nil
		}
		if typ, ok := scalarTypes[name]; ok {
			return typ, nil
		}
		if name == "enum" {
			if members, ok := m["members"]; ok {
				return f.enum(members)
			}
		}
		return Type{}, yamlfile.At(f.name, t.value, "unknown type %q; expected %s", name, typeNames)
	case yaml.MappingNode:
		tm, err := f.mapping(t.value, "a type")
		if err != nil {
			return Type{}, err
		}
		members, ok := tm["members"]
		if !ok {
			return Type{}, yamlfile.At(f.name, t.value, "a type given as a mapping is an enum and needs members:")
		}
		return f.enum(members)
	}
	return Type{}, yamlfile.At(f.name, t.value, "type: expected %s, got %s", typeNames, yamlfile.Describe(t.value))
}

// enum reads an enum's members; their values must share one kind.
func (f *file) enum(fd field) (Type, error) {
	items, err := f.seq(fd, "members")
	if err != nil {
		return Type{}, err
	}
	if len(items) == 0 {
		return Type{}, yamlfile.At(f.name, fd.key, "an enum needs at least one member")
	}
	t := Type{Members: []Member{}}
	for _, item := range items {
		mm, err := f.mapping(item, "an enum member")
		if err != nil {
			return Type{}, err
		}
		v, ok := mm["value"]
		if !ok || v.value.Kind != yaml.ScalarNode {
			return Type{}, yamlfile.At(f.name, item, "enum member without a value")
		}
		var kind Kind
		switch v.value.ShortTag() {
		case "!!str":
			kind = KindString
		case "!!int":
			kind = KindInt
		case "!!float":
			kind = KindDouble
		case "!!bool":
			kind = KindBoolean
		default:
			return Type{}, yamlfile.At(f.name, v.value, "enum member value: expected a string, number or boolean, got %s", yamlfile.Describe(v.value))
		}
		if t.Kind != 0 && kind != t.Kind {
			return Type{}, yamlfile.At(f.name, v.value, "enum member value %q is %s, but the first member's is %s; an enum's members share one type", v.value.Value, kind, t.Kind)
		}
		t.Kind = kind
		member := Member{Value: v.value.Value}
		if id, ok := mm["id"]; ok {
			member.ID = id.value.Value
		}
		if kind == KindInt {
			n, err := strconv.ParseInt(v.value.Value, 0, 64)
			if err != nil {
				return Type{}, yamlfile.At(f.name, v.value, "enum member value %q is not a 64-bit integer", v.value.Value)
			}
			member.Value = strconv.FormatInt(n, 10)
		}
		_, member.Deprecated = mm["deprecated"]
		t.Members = append(t.Members, member)
	}
	return t, nil
}

// stabilities are the stability levels of Weaver registries, old and new.
var stabilities = []string{"alpha", "beta", "deprecated", "development", "experimental", "release_candidate", "stable"}

func (f *file) stability(s field) (string, error) {
	if !slices.Contains(stabilities, s.value.Value) {
		return "", yamlfile.At(f.name, s.value, "unknown stability %q; expected one of %s", s.value.Value, strings.Join(stabilities, ", "))
	}
	return s.value.Value, nil
}

// reasons are the reasons of a deprecated: mapping.
var reasons = []string{"obsoleted", "renamed", "uncategorized", "unspecified"}

// deprecation reads deprecated: a bare string (the old form, a note), or
// a mapping with reason:, renamed_to: and note:.
func (f *file) deprecation(d field) (*Deprecation, error) {
	if d.value.Kind == yaml.ScalarNode {
		if d.value.Tag == "!!bool" && d.value.Value == "false" {
			return nil, nil
		}
		return &Deprecation{Reason: "unspecified", Note: d.value.Value}, nil
	}
	m, err := f.mapping(d.value, "deprecated: a string or a mapping with reason:")
	if err != nil {
		return nil, err
	}
	r, ok := m["reason"]
	if !ok {
		return nil, yamlfile.At(f.name, d.value, "deprecated: needs a reason: (one of %s)", strings.Join(reasons, ", "))
	}
	dep := &Deprecation{Reason: r.value.Value}
	if !slices.Contains(reasons, dep.Reason) {
		return nil, yamlfile.At(f.name, r.value, "unknown deprecation reason %q; expected one of %s", dep.Reason, strings.Join(reasons, ", "))
	}
	if n, ok := m["note"]; ok {
		dep.Note = strings.TrimSpace(n.value.Value)
	}
	if dep.Reason == "renamed" {
		to, ok := m["renamed_to"]
		if !ok {
			return nil, yamlfile.At(f.name, r.value, "a deprecation with reason renamed needs renamed_to:")
		}
		if dep.RenamedTo, err = f.str(to, "renamed_to"); err != nil {
			return nil, err
		}
	}
	return dep, nil
}
