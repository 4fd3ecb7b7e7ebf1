package piiattrs_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tracelint/tracelint/analyzers/piiattrs"
	"github.com/tracelint/tracelint/internal/passtest"
)

// generated returns a package of n attribute sites in functions of 100, in
// turn: neutral keys and values, personal-data keys, look-alikes, values
// named for personal data under neutral keys, and span names.
func generated(n int) string {
	forms := []string{
		`attribute.String("order.id", o.ID)`,
		`attribute.String("user.email", o.Email)`,
		`attribute.Int("notify.email_count", 3)`,
		`attribute.String("order.contact", o.Email)`,
		`attribute.String("customer.first_name", fmt.Sprintf("%s", o.Name))`,
		`attribute.String("payment.card_brand", o.Brand)`,
		`attribute.StringSlice("order.tags", []string{o.ID, o.Brand})`,
		`attribute.Key("http.request.header.authorization").String(o.ID)`,
	}
	var b strings.Builder
	b.WriteString("package odd\n\nimport (\n\t\"fmt\"\n\t\"go.opentelemetry.io/otel/attribute\"\n)\n\n")
	b.WriteString("type order struct{ ID, Email, Name, Brand string }\n\n")
	for f := range n / 100 {
		fmt.Fprintf(&b, "func f%d(o order) []attribute.KeyValue {\n\treturn []attribute.KeyValue{\n", f)
		for i := range 100 {
			fmt.Fprintf(&b, "\t\t%s,\n", forms[(f*100+i)%len(forms)])
		}
		b.WriteString("\t}\n}\n\n")
	}
	return b.String()
}

// BenchmarkPiiattrs runs piiattrs over a package of 10,000 attribute sites
// (see docs/performance.md); BenchmarkPiiattrsTypeCheck type-checks the
// same package, the work every driver does anyway, as the yardstick.
func BenchmarkPiiattrs(b *testing.B) {
	u, err := passtest.Check(generated(10000))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := u.Run(piiattrs.Analyzer); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPiiattrsTypeCheck(b *testing.B) {
	src := generated(10000)
	for b.Loop() {
		if _, err := passtest.Check(src); err != nil {
			b.Fatal(err)
		}
	}
}
