package tracelint_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/tracelint/tracelint"
	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/passtest"
	"github.com/tracelint/tracelint/internal/report"
)

// oddBodies are function bodies of unusual shape, some of them ill-typed.
// Each is run through every analyzer of the suite, which must neither panic
// nor report an internal error. The first is the statement that made another span linter
// panic and abort whole golangci-lint runs.
var oddBodies = []string{
	`ctx, _ = tr.Start(ctx, "b")`,
	`_, _ = tr.Start(ctx, "b")`,
	`tr.Start(ctx, "b"); tr.Start(ctx, "c")`,
	`var s trace.Span; _, s = tr.Start(ctx, "x"); s = nil; _ = s`,
	`for { _, s := tr.Start(ctx, "x"); if s == nil { break }; continue }`,
	`L: for { _, s := tr.Start(ctx, "x"); select { case <-ctx.Done(): break L; default: goto L }; s.End() }`,
	`_, s := tr.Start(ctx, "x"); defer func() { defer func() { s.End() }() }()`,
	`_, s := tr.Start(ctx, "x"); switch v := any(s).(type) { case nil: return; default: _ = v }`,
	`_, s := tr.Start(); s.End()`,
	`_, s := tr.Start(ctx, "x", nil, nil, nil); s.End(nil)`,
	`_, s := undefined.Start(ctx, "x"); s.End()`,
	`a, b, c := tr.Start(ctx, "x"); _, _, _ = a, b, c`,
	`_, s := tr.Start(ctx, "x"); go s.End(); defer s.End()`,
	`x := func() (context.Context, trace.Span) { return tr.Start(ctx, "x") }; _, s := x(); s.End()`,
	`_, s := tr.Start(ctx, "x"); for range 3 { defer s.End() }`,
	`trace.SpanFromContext(ctx).End(); trace.SpanFromContext(nil).End()`,
	`var s = trace.SpanFromContext(ctx); s.End(); s.End()`,
	`_, s := tr.Start(ctx, "x"); if s := s; s != nil { s.End() }`,
	`select {}`,
	`panic(tr.Start(ctx, "x"))`,
	`return`,
	`_, s := tr.Start(ctx, "x"); s.End(); _, s = tr.Start(ctx, "y"); _, s = tr.Start(ctx, "z"); s.End()`,
	`ctx, span := otel.Tracer("").Start(ctx, "x"); defer span.End(); _ = ctx`,
	`var spans [2]trace.Span; _, spans[0] = tr.Start(ctx, "x"); _, spans[1] = tr.Start(ctx, "y")`,
	`_, s := tr.Start(ctx, "x"); var f func(); f = s.End; f()`,
	`_, s := tr.Start(ctx, "x"`,
	`_ = context.Background(); go func() { _ = context.TODO() }()`,
	`if ctx == nil { ctx = context.Background() }; if nil == nil { ctx = context.TODO() }`,
	`_, s := tr.Start(ctx, "x"); defer s.End(); f(ctx, tr)`,
	`for { ctx, _ = tr.Start(ctx, "x") }`,
	`for range 3 { ctx = context.WithValue(ctx, 1, 2); ctx, _ = context.WithCancel(ctx) }`,
	`var g func() (int, context.Context); x, y := g(); _, _ = x, y`,
	`var m map[string]string; m["traceparent"] = ""; _ = map[string]string{"b3": ""}; _ = m[""]`,
	`var h interface{ Get(string) string; Set() }; _ = h.Get("traceparent"); h.Set()`,
	`bg := context.Background; _ = bg(); _ = context.Background(1)`,
	`func() { var ctx context.Context; _ = ctx; _ = context.TODO() }()`,
	`g := struct{ Go func(func()) }{}; g.Go(func() { _ = ctx })`,
	`g, gctx := WithContext(ctx); g.Go(func() { f(ctx, nil) }); _ = gctx`,
	`_ = trace.ContextWithSpanContext(context.Background(), trace.SpanContextFromContext(ctx))`,
	`_, _ = tr.Start(context.Background(), "x", trace.WithLinks(trace.LinkFromContext(ctx)))`,
	`var ctx2 interface{ context.Context; Context() context.Context }; _ = ctx2; _ = context.TODO()`,
	`type C[T context.Context] struct{ c T }; _ = C[context.Context]{}; _ = context.TODO()`,
	`_ = attribute.String("http.request.methd", "GETT"); _ = attribute.Int("server.address", 1)`,
	`_ = attribute.String(); _ = attribute.String("a"); _ = attribute.String("a", "b", "c")`,
	`_ = attribute.Key("http.method").String("x"); _ = attribute.Key.String("http.method", "x")`,
	`_ = attribute.KeyValue{}; _ = attribute.KeyValue{Key: 1}; _ = attribute.KeyValue{"a.b", attribute.IntValue()}`,
	`_ = attribute.KeyValue{Value: attribute.StringValue("x"), Key: "http.request.method"}`,
	`k := "http.request.header."; _ = attribute.String(k+k+k, ""); _ = attribute.String(fmt.Sprintf(k), "")`,
	`const k = attribute.Key(""); _ = k.Int(1); _ = attribute.String("", ""); _ = attribute.String(".", "")`,
	`_ = attribute.String("\xff\x00É", ""); _ = attribute.String("ÉTAT.Ü", "")`,
	`_ = attribute.String("http.request.method", 1 + "x"); _ = attribute.Int("http.response.status_code", 1 << 70)`,
	`var s fmt.Stringer; _ = attribute.Stringer("http.request.method", s); _ = attribute.StringSlice("http.request.method", nil)`,
	"type U struct{ E string `pii:\"contact\" sensitive:\"true\"`; embedded }; type embedded struct{ Password string }; var u U; _ = attribute.String(\"x\", u.E + u.Password)",
	`var email string; _ = attribute.String("user.email", email); _ = attribute.String("k", fmt.Sprintf("%s", email)); _ = attribute.StringSlice("x", []string{0: email})`,
	`var m map[string]string; _ = attribute.String("k", m["password"]); _ = attribute.String("k", (*(&m))["email"])`,
	`_, s := tr.Start(ctx, "x" + fmt.Sprint(ctx)); s.SetName(fmt.Sprintf()); _, _ = tr.Start(ctx)`,
	`var f func() string; _ = attribute.String("k", f()); _ = attribute.String("k", func() string { return "" }())`,
}

const oddFile = `package odd

import (
	"errors"
	"context"
	"fmt"

	"go.opentelemetry.io/otel/attribute"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

var _ = otel.Tracer
var _ = fmt.Sprint
var _ = attribute.String

func f(ctx context.Context, tr trace.Tracer) {
	BODY
}
`

func TestOddCode(t *testing.T) {
	for _, body := range oddBodies {
		checkOdd(t, body)
	}
}

func FuzzOddCode(f *testing.F) {
	for _, body := range oddBodies {
		f.Add(body)
	}
	f.Fuzz(checkOdd)
}

func checkOdd(t *testing.T, body string) {
	u, err := passtest.Check(strings.Replace(oddFile, "BODY", body, 1))
	if errors.Is(err, passtest.ErrUnparsable) {
		return
	}
	if err != nil {
		t.Fatalf("body %q: %v", body, err)
	}
	cfg := config.Default()
	cfg.Enable = tracelint.RuleIDs() // opt-in rules too
	for _, a := range tracelint.Analyzers(cfg) {
		diags, err := u.Run(a)
		if err != nil {
			t.Errorf("%s, body %q: %v", a.Name, body, err)
		}
		for _, d := range diags {
			if d.Category == report.InternalErrorCategory {
				t.Errorf("%s, body %q: %s", a.Name, body, d.Message)
			}
		}
	}
}
