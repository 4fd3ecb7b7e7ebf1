package attrkeys_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tracelint/tracelint/analyzers/attrkeys"
	"github.com/tracelint/tracelint/internal/passtest"
)

// generated returns a package of n attribute sites in functions of 100:
// semantic conventions keys, custom keys, a misspelling, a deprecated key,
// a mistyped value and a key built at run time, in turn.
func generated(n int) string {
	forms := []string{
		`attribute.String("http.request.method", "GET")`,
		`attribute.Int("http.response.status_code", 200)`,
		`attribute.String("shop.order.id", s)`,
		`attribute.String("http.request.methd", s)`,
		`attribute.String("http.method", s)`,
		`attribute.Int("server.address", 1)`,
		`attribute.StringSlice("http.request.header."+s, nil)`,
		`attribute.Key("url.full").String(s)`,
	}
	var b strings.Builder
	b.WriteString("package odd\n\nimport \"go.opentelemetry.io/otel/attribute\"\n\n")
	for f := range n / 100 {
		fmt.Fprintf(&b, "func f%d(s string) []attribute.KeyValue {\n\treturn []attribute.KeyValue{\n", f)
		for i := range 100 {
			fmt.Fprintf(&b, "\t\t%s,\n", forms[(f*100+i)%len(forms)])
		}
		b.WriteString("\t}\n}\n\n")
	}
	return b.String()
}

// BenchmarkAttrkeys runs attrkeys over a package of 10,000 attribute sites
// (see docs/performance.md); BenchmarkAttrkeysTypeCheck type-checks the same
// package, the work every driver does anyway, as the yardstick.
func BenchmarkAttrkeys(b *testing.B) {
	u, err := passtest.Check(generated(10000))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := u.Run(attrkeys.Analyzer); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAttrkeysTypeCheck(b *testing.B) {
	src := generated(10000)
	for b.Loop() {
		if _, err := passtest.Check(src); err != nil {
			b.Fatal(err)
		}
	}
}
