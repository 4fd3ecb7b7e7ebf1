package keydrift

import (
	"slices"
	"testing"
)

func TestCanonical(t *testing.T) {
	for _, tc := range []struct{ a, b string }{
		{"tenantID", "tenant_id"},
		{"tenantID", "tenant"},
		{"tenant_id", "orgID"},
		{"storeID", "store_id"},
		{"store.id", "StoreId"},
		{"http.request.method", "http.request.method"},
		{"req.count", "request_count"},
	} {
		if Canonical(tc.a) != Canonical(tc.b) {
			t.Errorf("Canonical(%q) = %q, Canonical(%q) = %q: want them equal", tc.a, Canonical(tc.a), tc.b, Canonical(tc.b))
		}
	}
	for _, tc := range []struct{ a, b string }{
		{"store_id", "user_id"},
		{"http.request.method", "http.method"},
		{"db.system", "db.system.name"},
		{"id", "name"},
	} {
		if Canonical(tc.a) == Canonical(tc.b) {
			t.Errorf("Canonical(%q) = Canonical(%q) = %q: want them different", tc.a, tc.b, Canonical(tc.a))
		}
	}
}

func TestGroups(t *testing.T) {
	got := Groups([]string{"tenantID", "store_id", "tenant", "tenant_id", "orgID", "storeID", "user.id", "tenant_id"})
	want := [][]string{{"orgID", "tenant", "tenantID", "tenant_id"}, {"storeID", "store_id"}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("Groups = %q, want %q", got, want)
	}
}
