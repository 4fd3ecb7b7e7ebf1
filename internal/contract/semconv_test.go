package contract

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tracelint/tracelint/internal/testenv"
)

// modelDir is the semantic conventions model that semconv_table.go is
// generated from (see the go:generate line in semconv.go).
const modelDir = "../../../shared/otel-semconv/model"

func TestSemconvTableIsGenerated(t *testing.T) {
	if _, err := os.Stat(modelDir); err != nil {
		testenv.Missing(t, "the semconv model is not beside this checkout ("+err.Error()+"); the table cannot be regenerated here")
	}
	want, err := GenerateTable(modelDir)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("semconv_table.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("semconv_table.go is stale; run go generate ./internal/contract")
	}
}

func TestSemconvSpotChecks(t *testing.T) {
	sc := Semconv()
	if sc.Len() < 900 {
		t.Errorf("the bundled table holds %d keys; the 1.45 model has over 900", sc.Len())
	}
	for _, tt := range []struct {
		key, typ, stability, deprecated string
	}{
		{"http.request.method", "enum of string", "stable", ""},
		{"http.response.status_code", "int", "stable", ""},
		{"server.port", "int", "stable", ""},
		{"url.full", "string", "stable", ""},
		{"error.type", "enum of string", "stable", ""},
		{"http.request.header", "template[string[]]", "stable", ""},
		{"http.request.header.x-request-id", "template[string[]]", "stable", ""},
		{"rpc.grpc.status_code", "enum of int", "", "uncategorized: Use string representation of the gRPC status code on the `rpc.status_code` attribute."},
		{"db.query.text", "string", "", ""},
		{"process.command_args", "string[]", "", ""},
		{"http.method", "string", "", "renamed to http.request.method"},
		{"http.status_code", "int", "", "renamed to http.response.status_code"},
		{"net.peer.name", "string", "", "uncategorized: Replaced by `server.address` on client spans and `client.address` on server spans."},
		{"enduser.role", "string", "", "uncategorized: Use `user.roles` instead."},
		{"enduser.scope", "string", "", "obsoleted: Removed, no replacement at this time."},
	} {
		a, ok := sc.Lookup(tt.key)
		if !ok {
			t.Errorf("%s: not in the bundled table", tt.key)
			continue
		}
		if got := a.Type.String(); got != tt.typ {
			t.Errorf("%s: type %s, want %s", tt.key, got, tt.typ)
		}
		if tt.stability != "" && a.Stability != tt.stability {
			t.Errorf("%s: stability %q, want %q", tt.key, a.Stability, tt.stability)
		}
		if got := describeDeprecation(a.Deprecated); got != tt.deprecated {
			t.Errorf("%s: deprecated %q, want %q", tt.key, got, tt.deprecated)
		}
	}
	method, _ := sc.Lookup("http.request.method")
	if got := memberValues(method.Type); got != "CONNECT DELETE GET HEAD OPTIONS PATCH POST PUT TRACE QUERY _OTHER" {
		t.Errorf("http.request.method members = %s", got)
	}
	if _, ok := sc.Lookup("http.request.methd"); ok {
		t.Error("http.request.methd is found")
	}
	if near, _ := sc.Nearest("http.request.methd"); near != "http.request.method" {
		t.Errorf(`Nearest("http.request.methd") = %q`, near)
	}
}

func BenchmarkSemconvBuild(b *testing.B) {
	for b.Loop() {
		New(semconvTable)
	}
}

// BenchmarkLoadRegistry1000 loads a v1 registry of 1,000 attributes, every
// tenth an enum and every twentieth deprecated, in ten files.
func BenchmarkLoadRegistry1000(b *testing.B) {
	dir := b.TempDir()
	for f := range 10 {
		var src strings.Builder
		src.WriteString("groups:\n")
		fmt.Fprintf(&src, "  - id: registry.bench%d\n    type: attribute_group\n    brief: Benchmark attributes.\n    attributes:\n", f)
		for i := range 100 {
			n := f*100 + i
			fmt.Fprintf(&src, "      - id: bench.ns%d.attr_%d\n        stability: development\n        brief: Attribute %d.\n", f, n, n)
			switch {
			case n%10 == 0:
				src.WriteString("        type:\n          members:\n            - id: a\n              value: a\n            - id: b\n              value: b\n")
			default:
				src.WriteString("        type: string\n")
			}
			if n%20 == 5 {
				fmt.Fprintf(&src, "        deprecated:\n          reason: renamed\n          renamed_to: bench.ns%d.attr_%d\n", f, n-1)
			}
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%d.yaml", f)), []byte(src.String()), 0o600); err != nil {
			b.Fatal(err)
		}
	}
	sc := Semconv()
	for b.Loop() {
		c, err := Load([]string{dir}, sc)
		if err != nil {
			b.Fatal(err)
		}
		if c.Len() != 1000 {
			b.Fatalf("loaded %d attributes, want 1000", c.Len())
		}
	}
}
