package keyinv

import (
	"bytes"
	"go/token"
	"strings"
	"testing"

	"github.com/tracelint/tracelint/analyzers/attrkeys"
)

func TestBuild(t *testing.T) {
	at := func(line int) token.Position { return token.Position{Filename: "/m/a/a.go", Line: line} }
	inv := Build([]attrkeys.KeyUse{
		{Key: "shop.qty", Kind: "int", Pos: at(3), Status: "not in contract"},
		{Key: "shop.qty", Kind: "string", Pos: at(9), Status: "not in contract"},
		{Key: "shop.qty", Kind: "int", Pos: at(5), Status: "not in contract"},
		{Key: "shop.qty", Kind: "int", Pos: at(5), Status: "not in contract"}, // the same site twice (a test variant)
		{Key: "http.route", Kind: "string", Pos: at(1), Status: "semconv"},
		{Key: "http_route", Kind: "string", Pos: at(2), Status: "not in contract"},
	}, "/m")
	if len(inv.Keys) != 3 || inv.Keys[1].Key != "http_route" {
		t.Fatalf("keys: %+v", inv.Keys)
	}
	q := inv.Keys[2]
	if strings.Join(q.Types, ",") != "int,string" || len(q.Sites) != 3 || q.Sites[0] != (Site{"a/a.go", 3}) {
		t.Errorf("shop.qty: %+v", q)
	}
	if len(inv.Drift) != 1 || strings.Join(inv.Drift[0], " ") != "http.route http_route" {
		t.Errorf("drift: %q", inv.Drift)
	}
	var b bytes.Buffer
	if err := inv.WriteWeaver(&b, "shop"); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"note: Recorded at a/a.go:3 and 2 other sites; stored as int and as string.",
		"- ref: http.route",
		"note: 'Recorded at a/a.go:2. The same concept is also spelled http.route: keep one spelling.'",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("skeleton lacks %q:\n%s", want, b.String())
		}
	}
}
