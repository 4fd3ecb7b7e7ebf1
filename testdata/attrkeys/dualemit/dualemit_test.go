package dualemit_test

import (
	"testing"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace/noop"

	"example.com/tracelinttest/attrkeys/dualemit"
	"example.com/tracelinttest/attrkeys/dualemit/peer"
)

// A test table compares against what the package emits, old keys included.
func TestBoth(t *testing.T) {
	want := []attribute.KeyValue{
		attribute.String("http.method", "GET"),         // ok: dualemit imports v1.12.0, where it is current
		attribute.String("http.request.method", "GET"), // ok
		// current in peer's v1.20.0, but peer is not the package under test
		attribute.String("net.sock.peer.addr", ""), /* fix */ // want `attribute key "net.sock.peer.addr" is deprecated.*\(TL303\)`
	}
	_ = want
	_, span := noop.NewTracerProvider().Tracer("t").Start(t.Context(), "t")
	dualemit.Emit(span, "GET")
	peer.Record(span, "10.0.0.1")
}
