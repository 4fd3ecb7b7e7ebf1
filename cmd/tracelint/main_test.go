package main_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tracelint/tracelint"

	"github.com/tracelint/tracelint/internal/contract"
	"github.com/tracelint/tracelint/internal/testmodule"
)

// build compiles the tracelint command into a temporary directory.
func build(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "tracelint")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// run runs a command in the testdata module and returns its combined
// output, with the module's absolute path removed, and its exit code.
func run(t *testing.T, dir, name string, args ...string) (string, int) {
	t.Helper()
	return runEnv(t, dir, nil, name, args...)
}

func runEnv(t *testing.T, dir string, env []string, name string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off"), env...)
	out, err := cmd.CombinedOutput()
	code := 0
	if exitErr := (*exec.ExitError)(nil); errors.As(err, &exitErr) {
		code = exitErr.ExitCode()
	} else if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return strings.ReplaceAll(string(out), dir+string(filepath.Separator), ""), code
}

// wantService is tracelint's exact output on the testdata service, whose
// .tracelint.yml (at the root of the testdata module) enables TL204, names
// the service's registry, service/telemetry, and its redactor,
// service/privacy.Redact (used in service/profile).
var wantService = []string{
	`service/api/api.go:21:15: span "span" is not ended on every path: it leaks at the return on line 25; call span.End() on every path, e.g. defer span.End() after the start (TL201)`,
	`service/api/api.go:25:3: 	"span" leaks when the function returns here`,
	`service/api/api.go:40:2: span "span" comes from trace.SpanFromContext: it is the caller's span, not one this function started, and ending it here ends the caller's span early; remove the call, or start a child span with tracer.Start and end that (TL206)`,
	`service/api/api.go:46:16: span "span" is ended by a defer inside a loop, so every iteration's span stays open until the function returns; call span.End() at the end of each iteration, or move the body into a function (TL203)`,
	`service/api/api.go:47:3: 	deferred here, inside the loop`,
	`service/api/api.go:54:2: the span started by tracer.Start is discarded, so it is never ended or exported; assign it to a variable and end it, e.g. defer span.End() (TL202)`,
	`service/api/api.go:64:15: span "span" is not ended on every path: it leaks at the return on line 67; call span.End() on every path, e.g. defer span.End() after the start (TL201)`,
	`service/api/api.go:67:2: 	"span" leaks when the function returns here`,
	`service/store/store.go:34:13: span "span" is not ended on every path: it leaks at the return on line 37; call span.End() on every path, e.g. defer span.End() after the start (TL201)`,
	`service/store/store.go:37:3: 	"span" leaks when the function returns here`,
	`service/store/store.go:45:13: span "span" ends without recording the error returned on line 48; call span.RecordError(err) and span.SetStatus(codes.Error, ...) on that path (TL204)`,
	`service/store/store.go:48:3: 	the error is returned here`,
	`service/worker/worker.go:21:16: span "span" is not ended on every path: it leaks when the loop starts its next iteration and at 1 other place; call span.End() on every path through the loop body, including before continue and break (TL201)`,
	`service/worker/worker.go:20:2: 	"span" leaks when the loop starts its next iteration`,
	`service/worker/worker.go:30:1: 	"span" leaks when the function ends here`,
	`service/worker/worker.go:34:15: span "span" is overwritten by the start on line 38 before it is ended, so it is never exported; call span.End() before starting the next span (TL205)`,
	`service/worker/worker.go:38:2: 	"span" is overwritten here`, `service/consumer/consumer.go:33:14: trace header "traceparent" is written by hand; inject it with a propagator, otel.GetTextMapPropagator().Inject(ctx, carrier), so every format and the baggage are handled (TL105)`,
	`service/consumer/consumer.go:33:42: trace header "traceparent" is read by hand; extract it with a propagator, otel.GetTextMapPropagator().Extract(ctx, carrier), so every format and the baggage are handled (TL105)`,
	`service/consumer/consumer.go:41:15: ctx is derived from itself on every iteration of the loop, so each iteration's span nests under the previous one; derive a context for each iteration with := from the context the loop started with (TL106)`,
	`service/orders/orders.go:25:15: s.DB.Query is called without a context although "r" is in scope; use s.DB.QueryContext(r.Context(), ...) so the call joins the request's trace and stops with it (TL102)`,
	`service/orders/orders.go:27:3: slog.Error is called without a context although "r" is in scope; use slog.ErrorContext(r.Context(), ...) so the call joins the request's trace and stops with it (TL102)`,
	`service/orders/orders.go:31:2: Reindex cannot receive "r" and starts a new trace itself (context.Background() at jobs.go:8); add a context.Context parameter and pass r.Context() (TL104)`,
	`service/jobs/jobs.go:8:6: 	the root context is created here`,
	`service/orders/orders.go:37:13: the context of span "span" is discarded and ctx is passed on instead, so later spans become its siblings, not its children; bind the returned context and pass it (TL103)`,
	`service/orders/orders.go:39:13: 	ctx is passed on here`,
	`service/orders/orders.go:42:31: ctx is the parent of group "g"'s context, so this call is not cancelled with the group; pass gctx (TL106)`,
	`service/orders/orders.go:46:12: exec.Command is called without a context although "gctx" is in scope; use exec.CommandContext(gctx, ...) so the call joins the request's trace and stops with it (TL102)`,
	`service/orders/orders.go:53:26: context.Background() starts a new trace although "ctx" is in scope; pass ctx so this work stays in the request's trace (TL101)`,
	`service/orders/orders.go:37:13: span "span" ends without recording the error returned on line 47; call span.RecordError(err) and span.SetStatus(codes.Error, ...) on that path (TL204)`,
	`service/orders/orders.go:47:3: 	the error is returned here`,
	`service/checkout/checkout.go:19:43: value "Card" is not a member of the enum "shop.payment.method" (card, wallet); did you mean "card"? (TL306)`,
	`service/checkout/checkout.go:20:3: attribute key "shop.order.amount" is deprecated: renamed to "shop.order.total" (TL303)`,
	`service/checkout/checkout.go:24:3: attribute key "shop.order.items" is not in the telemetry contract; add it to the registry or use a key that is (TL301)`,
	`service/checkout/checkout.go:25:3: attribute "shop.order.total" is double in the telemetry contract, but the value is string; use attribute.Float64 (TL302)`,
	`service/profile/profile.go:32:3: the value c.Phone of attribute "customer.contact" is personal data (contact: tag pii:"contact"): telemetry is stored for weeks and read by many; drop it, or pass the value through a redactor listed in piiattrs.redactors (TL403)`,
	`service/profile/profile.go:34:2: the event name includes c.Email, personal data (contact: email): names are indexed and shown in every trace view; use a constant name (TL405)`,
	`service/profile/profile.go:36:15: baggage entry "customer.email" carries personal data (contact: email) to every downstream service, third parties included, in clear text; keep it inside the process (TL404)`,
	`service/profile/profile.go:42:10: the value c.Email of tracestate entry "mail" carries personal data (contact: email) to every downstream service, third parties included, in clear text; keep it inside the process (TL404)`,
}

// groups splits output into diagnostics, each with its related lines, and
// sorts them: packages are checked in parallel, so their order varies.
func groups(out string) []string {
	var gs []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if strings.Contains(line, ": \t") && len(gs) > 0 {
			gs[len(gs)-1] += "\n" + line
			continue
		}
		gs = append(gs, line)
	}
	slices.Sort(gs)
	return gs
}

func TestEndToEnd(t *testing.T) {
	bin := build(t)
	dir := testmodule.Dir(t)
	want := strings.Join(groups(strings.Join(wantService, "\n")), "\n")

	t.Run("standalone", func(t *testing.T) {
		out, code := run(t, dir, bin, "./service/...")
		if code != 3 {
			t.Errorf("exit code %d, want 3 (findings)", code)
		}
		if got := strings.Join(groups(out), "\n"); got != want {
			t.Errorf("output:\n%s\nwant:\n%s", got, want)
		}
	})

	t.Run("go vet -vettool", func(t *testing.T) {
		// go vet replays results from the build cache, keyed by the tool's
		// build ID and the package's inputs; a run interrupted in the
		// developer's cache can leave an empty result behind. A cache of the
		// test's own keeps the test independent of that history.
		cache := filepath.Join(os.TempDir(), "tracelint-e2e-gocache")
		out, _ := runEnv(t, dir, []string{"GOCACHE=" + cache}, "go", "vet", "-vettool="+bin, "./service/...")
		var lines []string
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(line, "service/") {
				lines = append(lines, line)
			}
		}
		if got := strings.Join(groups(strings.Join(lines, "\n")), "\n"); got != want {
			t.Errorf("go vet output:\n%s\nwant:\n%s", out, want)
		}
	})

	t.Run("json", func(t *testing.T) {
		out, code := run(t, dir, bin, "-json", "./service/store")
		if code != 0 {
			t.Errorf("exit code %d, want 0 with -json", code)
		}
		var got map[string]map[string][]struct {
			Category string `json:"category"`
			Posn     string `json:"posn"`
			Related  []struct {
				Posn string `json:"posn"`
			} `json:"related"`
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("-json output is not JSON: %v\n%s", err, out)
		}
		diags := got["example.com/tracelinttest/service/store"]["spanend"]
		if len(diags) != 2 || diags[0].Category != "TL201" || diags[0].Posn != "service/store/store.go:34:13" ||
			len(diags[0].Related) != 1 || diags[0].Related[0].Posn != "service/store/store.go:37:3" {
			t.Errorf("unexpected -json result: %+v", diags)
		}
	})

	t.Run("fix", func(t *testing.T) {
		out, _ := run(t, dir, bin, "-fix", "-diff", "./spanend/fix")
		for _, want := range []string{"+\tdefer span.End()", "+\t\tdefer s.End()", "+\tdefer span.Finish()"} {
			if !strings.Contains(out, want) {
				t.Errorf("-fix -diff output lacks %q:\n%s", want, out)
			}
		}
	})

	t.Run("bad config", func(t *testing.T) {
		cfg := filepath.Join(t.TempDir(), "bad.yml")
		if err := os.WriteFile(cfg, []byte("spanend:\n  infer-wrapers: true\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		out, code := run(t, dir, bin, "-config", cfg, "./service/...")
		wantOut := "tracelint: " + cfg + `:2:3: unknown key "infer-wrapers" in spanend; allowed keys: start-funcs, no-return-funcs, infer-wrappers` + "\n"
		if code != 1 || out != wantOut {
			t.Errorf("exit code %d, output:\n%s\nwant exit code 1 and:\n%s", code, out, wantOut)
		}
	})

	t.Run("bad registry", func(t *testing.T) {
		tmp := t.TempDir()
		cfg := filepath.Join(tmp, "cfg.yml")
		reg := filepath.Join(tmp, "reg.yaml")
		if err := os.WriteFile(cfg, []byte("attrkeys:\n  registries: [reg.yaml]\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(reg, []byte("file_format: definition/2\nattributes:\n  - key: shop.order.id\n    type: strin\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		out, code := run(t, dir, bin, "-config", cfg, "./service/...")
		wantOut := "tracelint: " + reg + `:4:11: unknown type "strin"; expected string, int, double, boolean, their arrays (string[], ...), any, template[T] or an enum (members:)` + "\n"
		if code != 1 || out != wantOut {
			t.Errorf("exit code %d, output:\n%s\nwant exit code 1 and:\n%s", code, out, wantOut)
		}
	})

	t.Run("explicit config", func(t *testing.T) {
		cfg := filepath.Join(t.TempDir(), "quiet.yml")
		quiet := "disable: [" + strings.Join(tracelint.RuleIDs(), ", ") + "]\n"
		if err := os.WriteFile(cfg, []byte(quiet), 0o644); err != nil {
			t.Fatal(err)
		}
		out, code := run(t, dir, bin, "-config", cfg, "./service/...")
		if code != 0 || bytes.Contains([]byte(out), []byte("(TL")) {
			t.Errorf("with every rule disabled (TL204 not enabled): exit code %d, output:\n%s", code, out)
		}
	})
}

func TestKeys(t *testing.T) {
	bin := build(t)
	dir := testmodule.Dir(t)

	t.Run("text", func(t *testing.T) {
		out, code := run(t, dir, bin, "keys", "./attrkeys/drift")
		if code != 0 {
			t.Fatalf("exit code %d, want 0:\n%s", code, out)
		}
		for _, want := range []string{
			"tenantID     string  2      not in contract  attrkeys/drift/drift.go:13",
			"user.id      string  2      semconv          attrkeys/drift/drift.go:18",
			"10 keys, 12 sites; 3 concepts spelled several ways:",
			"  orgID (1 site, first attrkeys/drift/drift.go:15), tenant (1 site, first attrkeys/drift/drift.go:24), tenantID (2 sites, first attrkeys/drift/drift.go:13), tenant_id (1 site, first attrkeys/drift/drift.go:14)",
			"  storeID (1 site, first attrkeys/drift/drift.go:16), store_id (1 site, first attrkeys/drift/drift.go:25)",
			"  user.id (2 sites, first attrkeys/drift/drift.go:18), userId (1 site, first attrkeys/drift/drift.go:17)",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("output lacks %q:\n%s", want, out)
			}
		}
	})

	t.Run("json", func(t *testing.T) {
		out, _ := run(t, dir, bin, "keys", "-format", "json", "./attrkeys/drift")
		var got struct {
			Keys []struct {
				Key    string   `json:"key"`
				Types  []string `json:"types"`
				Status string   `json:"status"`
				Sites  []struct {
					File string `json:"file"`
					Line int    `json:"line"`
				} `json:"sites"`
			} `json:"keys"`
			Drift [][]string `json:"drift"`
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("not JSON: %v\n%s", err, out)
		}
		if len(got.Keys) != 10 || len(got.Drift) != 3 || got.Keys[0].Key != "order.count" || got.Keys[0].Types[0] != "int" {
			t.Errorf("unexpected inventory: %+v", got)
		}
	})

	t.Run("weaver", func(t *testing.T) {
		out, code := run(t, dir, bin, "keys", "-format", "weaver", "-name", "shop", "./attrkeys/drift")
		if code != 0 {
			t.Fatalf("exit code %d:\n%s", code, out)
		}
		file := filepath.Join(t.TempDir(), "registry.yaml")
		if err := os.WriteFile(file, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		c, err := contract.Load([]string{file}, contract.Semconv())
		if err != nil {
			t.Fatalf("the skeleton is not a registry tracelint reads: %v\n%s", err, out)
		}
		if a, ok := c.Lookup("store_id"); !ok || a.Type.String() != "string" || a.Stability != "development" {
			t.Errorf("store_id in the skeleton: %+v, %v", a, ok)
		}
		if _, ok := c.Lookup("user.id"); ok {
			t.Errorf("user.id, a semantic conventions key, is defined again instead of referenced")
		}
		if !strings.Contains(out, "- ref: user.id") || !strings.Contains(out, "The same concept is also spelled store_id: keep one spelling.") {
			t.Errorf("skeleton:\n%s", out)
		}
	})

	t.Run("bad format", func(t *testing.T) {
		out, code := run(t, dir, bin, "keys", "-format", "xml", ".")
		if code != 2 || !strings.Contains(out, `-format "xml": want text, json or weaver`) {
			t.Errorf("exit code %d, output %q", code, out)
		}
	})
}
