package tracingsyntax_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tracelint/tracelint/internal/rust/syntax"
	"github.com/tracelint/tracelint/internal/rust/tracingsyntax"
	"github.com/tracelint/tracelint/internal/rust/treesitter"
)

// parseMacro parses `fn f() { CALL; }` and reads the macro's arguments.
func parseMacro(t *testing.T, name, call string) (tracingsyntax.Macro, []byte) {
	t.Helper()
	src := []byte("fn f() { " + call + "; }")
	p, err := treesitter.New()
	if err != nil {
		t.Skip(err)
	}
	defer p.Close()
	root, err := p.Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	for n := range root.Preorder() {
		if n.Kind == "macro_invocation" {
			var tt *syntax.Node
			for _, c := range n.Children {
				if c.Kind == "token_tree" {
					tt = c
				}
			}
			return tracingsyntax.ParseMacro(name, tt, src), src
		}
	}
	t.Fatalf("no macro in %s", call)
	return tracingsyntax.Macro{}, nil
}

// describe writes a macro's parts compactly: directives, level, name,
// fields as name=sigil+value (shorthand as ~name), message and args.
func describe(m tracingsyntax.Macro, src []byte) string {
	var parts []string
	for _, d := range []string{"parent", "target", "name"} {
		if v, ok := m.Directives[d]; ok {
			parts = append(parts, d+":"+v.Text(src))
		}
	}
	if len(m.Level) > 0 {
		parts = append(parts, "level:"+m.Level.Text(src))
	}
	if len(m.SpanName) > 0 {
		parts = append(parts, "span:"+m.SpanName.Text(src))
	}
	for _, f := range m.Fields {
		if f.Shorthand {
			parts = append(parts, fmt.Sprintf("~%s%s", f.Sigil, f.Name))
		} else {
			parts = append(parts, fmt.Sprintf("%s=%s%s", f.Name, f.Sigil, f.Value.Text(src)))
		}
	}
	if m.Message != nil {
		parts = append(parts, "msg:"+m.Message.Text(src))
	}
	for _, a := range m.Args {
		parts = append(parts, "arg:"+a.Text(src))
	}
	return strings.Join(parts, " | ")
}

func TestParseMacro(t *testing.T) {
	for _, tc := range []struct{ name, call, want string }{
		{"info_span", `info_span!("checkout", user.email = %customer.email, ?x, n = 1.5)`,
			`span:"checkout" | user.email=%customer.email | ~?x | n=1.5`},
		{"span", `span!(Level::INFO, "db", db.system.name = "postgresql")`,
			`level:Level::INFO | span:"db" | db.system.name="postgresql"`},
		{"span", `span!(target: "app", parent: None, tracing::Level::DEBUG, "root")`,
			`parent:None | target:"app" | level:tracing::Level::DEBUG | span:"root"`},
		{"info_span", `info_span!("q", "http.request.method" = method, order_id)`,
			`span:"q" | http.request.method=method | ~order_id`},
		{"info_span", `info_span!("q", otel.kind = ?SpanKind::Server, r#type = "x",)`,
			`span:"q" | otel.kind=?SpanKind::Server | type="x"`},
		{"info", `info!(target: "a", ok = true, "mail sent to {} {x}", customer.email)`,
			`target:"a" | ok=true | msg:"mail sent to {} {x}" | arg:customer.email`},
		{"event", `event!(Level::WARN, %user.name, count = v.len(), "slow")`,
			`level:Level::WARN | ~%user.name | count=v.len() | msg:"slow"`},
		{"info", `info!(name: "login", { user.id = %id, ok = true }, "logged in")`,
			`name:"login" | user.id=%id | ok=true | msg:"logged in"`},
		{"debug", `debug!(parent: &span, "plain")`, `parent:&span | msg:"plain"`},
		{"warn", `warn!(error = %e)`, `error=%e`},
		{"error", `error!("failed: {}", format!("{}", e), a = 1)`, `msg:"failed: {}" | arg:format!("{}", e) | arg:a = 1`},
		{"info", `info!(a.b.c = x.y.z(), "m")`, `a.b.c=x.y.z() | msg:"m"`},
		{"info", `info!(r"raw {x}")`, `msg:r"raw {x}"`},
		{"info", `info!(x == y, "m")`, `msg:"m"`}, // not a field: == is one token
		{"info_span", `info_span!("empty", field = tracing::field::Empty)`, `span:"empty" | field=tracing::field::Empty`},
	} {
		m, src := parseMacro(t, tc.name, tc.call)
		if got := describe(m, src); got != tc.want {
			t.Errorf("%s\n got: %s\nwant: %s", tc.call, got, tc.want)
		}
	}
}

func TestParseInstrument(t *testing.T) {
	src := []byte(`#[instrument(skip(password, r#ref), fields(user.id = %id, "x.y" = 3), err(Display), ret, name = "login")]
fn f() {}
#[instrument(skip_all)]
fn g() {}`)
	p, err := treesitter.New()
	if err != nil {
		t.Skip(err)
	}
	defer p.Close()
	root, _ := p.Parse(src)
	var got []string
	for n := range root.Preorder() {
		if n.Kind != "attribute" {
			continue
		}
		in := tracingsyntax.ParseInstrument(n.ChildByField("arguments"), src)
		var fields []string
		for _, f := range in.Fields {
			fields = append(fields, f.Name+"="+f.Sigil+f.Value.Text(src))
		}
		got = append(got, fmt.Sprintf("skip=%v all=%v fields=%v err=%v ret=%v name=%s", len(in.Skip), in.SkipAll, fields, in.Err, in.Ret, in.Name.Text(src)))
		if in.Skip["password"] != (len(in.Skip) > 0) || len(in.Skip) > 0 && !in.Skip["ref"] {
			t.Errorf("skip = %v", in.Skip)
		}
	}
	want := []string{
		`skip=2 all=false fields=[user.id=%id x.y=3] err=true ret=true name="login"`,
		`skip=0 all=true fields=[] err=false ret=false name=`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
