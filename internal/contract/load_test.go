package contract

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadValid(t *testing.T) {
	c, err := Load([]string{"testdata/valid/v1", "testdata/valid/v2/registry.yaml", "testdata/valid/resolved"}, Semconv())
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		key, typ, stability, deprecated string
	}{
		{"shop.order.id", "string", "stable", ""},
		{"shop.order.total", "double", "development", ""},
		{"shop.order.items", "int", "development", ""},
		{"shop.order.status", "enum of string", "development", ""},
		{"shop.order.tags", "string[]", "development", ""},
		{"shop.order.header", "template[string]", "development", ""},
		{"shop.order.header.x-shop-id", "template[string]", "development", ""},
		{"shop.order.amount", "double", "development", "renamed to shop.order.total"},
		{"shop.order.legacy_code", "string", "", "obsoleted: The legacy checkout is gone."},
		{"shop.order.channel", "string", "", "unspecified: Use `shop.order.source` instead."},
		{"shop.order.priority", "int", "", "uncategorized"},
		{"shop.cart.dirty", "boolean", "", ""},
		{"shop.legacy.region", "string", "", ""},
		{"payments.method", "enum of string", "development", ""},
		{"payments.attempts", "int", "stable", ""},
		{"payments.provider_name", "string", "development", "renamed to payments.provider"},
		{"inventory.sku", "string", "stable", ""},
		{"inventory.count", "int", "development", ""},
		{"inventory.http.status", "enum of int", "development", ""},
	} {
		a, ok := c.Lookup(tt.key)
		if !ok {
			t.Errorf("Lookup(%q): not found", tt.key)
			continue
		}
		if got := a.Type.String(); got != tt.typ {
			t.Errorf("%s: type %s, want %s", tt.key, got, tt.typ)
		}
		if a.Stability != tt.stability {
			t.Errorf("%s: stability %q, want %q", tt.key, a.Stability, tt.stability)
		}
		if got := describeDeprecation(a.Deprecated); got != tt.deprecated {
			t.Errorf("%s: deprecated %q, want %q", tt.key, got, tt.deprecated)
		}
	}
	for _, key := range []string{"shop.order", "shop.order.header", "server.address", "error.type", "region", "shop.order.idx"} {
		if a, ok := c.Lookup(key); ok && !(key == "shop.order.header" && a.Type.Template) {
			t.Errorf("Lookup(%q) = %s, want not found", key, a.Key)
		}
	}
	if got, want := c.Len(), 20; got != want {
		t.Errorf("Len() = %d, want %d", got, want)
	}

	email, _ := c.Lookup("shop.customer.email")
	if email.Annotations["privacy"] != "personal" {
		t.Errorf("shop.customer.email annotations = %v, want privacy: personal", email.Annotations)
	}
	if want := filepath.Join("testdata", "valid", "v1", "registry.yaml") + ":42"; email.Pos != want {
		t.Errorf("shop.customer.email Pos = %q, want %q", email.Pos, want)
	}
	status, _ := c.Lookup("shop.order.status")
	if got := memberValues(status.Type); got != "open paid shipped(deprecated)" {
		t.Errorf("shop.order.status members = %s", got)
	}
	http, _ := c.Lookup("inventory.http.status")
	if got := memberValues(http.Type); got != "200 404" {
		t.Errorf("inventory.http.status members = %s", got)
	}
	if near, ok := c.Nearest("shop.ordr.total"); !ok || near != "shop.order.total" {
		t.Errorf(`Nearest("shop.ordr.total") = %q, %v`, near, ok)
	}
	if near, ok := c.Nearest("warehouse.bin"); ok {
		t.Errorf(`Nearest("warehouse.bin") = %q, want none`, near)
	}
	if !c.HasNamespace("shop.order") || c.HasNamespace("shop") {
		t.Error("HasNamespace: shop.order should be a namespace with keys, shop should not")
	}
}

func describeDeprecation(d *Deprecation) string {
	switch {
	case d == nil:
		return ""
	case d.Reason == "renamed":
		return "renamed to " + d.RenamedTo
	case d.Note != "":
		return d.Reason + ": " + d.Note
	}
	return d.Reason
}

func memberValues(t Type) string {
	var vals []string
	for _, m := range t.Members {
		v := m.Value
		if m.Deprecated {
			v += "(deprecated)"
		}
		vals = append(vals, v)
	}
	return strings.Join(vals, " ")
}

// brokenFiles maps each file of testdata/broken to its error, after the
// file name.
var brokenFiles = map[string]string{
	"annotations-list.yaml":       `7:22: annotations: expected a mapping, got a list`,
	"bad-deprecation-reason.yaml": `8:19: unknown deprecation reason "moved"; expected one of obsoleted, renamed, uncategorized, unspecified`,
	"bad-stability.yaml":          `7:20: unknown stability "experimantal"; expected one of alpha, beta, deprecated, development, experimental, release_candidate, stable`,
	"bad-template.yaml":           `6:15: unknown template type "template[any]"; expected template[T] with T one of string, int, double, boolean or their arrays`,
	"duplicate-attribute.yaml":    `7:13: attribute "a.b" is defined twice; first at testdata/broken/duplicate-attribute.yaml:5`,
	"groups-not-list.yaml":        `2:3: groups: expected a list, got a mapping`,
	"missing-type.yaml":           `5:9: attribute "a.b" has no type`,
	"mixed-enum.yaml":             `11:22: enum member value "2" is int, but the first member's is string; an enum's members share one type`,
	"not-a-registry.yaml":         `1:1: not a Weaver registry file: expected a groups: list (v1), file_format: definition/2 or file_format: resolved/2.0`,
	"renamed-without-target.yaml": `8:19: a deprecation with reason renamed needs renamed_to:`,
	"resolved-no-catalog.yaml":    `1:1: a resolved registry needs an attribute_catalog`,
	"syntax-error.yaml":           `4:7: invalid YAML: did not find expected node content`,
	"unknown-file-format.yaml":    `1:14: unknown file_format "definition/3"; tracelint reads definition/2, resolved/2.0 and manifest/2.0`,
	"unknown-type.yaml":           `6:15: unknown type "strin"; expected string, int, double, boolean, their arrays (string[], ...), any, template[T] or an enum (members:)`,
	"unresolved-ref.yaml":         `5:14: ref: "shop.ordr.id" is not defined in the registries or the OpenTelemetry semantic conventions; add the registry that defines it to attrkeys.registries`,
	"v2-missing-key.yaml":         `5:5: attribute without key: or ref:`,
}

func TestLoadBroken(t *testing.T) {
	entries, err := os.ReadDir(filepath.Join("testdata", "broken"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if _, ok := brokenFiles[e.Name()]; !ok {
			t.Errorf("testdata/broken/%s has no expected error in brokenFiles", e.Name())
		}
	}
	for file, want := range brokenFiles {
		t.Run(file, func(t *testing.T) {
			path := filepath.Join("testdata", "broken", file)
			_, err := Load([]string{path}, Semconv())
			checkError(t, err, path+":"+want)
		})
	}
}

func TestLoadPaths(t *testing.T) {
	_, err := Load([]string{"testdata/missing"}, nil)
	checkError(t, err, "testdata/missing: registry not found")

	empty := t.TempDir()
	_, err = Load([]string{empty}, nil)
	checkError(t, err, empty+": registry is a directory with no .yaml or .yml file in it")

	// A link to nothing, as a registry and in a registry folder.
	tmp := t.TempDir()
	dangling := filepath.Join(tmp, "reg.yaml")
	symlink(t, "../contracts/reg.yaml", dangling)
	_, err = Load([]string{dangling}, nil)
	checkError(t, err, dangling+`: registry is a symbolic link to "../contracts/reg.yaml", which does not exist`)
	_, err = Load([]string{tmp}, nil)
	checkError(t, err, dangling+`: registry file not found: it is a symbolic link to "../contracts/reg.yaml", which does not exist`)

	// A link to a folder is read as the folder.
	linked := filepath.Join(t.TempDir(), "registry")
	abs, _ := filepath.Abs("testdata/valid/v2")
	symlink(t, abs, linked)
	if c, err := Load([]string{linked}, Semconv()); err != nil || c.Len() == 0 {
		t.Errorf("Load(link to a folder) = %v, %v; want the folder's attributes", c, err)
	}

	// The same attribute in two registries is a conflict, not an override.
	_, err = Load([]string{"testdata/valid/v2", "testdata/valid/v2/registry.yaml"}, nil)
	checkError(t, err, `testdata/valid/v2/registry.yaml:3:10: attribute "payments.method" is defined twice; first at testdata/valid/v2/registry.yaml:3`)
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

func checkError(t *testing.T, err error, want string) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("got %v (%T), want an *Error %q", err, err, want)
	}
	if err.Error() != want {
		t.Errorf("got  %s\nwant %s", err, want)
	}
}

// FuzzLoad checks that no registry file makes Load panic, and that every
// failure is an *Error.
func FuzzLoad(f *testing.F) {
	for _, dir := range []string{"testdata/valid/v1", "testdata/valid/v2", "testdata/valid/resolved", "testdata/broken"} {
		entries, err := os.ReadDir(dir)
		if err != nil {
			f.Fatal(err)
		}
		for _, e := range entries {
			data, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	f.Add([]byte("groups: &g [*g]\n"))
	f.Add([]byte("file_format: definition/2\nattributes:\n  - key: a\n    type: {members: [{value: [1]}]}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "r.yaml")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := Load([]string{path}, nil)
		var e *Error
		if err != nil && !errors.As(err, &e) {
			t.Fatalf("error %v is a %T, not an *Error", err, err)
		}
	})
}
