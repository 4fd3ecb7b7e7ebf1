package rulesdoc

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/tracelint/tracelint/internal/config"
)

// Option is one key of .tracelint.yml, read from the config package: its
// path, its type, its default (as YAML) and its documentation come from
// the field of config.Config that holds it, so they are written once.
type Option struct {
	Key     string // the full path, "spanend.start-funcs"
	Type    string // "boolean", "string", "list of strings", "list of {key, reason}", ...
	Default string // the default as YAML: "true", "[]", "stable"
	Doc     string // the field's comment, without its leading field name
	Example string // the field's example tag, as YAML; may be empty

	value reflect.Value // the default
}

// ReadOptions reads the options from the config package's source file
// (internal/config/config.go): every field of Config with a yaml tag, the
// fields of nested sections joined with dots, documented by its comment
// and defaulted by config.Default.
func ReadOptions(configFile string) ([]Option, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, configFile, nil, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	structs := make(map[string]*ast.StructType)
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.TYPE {
			continue
		}
		for _, spec := range gd.Specs {
			if ts, ok := spec.(*ast.TypeSpec); ok {
				if st, ok := ts.Type.(*ast.StructType); ok {
					structs[ts.Name.Name] = st
				}
			}
		}
	}
	var out []Option
	var walk func(st *ast.StructType, rt reflect.Type, rv reflect.Value, prefix string) error
	walk = func(st *ast.StructType, rt reflect.Type, rv reflect.Value, prefix string) error {
		for _, field := range st.Fields.List {
			if len(field.Names) != 1 || field.Tag == nil {
				continue
			}
			name := field.Names[0].Name
			sf, ok := rt.FieldByName(name)
			if !ok {
				return fmt.Errorf("%s: field %s is not in the compiled config package: rebuild gendocs", configFile, name)
			}
			key := yamlKey(sf)
			if key == "" || key == "-" {
				continue
			}
			path := prefix + key
			fv := rv.FieldByName(name)
			if id, ok := field.Type.(*ast.Ident); ok && structs[id.Name] != nil && sf.Type.Kind() == reflect.Struct && prefix == "" {
				if err := walk(structs[id.Name], sf.Type, fv, path+"."); err != nil {
					return err
				}
				continue
			}
			doc := docText(field.Doc, name)
			if doc == "" {
				return fmt.Errorf("%s: field %s (%s) has no doc comment", configFile, name, path)
			}
			out = append(out, Option{Key: path, Type: typeName(sf.Type), Default: yamlValue(fv), Doc: doc, Example: sf.Tag.Get("example"), value: fv})
		}
		return nil
	}
	if err := walk(structs["Config"], reflect.TypeFor[config.Config](), reflect.ValueOf(*config.Default()), ""); err != nil {
		return nil, err
	}
	return out, nil
}

// docText is a field's comment as one paragraph, without the field's name
// that starts it: "StartFuncs lists functions ..." becomes "Lists functions ...".
func docText(cg *ast.CommentGroup, name string) string {
	text := strings.Join(strings.Fields(cg.Text()), " ")
	if rest, ok := strings.CutPrefix(text, name+" "); ok && rest != "" {
		text = strings.ToUpper(rest[:1]) + rest[1:]
	}
	return text
}

// typeName names a field's type for people.
func typeName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Bool:
		return "boolean"
	case reflect.String:
		return "string"
	case reflect.Slice:
		el := t.Elem()
		if el.Kind() == reflect.Struct {
			return "list of {" + strings.Join(yamlKeys(el), ", ") + "}"
		}
		return "list of " + typeName(el) + "s"
	case reflect.Struct:
		return "mapping of " + typeName(t.Field(0).Type) + "s"
	}
	return t.String()
}

func yamlKeys(t reflect.Type) []string {
	var keys []string
	for i := range t.NumField() {
		keys = append(keys, yamlKey(t.Field(i)))
	}
	return keys
}

// yamlKey is the key a struct field has in .tracelint.yml.
func yamlKey(f reflect.StructField) string { return strings.Split(f.Tag.Get("yaml"), ",")[0] }

// yamlValue writes a default value as YAML, in flow style.
func yamlValue(v reflect.Value) string {
	switch v.Kind() {
	case reflect.Bool:
		return strconv.FormatBool(v.Bool())
	case reflect.String:
		if v.String() == "" {
			return `""`
		}
		return v.String()
	case reflect.Slice:
		var items []string
		for i := range v.Len() {
			items = append(items, yamlValue(v.Index(i)))
		}
		return "[" + strings.Join(items, ", ") + "]"
	case reflect.Struct:
		var items []string
		for i := range v.NumField() {
			items = append(items, yamlKey(v.Type().Field(i))+": "+yamlValue(v.Field(i)))
		}
		return "{" + strings.Join(items, ", ") + "}"
	}
	return fmt.Sprint(v.Interface())
}

// Lookup returns the options named by keys, in that order, and the keys
// that name none.
func Lookup(opts []Option, keys []string) ([]Option, []string) {
	var found []Option
	var missing []string
	for _, k := range keys {
		i := slices.IndexFunc(opts, func(o Option) bool { return o.Key == k })
		if i < 0 {
			missing = append(missing, k)
			continue
		}
		found = append(found, opts[i])
	}
	return found, missing
}

// ConfigYAML writes every option at its default, each under its comment,
// as the README's configuration block: the sections nested, an example as
// a trailing comment.
func ConfigYAML(opts []Option) string {
	var b strings.Builder
	section := ""
	for _, o := range opts {
		path := strings.Split(o.Key, ".")
		indent := ""
		if len(path) > 1 {
			if path[0] != section {
				section = path[0]
				fmt.Fprintf(&b, "\n%s:\n", section)
			}
			indent = "  "
		}
		for _, line := range wrapText(o.Doc, 96-len(indent)) {
			fmt.Fprintf(&b, "%s# %s\n", indent, line)
		}
		if o.value.Kind() == reflect.Struct {
			fmt.Fprintf(&b, "%s%s:\n", indent, path[len(path)-1])
			for i := range o.value.NumField() {
				fmt.Fprintf(&b, "%s  %s: %s\n", indent, yamlKey(o.value.Type().Field(i)), yamlValue(o.value.Field(i)))
			}
			continue
		}
		line := fmt.Sprintf("%s%s: %s", indent, path[len(path)-1], o.Default)
		if o.Example != "" {
			line += "  # e.g. " + o.Example
		}
		b.WriteString(line + "\n")
	}
	return strings.TrimPrefix(b.String(), "\n")
}

func wrapText(text string, width int) []string {
	var lines []string
	cur := ""
	for _, w := range strings.Fields(text) {
		if cur != "" && len(cur)+1+len(w) > width {
			lines = append(lines, cur)
			cur = w
			continue
		}
		if cur != "" {
			cur += " "
		}
		cur += w
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// Schema returns the JSON Schema of .tracelint.yml (draft 2020-12), for
// editors' YAML language servers: every key with its type, default and
// documentation, rule IDs listed for enable and disable, unknown keys
// refused.
func Schema(opts []Option, ruleIDs []string) ([]byte, error) {
	root := object()
	root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	root["title"] = ".tracelint.yml"
	for _, o := range opts {
		path := strings.Split(o.Key, ".")
		parent := root
		for _, sec := range path[:len(path)-1] {
			props := parent["properties"].(map[string]any)
			child, ok := props[sec].(map[string]any)
			if !ok {
				child = object()
				props[sec] = child
			}
			parent = child
		}
		prop := schemaOf(o.value.Type())
		prop["description"] = o.Doc
		var def any
		if err := json.Unmarshal([]byte(jsonDefault(o)), &def); err == nil {
			prop["default"] = def
		}
		switch o.Key {
		case "enable", "disable":
			prop["items"] = map[string]any{"enum": slices.Concat(ruleIDs, config.RustOnlyRules)}
		case "attrkeys.min-stability":
			prop["enum"] = config.StabilityLevels
		}
		parent["properties"].(map[string]any)[path[len(path)-1]] = prop
	}
	return json.MarshalIndent(root, "", "  ")
}

func object() map[string]any {
	return map[string]any{"type": "object", "additionalProperties": false, "properties": map[string]any{}}
}

func schemaOf(t reflect.Type) map[string]any {
	switch t.Kind() {
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Slice:
		return map[string]any{"type": "array", "items": schemaOf(t.Elem())}
	case reflect.Struct:
		s := object()
		for i := range t.NumField() {
			s["properties"].(map[string]any)[yamlKey(t.Field(i))] = schemaOf(t.Field(i).Type)
		}
		return s
	}
	return map[string]any{}
}

// jsonDefault is an option's default as JSON.
func jsonDefault(o Option) string {
	if o.value.Kind() == reflect.Slice && o.value.Len() == 0 {
		return "[]"
	}
	b, _ := json.Marshal(o.value.Interface())
	return string(b)
}
