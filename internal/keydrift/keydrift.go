// Package keydrift finds attribute keys that spell one concept several
// ways: tenantID, tenant_id and orgID; storeID next to store_id.
package keydrift

import (
	"maps"
	"slices"
	"strings"

	"github.com/tracelint/tracelint/internal/pii"
)

// synonyms maps words that teams use for the same thing to one spelling.
var synonyms = map[string]string{
	"identifier": "id", "uuid": "id",
	"organization": "org", "organisation": "org", "tenant": "org",
	"number": "num", "no": "num", "nr": "num",
	"message": "msg", "request": "req", "response": "resp", "res": "resp",
	"error": "err", "address": "addr", "database": "db",
	"configuration": "config", "cfg": "config", "conf": "config",
	"count": "cnt", "size": "len", "length": "len",
	"destination": "dest", "source": "src", "environment": "env",
	"application": "app", "identity": "ident", "account": "acct",
}

// Canonical returns the spelling that keys naming the same concept share:
// words without case or separators, each synonym replaced by one spelling,
// and a final "id" dropped (tenant and tenant_id name the same thing).
// tenantID, tenant_id, tenant.id, org_id and orgId all give "org".
func Canonical(key string) string {
	words := pii.Words(key)
	for i, w := range words {
		if s, ok := synonyms[w]; ok {
			words[i] = s
		}
	}
	if len(words) > 1 && words[len(words)-1] == "id" {
		words = words[:len(words)-1]
	}
	return strings.Join(words, "")
}

// Groups returns the groups of keys that share a canonical spelling and
// differ in their own, each sorted, the groups sorted by their first key.
func Groups(keys []string) [][]string {
	byCanon := make(map[string][]string)
	for _, k := range keys {
		c := Canonical(k)
		if c != "" && !slices.Contains(byCanon[c], k) {
			byCanon[c] = append(byCanon[c], k)
		}
	}
	var groups [][]string
	for _, g := range byCanon {
		if len(g) > 1 {
			slices.Sort(g)
			groups = append(groups, g)
		}
	}
	slices.SortFunc(groups, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
	return groups
}

// SynonymsDoc lists the synonyms Canonical makes one, for the rule's page:
// "identifier/uid/uuid = id, ...", by the spelling they become.
func SynonymsDoc() string {
	byTarget := make(map[string][]string)
	for from, to := range synonyms {
		byTarget[to] = append(byTarget[to], from)
	}
	var parts []string
	for _, to := range slices.Sorted(maps.Keys(byTarget)) {
		from := byTarget[to]
		slices.Sort(from)
		parts = append(parts, strings.Join(from, "/")+" = "+to)
	}
	return strings.Join(parts, ", ")
}
