package pii

import (
	"testing"

	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/contract"
)

// allOn is a piiattrs configuration with every category on, as the
// defaults have it.
func allOn() *config.Piiattrs {
	return &config.Default().Piiattrs
}

func TestForConfig(t *testing.T) {
	cfg := allOn()
	cfg.ExtraPatterns = []config.PIIPattern{
		{Category: "credentials", Words: []string{"launch code"}},
		{Category: "no-such-category", Words: []string{"badge"}},
	}
	cfg.Categories.Financial = false
	m, off := ForConfig(cfg)
	if got, ok := m.Key("user.launch_code"); !ok || got.Category != Credentials {
		t.Errorf("an extra credentials phrase: %v, %t", got, ok)
	}
	if _, ok := m.Key("user.badge"); ok {
		t.Error("a phrase of an unknown category was added")
	}
	for cat, want := range map[Category]bool{
		Credentials: false, Contact: false, GovernmentID: false, Financial: true,
		PersonName: false, BirthDate: false, PostalAddress: false, NetworkIdentity: false,
	} {
		if off[cat] != want {
			t.Errorf("off[%s] = %t, want %t", cat, off[cat], want)
		}
	}
	all := allOn()
	all.Categories = config.PIICategories{}
	_, off = ForConfig(all)
	for _, cat := range []Category{Credentials, Contact, GovernmentID, Financial, PersonName, BirthDate, PostalAddress, NetworkIdentity} {
		if !off[cat] {
			t.Errorf("with every category off, off[%s] = false", cat)
		}
	}
}

func TestClassifyKey(t *testing.T) {
	registry := contract.New([]*contract.Attribute{
		{Key: "shop.pass", Annotations: map[string]any{"privacy": "secret"}},
		{Key: "shop.buyer", Annotations: map[string]any{"privacy": "personal"}},
		{Key: "shop.visitor", Annotations: map[string]any{"privacy": "pseudonymous"}},
		{Key: "user.email", Annotations: map[string]any{"privacy": "none"}},
		{Key: "shop.card_number", Annotations: map[string]any{"privacy": "unknown-level"}},
		{Key: "shop.note"},
	})
	m, off := ForConfig(allOn())
	noCreds := map[Category]bool{Credentials: true}
	noFinancial := map[Category]bool{Financial: true}
	for _, tc := range []struct {
		key      string
		off      map[Category]bool
		registry *contract.Contract
		want     Category
		why      string
	}{
		{"shop.pass", off, registry, Credentials, "privacy: secret in the registry"},
		{"shop.buyer", off, registry, Personal, "privacy: personal in the registry"},
		{"shop.visitor", off, registry, Pseudonymous, "privacy: pseudonymous in the registry"},
		{"user.email", off, registry, None, ""},                       // privacy: none clears a curated key
		{"user.email", off, nil, Contact, "user.email"},               // without a registry, the curated key
		{"shop.card_number", off, registry, Financial, "card number"}, // an unknown level: the words decide
		{"shop.card_number", noFinancial, registry, None, ""},         // and a category off clears them
		{"shop.pass", noCreds, registry, None, ""},                    // an annotation of a category off: the words decide, and "pass" is none
		{"shop.note", off, registry, None, ""},                        // in the registry, no annotation, no word
		{"auth.password", noCreds, nil, None, ""},                     // the words' category off
		{"auth.password", off, nil, Credentials, "password"},          // on
	} {
		got, ok := ClassifyKey(m, tc.off, tc.registry, tc.key)
		if ok != (tc.want != None) || ok && (got.Category != tc.want || got.Why != tc.why) {
			t.Errorf("ClassifyKey(%q, off %v, registry %t) = %v (%s), %t; want %v (%s)",
				tc.key, tc.off, tc.registry != nil, got.Category, got.Why, ok, tc.want, tc.why)
		}
	}
}
