package spanend_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tracelint/tracelint/analyzers/spanend"
	"github.com/tracelint/tracelint/internal/passtest"
)

// generated returns a package of funcs functions, each starting size spans.
// In the "early" shape each span is ended right after its work, on every
// path, and every tenth one leaks on its error path, so the reporting code
// runs too. In the "late" shape the spans stay open until the end of the
// function, so each start's path search crosses the rest of the function:
// the source grows linearly with size, the search quadratically.
func generated(funcs, size int, late bool) string {
	var b strings.Builder
	b.WriteString("package odd\n\nimport (\n\t\"context\"\n\n\t\"go.opentelemetry.io/otel/trace\"\n)\n\n")
	b.WriteString("func work(context.Context) error { return nil }\n\n")
	for f := range funcs {
		fmt.Fprintf(&b, "func f%d(ctx context.Context, tr trace.Tracer) error {\n", f)
		for i := range size {
			fmt.Fprintf(&b, "\tctx, s%d := tr.Start(ctx, \"op\")\n", i)
			if late {
				fmt.Fprintf(&b, "\tif work(ctx) != nil {\n\t\ts%d.AddEvent(\"failed\")\n\t}\n", i)
				continue
			}
			fmt.Fprintf(&b, "\tif err := work(ctx); err != nil {\n")
			if i%10 != 0 {
				fmt.Fprintf(&b, "\t\ts%d.End()\n", i)
			}
			fmt.Fprintf(&b, "\t\treturn err\n\t}\n\ts%d.End()\n", i)
		}
		if late {
			for i := range size {
				fmt.Fprintf(&b, "\ts%d.End()\n", i)
			}
		}
		b.WriteString("\treturn nil\n}\n\n")
	}
	return b.String()
}

// BenchmarkSpanend runs spanend over packages of 2,000 span starts split
// into functions of different sizes, to show how the cost grows with
// function size (see docs/performance.md).
func BenchmarkSpanend(b *testing.B) {
	const total = 2000
	for _, shape := range []string{"early", "late"} {
		for _, size := range []int{5, 20, 100, 400} {
			u, err := passtest.Check(generated(total/size, size, shape == "late"))
			if err != nil {
				b.Fatal(err)
			}
			b.Run(fmt.Sprintf("%s/spans-per-func=%d", shape, size), func(b *testing.B) {
				for b.Loop() {
					if _, err := u.Run(spanend.Analyzer); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/total, "ns/start")
			})
		}
	}
}

// BenchmarkTypeCheckReference type-checks the package of
// BenchmarkSpanend/early/spans-per-func=20, the work every driver does
// before any analyzer runs: spanend's cost is best read against it.
func BenchmarkTypeCheckReference(b *testing.B) {
	src := generated(100, 20, false)
	for b.Loop() {
		if _, err := passtest.Check(src); err != nil {
			b.Fatal(err)
		}
	}
}
