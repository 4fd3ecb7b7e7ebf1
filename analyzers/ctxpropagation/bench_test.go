package ctxpropagation_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tracelint/tracelint/analyzers/ctxpropagation"
	"github.com/tracelint/tracelint/internal/passtest"
)

// generated returns a package of funcs functions with size statements
// each: every statement declares a local and calls a function, and every
// tenth calls context.Background() where ctx is in scope, so that the
// search for the available context runs over ever larger scopes.
func generated(funcs, size int) string {
	var b strings.Builder
	b.WriteString("package odd\n\nimport \"context\"\n\n")
	b.WriteString("func work(context.Context, int) int { return 0 }\n\n")
	b.WriteString("func helper(n int) int { return n }\n\n")
	for f := range funcs {
		fmt.Fprintf(&b, "func f%d(ctx context.Context) int {\n\tv0 := 0\n", f)
		for i := 1; i < size; i++ {
			if i%10 == 0 {
				fmt.Fprintf(&b, "\tv%d := work(context.Background(), v%d)\n", i, i-1)
				continue
			}
			fmt.Fprintf(&b, "\tv%d := helper(v%d) + work(ctx, v%d)\n", i, i-1, i-1)
		}
		fmt.Fprintf(&b, "\treturn v%d\n}\n\n", size-1)
	}
	return b.String()
}

// BenchmarkCtxpropagation runs ctxpropagation over packages of 20,000
// statements split into functions of different sizes (see
// docs/performance.md).
func BenchmarkCtxpropagation(b *testing.B) {
	const total = 20000
	for _, size := range []int{20, 100, 400, 2000} {
		u, err := passtest.Check(generated(total/size, size))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("stmts-per-func=%d", size), func(b *testing.B) {
			for b.Loop() {
				if _, err := u.Run(ctxpropagation.Analyzer); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkTypeCheckReference parses and type-checks the 100-statement
// package of BenchmarkCtxpropagation, the work every analysis driver does
// anyway, as the yardstick for the analyzer's own cost.
func BenchmarkTypeCheckReference(b *testing.B) {
	src := generated(200, 100)
	for b.Loop() {
		if _, err := passtest.Check(src); err != nil {
			b.Fatal(err)
		}
	}
}
