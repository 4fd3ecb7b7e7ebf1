// Package peer emits semantic conventions v1.20.0, where
// net.sock.peer.addr is current. Its keys count in peer itself, not in the
// tests of other packages that import it.
package peer

import (
	semconv "go.opentelemetry.io/otel/semconv/v1.20.0"
	"go.opentelemetry.io/otel/trace"
)

// Record records the peer's address.
func Record(span trace.Span, addr string) {
	span.SetAttributes(semconv.NetSockPeerAddr(addr))
}
