package values

import (
	"net"
	"net/http"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

// A connection's remote address in client code is the server's: under a
// key about machines it is not personal data, whatever the Go expression
// is called. The peer of an incoming request is an end user's.
func addresses(span trace.Span, conn net.Conn, r *http.Request) {
	remoteAddr, localIP := conn.RemoteAddr().String(), conn.LocalAddr().String()
	span.SetAttributes(
		attribute.String("server.address", remoteAddr), // ok: the server the client dialled
		attribute.String("host.ip", localIP),           // ok
		attribute.String("peer", r.RemoteAddr),         // want `the value r.RemoteAddr of attribute "peer" is.*\(TL403\)`
	)
}
