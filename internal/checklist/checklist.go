// Package checklist is tracelint's code-review checklist: one item per
// tracing convention, each naming the rules that check it automatically and
// what is left for the human reviewer. It renders as Markdown checkboxes for
// a pull-request template (tracelint checklist) and as docs/checklist.md
// (go generate).
//
// The conventions group the rules by what a reviewer looks for, not by
// analyzer (ctxpropagation checks both contexts and propagators), so the
// grouping is written here; [Render] fails when a rule of the catalogue is
// in no item, or in two, so a new rule cannot be left off the checklist.
package checklist

import (
	"fmt"
	"strings"

	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/rules"
	"github.com/tracelint/tracelint/internal/rulesdoc"
)

// Item is one convention of the checklist.
type Item struct {
	// Convention is what the code does, the checkbox's bold text.
	Convention string
	// Why is what breaks when the convention is not kept, one sentence.
	Why string
	// Rules are the IDs of the rules that check the convention.
	Rules []string
	// Reviewer lists, in Markdown, what no rule checks: the part of the
	// convention left to the reviewer.
	Reviewer []string
}

// Items are the conventions, in the order a reviewer meets them in a
// change: the context a call receives, the span it starts, what the span
// records, who may read it, and how it crosses to the next service.
var Items = []Item{
	{
		Convention: "Contexts are passed along",
		Why:        "every call that does I/O or starts a span gets the caller's context, so its work joins the request's trace and stops with it",
		Rules:      []string{"TL101", "TL102", "TL103", "TL104", "TL106"},
		Reviewer: []string{
			"work meant to outlive the request (a background job, a cache refresh) detaches on purpose, with `context.WithoutCancel` or a link to the request's span, not by accident",
			"a context handed across goroutines, channels or struct fields is the request's own, and a long-lived value does not keep a request's context",
			"clients of HTTP, gRPC, SQL and queues are instrumented (otelhttp, otelgrpc, otelsql, ...), or the context passed to them carries nothing",
		},
	},
	{
		Convention: "Spans are ended",
		Why:        "a span that is never ended is never exported, and its children are shown without a parent",
		Rules:      []string{"TL201", "TL202", "TL203", "TL204", "TL205", "TL206"},
		Reviewer: []string{
			"a span handed to another goroutine or a callback has exactly one owner that ends it",
			"spans cover units of work worth seeing (a request, a query, a call), not each iteration of a hot loop, and their names are low-cardinality: no IDs in the name",
			"failures that are not returned as errors (a 5xx written to the response, a retried call) still set the span's status",
		},
	},
	{
		Convention: "Attribute keys are in the contract",
		Why:        "keys nobody agreed on split one concept over several names, and dashboards and alerts built on the contract miss them",
		Rules:      []string{"TL301", "TL302", "TL303", "TL304", "TL305", "TL306", "TL307", "TL308"},
		Reviewer: []string{
			"a new key reuses a semantic convention where one fits, and is added to the team's registry with its type and a brief the owners have reviewed",
			"values have bounded cardinality: no request bodies, unbounded lists or free text under a key meant for grouping",
			"keys built at run time, which no rule can look up, are reviewed by hand",
		},
	},
	{
		Convention: "No personal data or secrets in telemetry",
		Why:        "traces are kept for weeks, read by many and often sent to a vendor, outside the privacy controls of the service's own storage",
		Rules:      []string{"TL401", "TL402", "TL403", "TL404", "TL405", "TL406"},
		Reviewer: []string{
			"values that may hold personal data without saying so by name or tag (error messages, SQL statements, URLs, free-text fields, values computed in another package) are left out or redacted",
			"a function added to `piiattrs.redactors` or a key added to `piiattrs.allow` really removes or never carries personal data",
			"what the tracing backend keeps, for how long and who can read it is agreed with whoever owns privacy for the service",
		},
	},
	{
		Convention: "Traces cross process boundaries through a propagator",
		Why:        "a trace header written or read by hand loses the other formats, the sampling decision and the baggage, and breaks the trace at the boundary",
		Rules:      []string{"TL105"},
		Reviewer: []string{
			"a new outbound transport (a queue, a custom RPC, a scheduled job) injects the context into its messages, and its consumer extracts it and starts a child span or a linked one, as intended",
			"the process sets its global propagator at start-up (`otel.SetTextMapPropagator`) with the formats its peers speak: W3C trace context and baggage, B3, ...",
			"what goes into baggage may be sent to every downstream service, third parties included",
		},
	},
}

// Render writes the checklist as Markdown: a heading, a line on how to use
// it, and one checkbox per item with the rules that check it, linked to
// their pages, and what is left to the reviewer. catalogue is every rule
// (tracelint.Rules()); enabled reports whether the configuration in force
// turns a rule on: a rule that is off is the reviewer's to check, with a
// hint to enable it. Render fails when an item names a rule the catalogue
// does not have, or a rule of the catalogue is in no item or in two.
func Render(catalogue []*rules.Rule, enabled func(*rules.Rule) bool) (string, error) {
	byID := make(map[string]*rules.Rule, len(catalogue))
	for _, r := range catalogue {
		byID[r.ID] = r
	}
	owner := make(map[string]string) // rule ID -> its item's convention
	for _, it := range Items {
		for _, id := range it.Rules {
			if byID[id] == nil {
				return "", fmt.Errorf("checklist item %q names %s, which is not in the rule catalogue", it.Convention, id)
			}
			if prev, ok := owner[id]; ok {
				return "", fmt.Errorf("%s is in two checklist items, %q and %q; put it in one", id, prev, it.Convention)
			}
			owner[id] = it.Convention
		}
	}
	for _, r := range catalogue {
		if _, ok := owner[r.ID]; !ok {
			return "", fmt.Errorf("%s (%s) is in no checklist item; add it to one in internal/checklist", r.ID, r.Title)
		}
	}

	var b strings.Builder
	b.WriteString("### Tracing\n\n")
	b.WriteString("tracelint checks the rules named below (`tracelint ./...`). " +
		"Tick an item once you have checked what it leaves to the reviewer.\n\n")
	for _, it := range Items {
		var on, off []string
		for _, id := range it.Rules {
			r := byID[id]
			entry := fmt.Sprintf("[%s](%s) %s", r.ID, r.URL(), r.Title)
			if enabled(r) {
				on = append(on, entry)
			} else {
				off = append(off, entry)
			}
		}
		fmt.Fprintf(&b, "- [ ] **%s**: %s.\n", it.Convention, it.Why)
		if len(on) > 0 {
			fmt.Fprintf(&b, "  - Checked by tracelint: %s.\n", strings.Join(on, "; "))
		}
		if len(off) > 0 {
			fmt.Fprintf(&b, "  - Off, so yours to check (or list %s under `enable` in `.tracelint.yml`): %s.\n",
				them(len(off)), strings.Join(off, "; "))
		}
		b.WriteString("  - Yours to check:\n")
		for _, r := range it.Reviewer {
			fmt.Fprintf(&b, "    - %s\n", r)
		}
	}
	return b.String(), nil
}

func them(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

// Page returns docs/checklist.md: the checklist with the default
// configuration, under a title and a paragraph on putting it in a
// pull-request template.
func Page(catalogue []*rules.Rule) (string, error) {
	def := config.Default()
	list, err := Render(catalogue, func(r *rules.Rule) bool { return r.Enabled(def) })
	if err != nil {
		return "", err
	}
	return rulesdoc.Generated + "\n\n" +
		"# Code-review checklist\n\n" +
		"One item per tracing convention: the rules that check it automatically, and what is left for the\n" +
		"reviewer. `tracelint checklist` prints it, with the rules that the `.tracelint.yml` of the current\n" +
		"directory turns on or off (below: the defaults), ready for a pull-request template:\n\n" +
		"```sh\n" +
		"mkdir -p .github && tracelint checklist >> .github/pull_request_template.md\n" +
		"```\n\n" + list, nil
}
