package otelapi

import "testing"

func TestFuncPackage(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"example.com/x/tracing.Start", "example.com/x/tracing"},
		{"(*example.com/x/tracing.Tracer).Start", "example.com/x/tracing"},
		{"(example.com/x.T).M", "example.com/x"},
		{"gopkg.in/DataDog/dd-trace-go.v1/ddtrace/tracer.StartSpan", "gopkg.in/DataDog/dd-trace-go.v1/ddtrace/tracer"},
		{"os.Exit", "os"},
	} {
		if got := FuncPackage(tc.name); got != tc.want {
			t.Errorf("FuncPackage(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestTablesIndexShortNames(t *testing.T) {
	for _, name := range []string{"Start", "StartSpan", "StartSpanFromContext", "StartChild"} {
		if !starterTable.names[name] {
			t.Errorf("starter table lacks short name %q", name)
		}
	}
	if !noReturnTable.names["Fatalf"] || !getterTable.names["SpanFromContext"] {
		t.Error("short-name index is incomplete")
	}
}
