package pii

import (
	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/contract"
)

// ForConfig returns the matcher a piiattrs configuration asks for, with
// its extra patterns, and the categories it turns off.
func ForConfig(cfg *config.Piiattrs) (*Matcher, map[Category]bool) {
	extra := make(map[Category][]string)
	for _, p := range cfg.ExtraPatterns {
		if cat, ok := ParseCategory(p.Category); ok {
			extra[cat] = append(extra[cat], p.Words...)
		}
	}
	cats := &cfg.Categories
	off := map[Category]bool{
		Credentials: !cats.Credentials, Contact: !cats.Contact, GovernmentID: !cats.GovernmentID,
		Financial: !cats.Financial, PersonName: !cats.PersonName, BirthDate: !cats.BirthDate,
		PostalAddress: !cats.PostalAddress, NetworkIdentity: !cats.NetworkIdentity,
	}
	return NewMatcher(extra), off
}

// ClassifyKey classifies a constant key: the registry's privacy annotation
// first (layer 3: secret, personal, pseudonymous, or none, which clears the
// key), then m's curated keys and words (layers 1 and 2); a category in off
// counts as no match.
func ClassifyKey(m *Matcher, off map[Category]bool, registry *contract.Contract, key string) (Match, bool) {
	if a, ok := registry.Lookup(key); ok {
		if p, ok := a.Annotations["privacy"].(string); ok {
			var cat Category
			switch p {
			case "secret":
				cat = Credentials
			case "personal":
				cat = Personal
			case "pseudonymous":
				cat = Pseudonymous
			case "none":
				return Match{}, false
			}
			if cat != None && !off[cat] {
				return Match{Category: cat, Why: "privacy: " + p + " in the registry"}, true
			}
		}
	}
	match, ok := m.Key(key)
	return match, ok && !off[match.Category]
}
