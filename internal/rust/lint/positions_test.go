package lint_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/tracelint/tracelint"
	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/rust/lint"
)

// TestLintNamed checks that a lint is found by its name, with or without
// the tool's prefix, and that other names find none.
func TestLintNamed(t *testing.T) {
	for name, want := range map[string]*lint.Lint{
		"pii_in_telemetry":                         lint.PIIInTelemetry,
		"tracelint::span_guard_across_await":       lint.SpanGuardAcrossAwait,
		"clippy::pii_in_telemetry":                 nil,
		"tracelint::":                              nil,
		"TL402":                                    nil,
		"tracelint::tracelint::spawn_without_span": nil,
	} {
		got, ok := lint.LintNamed(name)
		if got != want || ok != (want != nil) {
			t.Errorf("LintNamed(%q) = %v, %t; want %v", name, got, ok, want)
		}
	}
}

// TestCatalogue checks the rules a SARIF log lists: the Go rules some lint
// mirrors, not the others, and one rule per lint with no Go counterpart,
// which enable and disable name too.
func TestCatalogue(t *testing.T) {
	byID := make(map[string]bool)
	for _, r := range lint.Catalogue(tracelint.Rules()) {
		byID[r.ID] = true
		if r.ID == lint.SpanGuardAcrossAwait.Name && (r.Title != lint.SpanGuardAcrossAwait.Rule.Title || !r.Default) {
			t.Errorf("catalogue rule %s: title %q, default %t", r.ID, r.Title, r.Default)
		}
	}
	for id, want := range map[string]bool{
		"TL402": true, "TL105": true, "TL202": true, lint.SpanGuardAcrossAwait.Name: true,
		"TL201": false, lint.PIIInTelemetry.Name: false, lint.SpawnWithoutSpan.Name: false,
	} {
		if byID[id] != want {
			t.Errorf("catalogue has %s: %t, want %t", id, byID[id], want)
		}
	}
	ids := lint.RuleIDs()
	if !slices.Contains(ids, lint.SpanGuardAcrossAwait.Name) || slices.Contains(ids, lint.PIIInTelemetry.Name) || !slices.Contains(ids, "TL402") {
		t.Errorf("RuleIDs() = %v: want the Go rule IDs and span_guard_across_await only", ids)
	}
}

// positionsSrc has a finding on its first and on its last line (which
// has no newline), two at one place (a misspelt key that also names
// personal data), lines indented with tabs and spaces and ending in
// blanks and a carriage return, and functions in and out of an impl.
var positionsSrc = `use tracing::info_span; fn first(v: String) { let _a = info_span!("a", user.phone = %v); }
use opentelemetry::{Context, KeyValue};
use opentelemetry::baggage::BaggageExt;
use tracing::info;

struct Shop;

impl Shop {
` + " \t" + `async fn checkout(&self, v: String) {
` + "\t \t" + `let _a = info_span!("a", user.email = %v);` + "\t \r" + `
		info!(user.email = %v, "done");
		let span = info_span!("s");
		let _g = span.enter();
		work().await;
	}
}

fn free(cx: &Context, v: String) -> Context {
    let _b = info_span!("b", user.phone = %v);
    cx.with_baggage(vec![KeyValue::new("user.email", v)])
}
fn last(v: String) { let _c = info_span!("c", http.request.methd = %v); }`

// TestPositions checks what a reviewer reads of each finding: its rule,
// where it starts and ends, its function, its line's text, its message's
// subject and suffix, and its related places; findings come by position,
// then by rule.
func TestPositions(t *testing.T) {
	var got []string
	for _, f := range checkWith(t, config.Default(), "src/shop.rs", []byte(positionsSrc)) {
		msg, _, _ := strings.Cut(f.Message, ":")
		if i := strings.Index(msg, " is in the namespace"); i >= 0 {
			msg = msg[:i]
		}
		if i := strings.Index(msg, " records"); i >= 0 {
			msg = msg[:i]
		}
		if i := strings.Index(msg, " carries"); i >= 0 {
			msg = msg[:i]
		}
		suffix := f.Message[strings.LastIndex(f.Message, " ("):]
		got = append(got, fmt.Sprintf("%s %d:%d-%d:%d %s %s | %s |%s", f.Pos.File, f.Pos.Line, f.Pos.Column, f.End.Line, f.End.Column, f.Rule, f.Func, f.LineText, suffix))
		got = append(got, "\t"+msg)
		for _, r := range f.Related {
			got = append(got, fmt.Sprintf("\trelated %d:%d-%d:%d %s", r.Pos.Line, r.Pos.Column, r.End.Line, r.End.Column, r.Message))
		}
		if strings.Contains(f.Message, "more use") {
			got = append(got, "\t"+f.Message[strings.Index(f.Message, "("):])
		}
	}
	want := []string{
		`src/shop.rs 1:72-1:82 TL301 first | use tracing::info_span; fn first(v: String) { let _a = info_span!("a", user.phone = %v); } | (TL301, tracelint::telemetry_key_not_in_contract)`,
		`	span field "user.phone"`,
		`	related 19:30-19:40 "user.phone" is used here too`,
		`	(1 more use in this file) (TL301, tracelint::telemetry_key_not_in_contract)`,
		`src/shop.rs 1:72-1:87 TL402 first | use tracing::info_span; fn first(v: String) { let _a = info_span!("a", user.phone = %v); } | (TL402, tracelint::pii_in_telemetry)`,
		`	span field "user.phone"`,
		`src/shop.rs 10:29-10:44 TL402 Shop::checkout | let _a = info_span!("a", user.email = %v); | (TL402, tracelint::pii_in_telemetry)`,
		`	span field "user.email"`,
		`src/shop.rs 11:9-11:24 TL402 Shop::checkout | info!(user.email = %v, "done"); | (TL402, tracelint::pii_in_telemetry)`,
		`	event field "user.email"`,
		`src/shop.rs 13:3-13:25 span_guard_across_await Shop::checkout | let _g = span.enter(); | (tracelint::span_guard_across_await)`,
		`	the guard _g of span.enter() is held across this .await`,
		`	related 14:3-14:15 awaited here`,
		`src/shop.rs 19:30-19:45 TL402 free | let _b = info_span!("b", user.phone = %v); | (TL402, tracelint::pii_in_telemetry)`,
		`	span field "user.phone"`,
		`src/shop.rs 20:40-20:55 TL404 free | cx.with_baggage(vec![KeyValue::new("user.email", v)]) | (TL404, tracelint::pii_in_telemetry)`,
		`	baggage entry "user.email"`,
		`src/shop.rs 22:47-22:65 TL301 last | fn last(v: String) { let _c = info_span!("c", http.request.methd = %v); } | (TL301, tracelint::telemetry_key_not_in_contract)`,
		`	span field "http.request.methd"`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
