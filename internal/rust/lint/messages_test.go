package lint_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/finding"
	"github.com/tracelint/tracelint/internal/rust/lint"
)

// testRegistry is a Weaver registry with deprecations, an any-typed key and
// a privacy annotation in a namespace about machines.
const testRegistry = `file_format: definition/2
attributes:
  - key: shop.order.total
    type: double
    stability: stable
    brief: The order's total.
  - key: shop.order.amount
    type: double
    brief: Old name of the total.
    deprecated:
      reason: renamed
      renamed_to: shop.order.total
      note: "Totals moved.\nSecond line."
  - key: shop.order.sum
    type: double
    brief: Another old name.
    deprecated:
      reason: renamed
      renamed_to: shop.order.grand_total
  - key: shop.order.legacy
    type: string
    brief: Gone.
    deprecated:
      reason: obsoleted
      note: "No longer computed."
  - key: shop.order.extra
    type: any
    stability: stable
    brief: Anything.
  - key: host.owner
    type: string
    stability: stable
    brief: Who owns the machine.
    annotations:
      privacy: personal
`

// checkWithRegistry checks src with the configuration yaml, written in a
// temporary directory next to the registry above.
func checkWithRegistry(t *testing.T, yaml, src string) []finding.Finding {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "registry.yaml"), []byte(testRegistry), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Parse([]byte(yaml), filepath.Join(dir, config.FileName), lint.RuleIDs())
	if err != nil {
		t.Fatal(err)
	}
	return checkWith(t, cfg, "src/lib.rs", []byte(src))
}

// oneFinding returns the message of the one finding of rule on line, failing
// the test when there is not exactly one.
func oneFinding(t *testing.T, fds []finding.Finding, line int, rule string) finding.Finding {
	t.Helper()
	var got []finding.Finding
	for _, fd := range fds {
		if fd.Pos.Line == line && fd.Rule == rule {
			got = append(got, fd)
		}
	}
	if len(got) != 1 {
		var all []string
		for _, fd := range fds {
			all = append(all, fmt.Sprintf("%d: %s", fd.Pos.Line, fd.Message))
		}
		t.Fatalf("%d findings of %s on line %d, want 1; all:\n\t%s", len(got), rule, line, strings.Join(all, "\n\t"))
	}
	return got[0]
}

// TestMessages checks that messages name the right key, value and
// remedy.
func TestMessages(t *testing.T) {
	const registry = `{attrkeys: {registries: [registry.yaml]}, enable: [TL304]}`
	for _, tc := range []struct {
		name, cfg, src string
		line           int
		rule           string
		want           []string // substrings of the message, in order
		absent         []string
	}{{
		name: "unknown key near a registry key",
		cfg:  registry,
		src:  "use tracing::info_span;\nfn f(t: f64) {\n    let _s = info_span!(\"s\", shop.order.totl = t);\n}\n",
		line: 3, rule: "TL301",
		want: []string{`span field "shop.order.totl" is not in the telemetry contract; did you mean "shop.order.total"? (TL301`},
	}, {
		name: "unknown key far from the registry",
		cfg:  registry,
		src:  "use tracing::info_span;\nfn f(t: f64) {\n    let _s = info_span!(\"s\", zzz.qqq = t);\n}\n",
		line: 3, rule: "TL301",
		want: []string{`span field "zzz.qqq" is not in the telemetry contract; add it to the registry or use a key that is (TL301`},
	}, {
		name: "unknown key near a semconv key",
		cfg:  `{}`,
		src:  "use tracing::info_span;\nfn f(m: &str) {\n    let _s = info_span!(\"s\", http.request.methd = m);\n}\n",
		line: 3, rule: "TL301",
		want: []string{`span field "http.request.methd" is in the namespace "http.request" of the OpenTelemetry semantic conventions but is not one of its keys; did you mean "http.request.method"? (TL301`},
	}, {
		name: "unknown key far from semconv keys",
		cfg:  `{}`,
		src:  "use tracing::info_span;\nfn f(m: &str) {\n    let _s = info_span!(\"s\", http.request.zzzzzzzzzz = m);\n}\n",
		line: 3, rule: "TL301",
		want: []string{`is not one of its keys; use a semantic conventions key or a namespace of your own (TL301`},
	}, {
		name: "one more use",
		cfg:  registry,
		src:  "use tracing::info_span;\nfn f(t: f64) {\n    let _s = info_span!(\"s\", shop.order.totl = t);\n    let _t = info_span!(\"t\", shop.order.totl = t);\n}\n",
		line: 3, rule: "TL301",
		want: []string{`did you mean "shop.order.total"? (1 more use in this file) (TL301, tracelint::telemetry_key_not_in_contract)`},
	}, {
		name: "more uses",
		cfg:  registry,
		src:  "use tracing::info_span;\nfn f(t: f64) {\n    let _s = info_span!(\"s\", shop.order.totl = t);\n    let _t = info_span!(\"t\", shop.order.totl = t);\n    let _u = info_span!(\"u\", shop.order.totl = t);\n}\n",
		line: 3, rule: "TL301",
		want: []string{`did you mean "shop.order.total"? (2 more uses in this file) (TL301, tracelint::telemetry_key_not_in_contract)`},
	}, {
		name: "renamed with a note",
		cfg:  registry,
		src:  "use tracing::info_span;\nfn f(t: f64) {\n    let _s = info_span!(\"s\", shop.order.amount = t);\n}\n",
		line: 3, rule: "TL303",
		want:   []string{`span field "shop.order.amount" is deprecated: renamed to "shop.order.total" (Totals moved) (TL303`},
		absent: []string{"does not define", "Second line", "stop recording"},
	}, {
		name: "renamed to a key not defined",
		cfg:  registry,
		src:  "use tracing::info_span;\nfn f(t: f64) {\n    let _s = info_span!(\"s\", shop.order.sum = t);\n}\n",
		line: 3, rule: "TL303",
		want: []string{`span field "shop.order.sum" is deprecated: renamed to "shop.order.grand_total", which the telemetry contract does not define yet (TL303`},
	}, {
		name: "obsoleted",
		cfg:  registry,
		src:  "use tracing::info_span;\nfn f(t: &str) {\n    let _s = info_span!(\"s\", shop.order.legacy = t);\n}\n",
		line: 3, rule: "TL303",
		want:   []string{`span field "shop.order.legacy" is deprecated: it is obsolete (No longer computed); stop recording it or use its replacement (TL303`},
		absent: []string{"renamed"},
	}, {
		name: "a string for an int",
		cfg:  `{}`,
		src:  "use tracing::info_span;\nfn f() {\n    let _s = info_span!(\"s\", server.port = \"8080\");\n}\n",
		line: 3, rule: "TL302",
		want: []string{`span field "server.port" is int in the telemetry contract, but the value is a string; record a value of Rust type i64 (or another integer type) (TL302`},
	}, {
		name: "an int for a string",
		cfg:  `{}`,
		src:  "use tracing::info_span;\nfn f() {\n    let _s = info_span!(\"s\", http.request.method = 5);\n}\n",
		line: 3, rule: "TL302",
		want: []string{`span field "http.request.method" is string in the telemetry contract, but the value is an int; record a string (`},
	}, {
		name: "a Display output for an int",
		cfg:  `{}`,
		src:  "use tracing::info_span;\nfn f(port: u16) {\n    let _s = info_span!(\"s\", server.port = %port);\n}\n",
		line: 3, rule: "TL302",
		want: []string{"but the value is its Display output (`%`), a string; record the i64 (or another integer type) itself, without the % sigil (TL302"},
	}, {
		name: "a key that says the value",
		cfg:  `{}`,
		src:  "use tracing::info_span;\nfn f(c: &Customer) {\n    let _s = info_span!(\"s\", user.email = %c.address);\n}\n",
		line: 3, rule: "TL402",
		want:   []string{`span field "user.email" records personal data (contact: user.email)`},
		absent: []string{"the value c"},
	}, {
		name: "a value that says itself",
		cfg:  `{}`,
		src:  "use tracing::info;\nfn f(c: &Customer) {\n    info!(order.contact = %c.email, \"sent\");\n}\n",
		line: 3, rule: "TL403",
		want: []string{`the value c.email of event field "order.contact" is personal data (contact: email)`},
	}, {
		name: "a name inlined in a message",
		cfg:  `{}`,
		src:  "use tracing::info;\nfn f(email: &str) {\n    info!(\"sent {{to}} {email}\");\n}\n",
		line: 3, rule: "TL405",
		want: []string{`the event message includes email, personal data (contact: email): messages are indexed`},
	}, {
		name: "a message argument with its owner",
		cfg:  `{}`,
		src:  "use tracing::info;\nfn f(c: &Customer) {\n    info!(\"sent {}\", c.email);\n}\n",
		line: 3, rule: "TL405",
		want: []string{`the event message includes c.email, personal data`},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			msg := oneFinding(t, checkWithRegistry(t, tc.cfg, tc.src), tc.line, tc.rule).Message
			rest := msg
			for _, w := range tc.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("message %q lacks %q", msg, w)
				}
				rest = rest[i+len(w):]
			}
			for _, a := range tc.absent {
				if strings.Contains(msg, a) {
					t.Errorf("message %q has %q", msg, a)
				}
			}
		})
	}
}

// TestRegistryMessages checks the findings that depend on a registry: an
// any-typed key takes every value, and a key the registry calls personal
// is reported even in a namespace about machines.
func TestRegistryMessages(t *testing.T) {
	src := "use tracing::info;\nfn f(n: u64, who: &str) {\n    let _s = tracing::info_span!(\"s\", shop.order.extra = n, shop.order.extra = \"x\");\n    info!(host.owner = %who, \"booted\");\n}\n"
	fds := checkWithRegistry(t, `{attrkeys: {registries: [registry.yaml]}}`, src)
	oneFinding(t, fds, 4, "TL402")
	if len(fds) != 1 {
		t.Errorf("%d findings, want 1: %v", len(fds), fds)
	}
}

// TestFindingEnds checks where findings end: a type mismatch and a sensitive
// value at the end of the value, not of the key.
func TestFindingEnds(t *testing.T) {
	src := "use tracing::info_span;\nfn f(c: &Customer) {\n    let _s = info_span!(\"s\", server.port = \"8080\", user.email = %c.address);\n}\n"
	fds := checkWithRegistry(t, `{}`, src)
	for _, tc := range []struct {
		rule, end string
	}{{"TL302", `"8080"`}, {"TL402", `c.address`}} {
		fd := oneFinding(t, fds, 3, tc.rule)
		want := strings.Index(src, tc.end) + len(tc.end)
		if fd.End.Offset != want {
			t.Errorf("%s ends at %d, want %d (after %s)", tc.rule, fd.End.Offset, want, tc.end)
		}
	}
}

// TestMixedSites checks messages whose wording depends on a case another
// site in the same file takes: a value recorded with a sigil and one
// without, a pseudonymous identifier sent in baggage and one recorded.
func TestMixedSites(t *testing.T) {
	src := `use opentelemetry::{Context, KeyValue};
use opentelemetry::baggage::BaggageExt;
use tracing::{info, info_span};
fn f(cx: &Context, port: u16, sid: String, session_id: String) -> Context {
    let _s = info_span!("s", server.port = %port);
    let _t = info_span!("t", server.port = "8080");
    info!(order.visitor = %session_id, "seen");
    cx.with_baggage(vec![KeyValue::new("session.id", sid)])
}
`
	fds := checkWithRegistry(t, `{enable: [TL406]}`, src)
	for _, tc := range []struct {
		line      int
		rule      string
		want, not string
	}{
		{5, "TL302", "record the i64 (or another integer type) itself, without the % sigil", "a value of Rust type"},
		{6, "TL302", "record a value of Rust type i64 (or another integer type)", "sigil"},
		{7, "TL406", `the value session_id of event field "order.visitor" records a pseudonymous identifier (session id), which still points at a person`, "downstream"},
		{8, "TL406", `baggage entry "session.id" carries a pseudonymous identifier`, "still points"},
	} {
		msg := oneFinding(t, fds, tc.line, tc.rule).Message
		if !strings.Contains(msg, tc.want) || strings.Contains(msg, tc.not) {
			t.Errorf("line %d: message %q, want %q and not %q", tc.line, msg, tc.want, tc.not)
		}
	}
}
