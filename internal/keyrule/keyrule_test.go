package keyrule

import (
	"testing"

	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/contract"
)

func TestIgnored(t *testing.T) {
	j := &Judge{Cfg: &config.Attrkeys{IgnoreNamespaces: []string{"internal", "vendor.legacy"}}}
	for _, tt := range []struct {
		key  string
		want bool
	}{
		{"internal", true}, // the namespace itself: nothing follows it to index
		{"internal.a", true},
		{"internal.a.b", true},
		{"vendor.legacy.x", true},
		{"internalx.a", false}, // a prefix, not a whole segment
		{"internalx", false},
		{"external.a", false}, // a dot where the namespace would end, but not the namespace
		{"vendor", false},
		{"vendor.legacyx", false},
		{"shop.internal", false},
	} {
		if got := j.Ignored(tt.key); got != tt.want {
			t.Errorf("Ignored(%q) = %v, want %v", tt.key, got, tt.want)
		}
	}
}

func TestAllowed(t *testing.T) {
	j := &Judge{Cfg: &config.Attrkeys{Allow: []string{"shop.experiment.*", "legacy_id"}}}
	for _, tt := range []struct {
		key  string
		want bool
	}{
		{"shop.experiment.color", true},
		{"legacy_id", true},
		{"shop.experiment", false},
		{"shop.order_id", false},
	} {
		if got := j.Allowed(tt.key); got != tt.want {
			t.Errorf("Allowed(%q) = %v, want %v", tt.key, got, tt.want)
		}
	}
}

func TestDenied(t *testing.T) {
	j := &Judge{Cfg: &config.Attrkeys{Deny: []config.DeniedKey{
		{Key: "http.url", Reason: "use url.full"},
		{Key: "legacy.*"},
	}}}
	for _, tt := range []struct {
		key    string
		reason string
		denied bool
	}{
		{"http.url", ": use url.full", true},
		{"legacy.user", "", true}, // denied with no reason given
		{"url.full", "", false},
	} {
		reason, denied := j.Denied(tt.key)
		if reason != tt.reason || denied != tt.denied {
			t.Errorf("Denied(%q) = %q, %v, want %q, %v", tt.key, reason, denied, tt.reason, tt.denied)
		}
	}
}

func TestLookup(t *testing.T) {
	// The registry redefines a semconv key: the team's definition wins.
	registry := contract.New([]*contract.Attribute{
		{Key: "shop.order_id", Pos: "registry.yaml:3"},
		{Key: "http.method", Pos: "registry.yaml:7"},
	})
	semconv := contract.Semconv()
	for _, tt := range []struct {
		name     string
		j        *Judge
		key      string
		wantFrom *contract.Contract // nil when the key is not found
	}{
		{"registry", &Judge{Registry: registry, Semconv: semconv}, "shop.order_id", registry},
		{"registry before semconv", &Judge{Registry: registry, Semconv: semconv}, "http.method", registry},
		{"semconv", &Judge{Registry: registry, Semconv: semconv}, "http.request.method", semconv},
		{"unknown", &Judge{Registry: registry, Semconv: semconv}, "shop.unknown", nil},
		{"no registry", &Judge{Semconv: semconv}, "http.method", semconv},
		{"no semconv", &Judge{Registry: registry}, "http.request.method", nil},
		{"neither", &Judge{}, "http.method", nil},
	} {
		got, ok := tt.j.Lookup(tt.key)
		if tt.wantFrom == nil {
			if ok || got != nil {
				t.Errorf("%s: Lookup(%q) = %v, %v, want nil, false", tt.name, tt.key, got, ok)
			}
			continue
		}
		want, _ := tt.wantFrom.Lookup(tt.key)
		if !ok || got != want {
			t.Errorf("%s: Lookup(%q) = %v, %v, want %v, true", tt.name, tt.key, got, ok, want)
		}
	}
}

func TestNearest(t *testing.T) {
	// "shop.ordr_id" is two edits from the registry's key and one from the
	// conventions' key: the registry still wins.
	registry := contract.New([]*contract.Attribute{{Key: "shop.order_ids"}})
	semconv := contract.New([]*contract.Attribute{{Key: "shop.order_id"}, {Key: "http.request.method"}})
	for _, tt := range []struct {
		name string
		j    *Judge
		key  string
		want string // "" for none
	}{
		{"registry first", &Judge{Registry: registry, Semconv: semconv}, "shop.ordr_id", "shop.order_ids"},
		{"then semconv", &Judge{Registry: registry, Semconv: semconv}, "http.request.methd", "http.request.method"},
		{"none near", &Judge{Registry: registry, Semconv: semconv}, "payment.card", ""},
		{"no registry", &Judge{Semconv: semconv}, "shop.ordr_id", "shop.order_id"},
		{"no semconv", &Judge{Registry: registry}, "http.request.methd", ""},
		{"neither", &Judge{}, "shop.ordr_id", ""},
	} {
		got, ok := tt.j.Nearest(tt.key)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("%s: Nearest(%q) = %q, %v, want %q", tt.name, tt.key, got, ok, tt.want)
		}
	}
}

func TestReplacementReady(t *testing.T) {
	registry := contract.New([]*contract.Attribute{
		{Key: "shop.legacy_id", Deprecated: &contract.Deprecation{Reason: "obsoleted"}},
		{Key: "shop.order_id", Stability: "stable"},
	})
	// A small stand-in for the conventions, with every stability a renamed
	// key can point to.
	semconv := contract.New([]*contract.Attribute{
		{Key: "x.stable", Stability: "stable"},
		{Key: "x.rc", Stability: "release_candidate"},
		{Key: "x.beta", Stability: "beta"},
		{Key: "x.dev", Stability: "development"},
		{Key: "x.unrated"}, // no stability given
	})
	sc := &Judge{Registry: registry, Semconv: semconv}
	for _, tt := range []struct {
		name string
		j    *Judge
		key  string
		dep  contract.Deprecation
		want bool
	}{
		{"registry obsoleted", sc, "shop.legacy_id", contract.Deprecation{Reason: "obsoleted"}, true},
		{"registry moved", sc, "shop.legacy_id", contract.Deprecation{Reason: "uncategorized", Note: "Moved to the billing registry."}, true},
		{"obsoleted", sc, "x.old", contract.Deprecation{Reason: "obsoleted", Note: "Use x.stable instead."}, false},
		{"renamed to stable", sc, "x.old", contract.Deprecation{Reason: "renamed", RenamedTo: "x.stable"}, true},
		{"renamed to release candidate", sc, "x.old", contract.Deprecation{Reason: "renamed", RenamedTo: "x.rc"}, true},
		{"renamed to beta", sc, "x.old", contract.Deprecation{Reason: "renamed", RenamedTo: "x.beta"}, false},
		{"renamed to development", sc, "x.old", contract.Deprecation{Reason: "renamed", RenamedTo: "x.dev"}, false},
		{"renamed to unrated", sc, "x.old", contract.Deprecation{Reason: "renamed", RenamedTo: "x.unrated"}, false},
		{"renamed to missing", sc, "x.old", contract.Deprecation{Reason: "renamed", RenamedTo: "x.gone"}, false},
		{"renamed to registry key", sc, "x.old", contract.Deprecation{Reason: "renamed", RenamedTo: "shop.order_id"}, true},
		{"moved out", sc, "x.old", contract.Deprecation{Reason: "uncategorized", Note: "Moved to the GenAI repository."}, false},
		{"moved out, lowercase", sc, "x.old", contract.Deprecation{Reason: "uncategorized", Note: "This was moved to the GenAI repository."}, false},
		{"note says what instead", sc, "x.old", contract.Deprecation{Reason: "uncategorized", Note: "Use x.stable instead."}, true},
		{"bare deprecation", sc, "x.old", contract.Deprecation{Reason: "unspecified"}, true},
		{"no registry", &Judge{Semconv: semconv}, "shop.legacy_id", contract.Deprecation{Reason: "obsoleted"}, false},
	} {
		attr := &contract.Attribute{Key: tt.key, Deprecated: &tt.dep}
		if got := tt.j.ReplacementReady(tt.key, attr); got != tt.want {
			t.Errorf("%s: ReplacementReady(%q) = %v, want %v", tt.name, tt.key, got, tt.want)
		}
	}
}

// TestReplacementReadySemconv checks the bundled conventions' own
// deprecations, as the analyzers meet them.
func TestReplacementReadySemconv(t *testing.T) {
	j := &Judge{Semconv: contract.Semconv()}
	for key, want := range map[string]bool{
		"http.method":     true,  // renamed to http.request.method, stable
		"android.state":   false, // renamed to android.app.state, development
		"db.user":         false, // obsoleted
		"gen_ai.agent.id": false, // moved to the GenAI repository
		"error.message":   false, // obsoleted, with a note on what to use
	} {
		attr, ok := j.Semconv.Lookup(key)
		if !ok || attr.Deprecated == nil {
			t.Fatalf("%s is not a deprecated key of the bundled conventions", key)
		}
		if got := j.ReplacementReady(key, attr); got != want {
			t.Errorf("ReplacementReady(%q) = %v, want %v", key, got, want)
		}
	}
}

func TestSemconvNamespaceOf(t *testing.T) {
	// A namespace counts when it directly holds keys: "shop" holds none
	// here, only "shop.cart" does.
	semconv := contract.New([]*contract.Attribute{
		{Key: "app.build_id"},
		{Key: "messaging.system"},
		{Key: "messaging.kafka.offset"},
		{Key: "messaging.kafka.message.key"},
		{Key: "shop.cart.id"},
	})
	j := &Judge{Semconv: semconv}
	for _, tt := range []struct{ key, want string }{
		{"app.order_id", "app"},                                          // the direct parent, one segment
		{"messaging.kafka.producer.success", "messaging.kafka"},          // a deeper prefix of two segments
		{"messaging.kafka.message.partition", "messaging.kafka.message"}, // the longest first
		{"messaging.kafka.offset.lag", "messaging.kafka"},                // the parent is a key, not a namespace
		{"messaging.foo.bar", ""},                                        // one segment counts only as the direct parent
		{"shop.cart.total", "shop.cart"},
		{"shop.cart", ""}, // shop holds no key directly
		{"order_id", ""},
		{"payment.card.brand", ""},
	} {
		if got := j.SemconvNamespaceOf(tt.key); got != tt.want {
			t.Errorf("SemconvNamespaceOf(%q) = %q, want %q", tt.key, got, tt.want)
		}
	}
	if got := (&Judge{}).SemconvNamespaceOf("app.order_id"); got != "" {
		t.Errorf("SemconvNamespaceOf with the conventions off = %q, want \"\"", got)
	}
}

// TestSemconvNamespaceOfBundled pins the examples of the doc comment to the
// bundled conventions.
func TestSemconvNamespaceOfBundled(t *testing.T) {
	j := &Judge{Semconv: contract.Semconv()}
	for key, want := range map[string]string{
		"app.order_id":                     "app",
		"messaging.kafka.producer.success": "messaging.kafka",
		"shop.order_id":                    "",
	} {
		if got := j.SemconvNamespaceOf(key); got != want {
			t.Errorf("SemconvNamespaceOf(%q) = %q, want %q", key, got, want)
		}
	}
}

func TestDeprecationDetail(t *testing.T) {
	for _, tt := range []struct {
		d    contract.Deprecation
		want string
	}{
		{contract.Deprecation{Reason: "obsoleted"}, ": it is obsolete"},
		{contract.Deprecation{Reason: "obsoleted", Note: "Removed, no replacement at this time."}, ": it is obsolete (Removed, no replacement at this time)"},
		{contract.Deprecation{Reason: "renamed", RenamedTo: "url.full"}, `: renamed to "url.full"`},
		{contract.Deprecation{Reason: "renamed", RenamedTo: "url.full", Note: "Use url.full"}, `: renamed to "url.full" (Use url.full)`},
		{contract.Deprecation{Reason: "uncategorized", Note: "  Moved to the GenAI repository.\nSee its README.\n"}, " (Moved to the GenAI repository)"},
		{contract.Deprecation{Reason: "unspecified"}, ""},
	} {
		if got := DeprecationDetail(&tt.d); got != tt.want {
			t.Errorf("DeprecationDetail(%+v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

func TestFirstLine(t *testing.T) {
	for s, want := range map[string]string{
		"":                         "",
		"one line":                 "one line",
		"\n  first line\nsecond\n": "first line",
	} {
		if got := FirstLine(s); got != want {
			t.Errorf("FirstLine(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestNearMember(t *testing.T) {
	for _, tt := range []struct {
		v       string
		members []string
		want    string // "" for none
	}{
		{"PUTT", []string{"PUT", "POST"}, "PUT"},                    // one edit, four bytes
		{"ab", []string{"cd"}, ""},                                  // two edits are too many for four bytes or less
		{"pstgresq", []string{"postgresql", "mysql"}, "postgresql"}, // two edits, longer
		{"pstgrsq", []string{"postgresql"}, ""},                     // three edits
		{"PostgreSQL", []string{"postgresql"}, "postgresql"},        // case is ignored
		{" redis ", []string{"redis"}, "redis"},                     // so is surrounding space
		{"postg", []string{"mysql", "postgresql"}, "postgresql"},    // a prefix of the member
		{"postgresql_v16", []string{"postgres"}, "postgres"},        // the member is a prefix of it
		{"abcdefg", []string{"ab"}, ""},                             // too short a member for the prefix rule
		{"ab", []string{"abcdef"}, ""},                              // too short a value for the prefix rule
		{"mysql", []string{"redis"}, ""},                            // long, but unrelated
		{"cat", []string{"cot", "cab", "cut"}, "cab"},               // ties go to the smallest member
		{"postgres", []string{"postgresql", "aaa"}, "postgresql"},   // a smaller member further away loses
		{"oracle", nil, ""},
	} {
		got, ok := NearMember(tt.v, tt.members)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("NearMember(%q, %q) = %q, %v, want %q", tt.v, tt.members, got, ok, tt.want)
		}
	}
}
