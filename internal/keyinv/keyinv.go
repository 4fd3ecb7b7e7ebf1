// Package keyinv builds a module's attribute-key inventory from attrkeys'
// per-package results, and writes it as a table, as JSON, or as a Weaver
// registry skeleton a team without a contract starts one from.
package keyinv

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"go.yaml.in/yaml/v3"

	"github.com/tracelint/tracelint/analyzers/attrkeys"
	"github.com/tracelint/tracelint/internal/keydrift"
)

// Inventory is every constant attribute key a set of packages emits.
type Inventory struct {
	Keys []*Key `json:"keys"`
	// Drift holds the groups of keys that spell one concept several ways.
	Drift [][]string `json:"drift"`
}

// Key is one attribute key and where it is built.
type Key struct {
	Key string `json:"key"`
	// Types are what its sites store, most used first ("string", "int",
	// ...); empty when no site says.
	Types []string `json:"types"`
	// Status is its place in the contract: "registry", "semconv" (either
	// followed by " (deprecated)") or "not in contract".
	Status string `json:"status"`
	Sites  []Site `json:"sites"`

	kinds      map[string]int
	inContract bool // a current key of the contract
	known      bool // in the contract, current or deprecated
}

// Site is where a key is built.
type Site struct {
	File string `json:"file"`
	Line int    `json:"line"`
}

// Build gathers the uses of the analysed packages into one inventory, with
// file names relative to dir when they lie under it.
func Build(uses []attrkeys.KeyUse, dir string) *Inventory {
	byKey := make(map[string]*Key)
	for _, u := range uses {
		k, ok := byKey[u.Key]
		if !ok {
			k = &Key{Key: u.Key, Status: u.Status, kinds: make(map[string]int), inContract: u.InContract(), known: u.Known()}
			byKey[u.Key] = k
		}
		if u.Kind != "" {
			k.kinds[string(u.Kind)]++
		}
		file := u.Pos.Filename
		if rel, err := filepath.Rel(dir, file); err == nil && !strings.HasPrefix(rel, "..") {
			file = rel
		}
		site := Site{File: filepath.ToSlash(file), Line: u.Pos.Line}
		if !slices.Contains(k.Sites, site) {
			k.Sites = append(k.Sites, site)
		}
	}
	inv := &Inventory{Drift: [][]string{}}
	for _, name := range slices.Sorted(maps.Keys(byKey)) {
		k := byKey[name]
		k.Types = slices.SortedFunc(maps.Keys(k.kinds), func(a, b string) int {
			return cmp.Or(k.kinds[b]-k.kinds[a], strings.Compare(a, b))
		})
		if k.Types == nil {
			k.Types = []string{}
		}
		slices.SortFunc(k.Sites, func(a, b Site) int { return cmp.Or(strings.Compare(a.File, b.File), a.Line-b.Line) })
		inv.Keys = append(inv.Keys, k)
	}
	var team []string
	for _, k := range inv.Keys {
		team = append(team, k.Key)
	}
	for _, g := range keydrift.Groups(team) {
		if slices.ContainsFunc(g, func(key string) bool { return !byKey[key].inContract }) {
			inv.Drift = append(inv.Drift, g)
		}
	}
	return inv
}

// WriteText writes the inventory as a table, then the drift groups.
func (inv *Inventory) WriteText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "KEY\tTYPE\tSITES\tSTATUS\tFIRST SITE")
	for _, k := range inv.Keys {
		types := strings.Join(k.Types, ",")
		if types == "" {
			types = "?"
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s:%d\n", k.Key, types, len(k.Sites), k.Status, k.Sites[0].File, k.Sites[0].Line)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\n%d keys, %s", len(inv.Keys), sites(inv.siteCount()))
	if len(inv.Drift) == 0 {
		_, err := fmt.Fprintln(w, "; no concept spelled several ways")
		return err
	}
	if len(inv.Drift) == 1 {
		fmt.Fprintln(w, "; 1 concept spelled several ways:")
	} else {
		fmt.Fprintf(w, "; %d concepts spelled several ways:\n", len(inv.Drift))
	}
	byKey := inv.byKey()
	for _, g := range inv.Drift {
		var parts []string
		for _, key := range g {
			k := byKey[key]
			parts = append(parts, fmt.Sprintf("%s (%s, first %s:%d)", key, sites(len(k.Sites)), k.Sites[0].File, k.Sites[0].Line))
		}
		fmt.Fprintf(w, "  %s\n", strings.Join(parts, ", "))
	}
	return nil
}

// WriteJSON writes the inventory as one JSON object.
func (inv *Inventory) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(inv)
}

// WriteWeaver writes a Weaver (v1) registry skeleton: one attribute group,
// named after name, that references the keys already in the contract and
// defines every other key with its most used type, in development, with a
// brief to write and a note listing its sites and the other spellings of
// its concept.
func (inv *Inventory) WriteWeaver(w io.Writer, name string) error {
	drift := make(map[string][]string)
	for _, g := range inv.Drift {
		for _, key := range g {
			drift[key] = slices.DeleteFunc(slices.Clone(g), func(k string) bool { return k == key })
		}
	}
	var attrs []weaverAttr
	for _, k := range inv.Keys {
		if k.known {
			attrs = append(attrs, weaverAttr{Ref: k.Key})
			continue
		}
		typ := "any"
		if len(k.Types) > 0 && weaverTypes[k.Types[0]] {
			typ = k.Types[0]
		}
		note := fmt.Sprintf("Recorded at %s:%d", k.Sites[0].File, k.Sites[0].Line)
		if n := len(k.Sites) - 1; n > 0 {
			note += " and " + strings.Replace(sites(n), " ", " other ", 1)
		}
		if len(k.Types) > 1 {
			note += fmt.Sprintf("; stored as %s", strings.Join(k.Types, " and as "))
		}
		if others := drift[k.Key]; len(others) > 0 {
			note += fmt.Sprintf(". The same concept is also spelled %s: keep one spelling", strings.Join(others, ", "))
		}
		attrs = append(attrs, weaverAttr{ID: k.Key, Type: typ, Stability: "development", Brief: "TODO: what " + k.Key + " records.", Note: note + "."})
	}
	doc := weaverFile{Groups: []weaverGroup{{
		ID:         "registry." + name,
		Type:       "attribute_group",
		Brief:      "Attributes " + name + " records, as tracelint keys found them in its code.",
		Attributes: attrs,
	}}}
	fmt.Fprintln(w, "# A Weaver registry skeleton written by `tracelint keys -format weaver`.")
	fmt.Fprintln(w, "# Keys of the contract are referenced; every other key is defined with the type its")
	fmt.Fprintln(w, "# sites store. Write each brief, settle each drift note, then list this file in")
	fmt.Fprintln(w, "# attrkeys.registries of .tracelint.yml.")
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return err
	}
	return enc.Close()
}

// weaverFile, weaverGroup and weaverAttr are the parts of a v1 registry
// file the skeleton writes, in Weaver's field order.
type weaverFile struct {
	Groups []weaverGroup `yaml:"groups"`
}

type weaverGroup struct {
	ID         string       `yaml:"id"`
	Type       string       `yaml:"type"`
	Brief      string       `yaml:"brief"`
	Attributes []weaverAttr `yaml:"attributes"`
}

type weaverAttr struct {
	ID        string `yaml:"id,omitempty"`
	Ref       string `yaml:"ref,omitempty"`
	Type      string `yaml:"type,omitempty"`
	Stability string `yaml:"stability,omitempty"`
	Brief     string `yaml:"brief,omitempty"`
	Note      string `yaml:"note,omitempty"`
}

// weaverTypes are the value kinds a Weaver attribute type can name.
var weaverTypes = map[string]bool{
	"string": true, "int": true, "double": true, "boolean": true,
	"string[]": true, "int[]": true, "double[]": true, "boolean[]": true,
}

func (inv *Inventory) siteCount() int {
	n := 0
	for _, k := range inv.Keys {
		n += len(k.Sites)
	}
	return n
}

func (inv *Inventory) byKey() map[string]*Key {
	m := make(map[string]*Key, len(inv.Keys))
	for _, k := range inv.Keys {
		m[k.Key] = k
	}
	return m
}

// sites says "1 site" or "n sites".
func sites(n int) string {
	if n == 1 {
		return "1 site"
	}
	return fmt.Sprintf("%d sites", n)
}
