// Package netaddr covers network addresses: a person's on the server side
// only.
package netaddr

import (
	"context"
	"net"
	"net/http"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

// The peer of an incoming request is an end user.
func serve(w http.ResponseWriter, r *http.Request) {
	span := trace.SpanFromContext(r.Context())
	span.SetAttributes(
		attribute.String("remote_addr", r.RemoteAddr),  // want `attribute "remote_addr" records personal data \(network-identity: remote addr\).*\(TL402\)`
		attribute.String("app.peer", r.RemoteAddr),     // want `the value r.RemoteAddr of attribute "app.peer" is personal data \(network-identity: remote addr\).*\(TL403\)`
		attribute.String("remote_addr", clientAddr(r)), // want `attribute "remote_addr" records personal data.*\(TL402\)`
		attribute.String("remote_addr", forwarded()),   // want `attribute "remote_addr" records personal data.*\(TL402\)`
	)
}

func clientAddr(r *http.Request) string { return r.RemoteAddr }

func forwarded() string { return "" }

// So is the peer of an accepted connection.
func accept(ln net.Listener, span trace.Span) {
	conn, err := ln.Accept()
	if err != nil {
		return
	}
	remoteAddr := conn.RemoteAddr().String()
	span.SetAttributes(attribute.String("app.peer", remoteAddr)) // want `the value remoteAddr of attribute "app.peer" is personal data \(network-identity: remote addr\).*\(TL403\)`
}

// The peer of a connection the code dialled is a server.
func dial(ctx context.Context, span trace.Span, target, contactEmail string) error {
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", target)
	if err != nil {
		return err
	}
	defer conn.Close()
	span.SetAttributes(
		attribute.String("remote_addr", conn.RemoteAddr().String()), // ok: the server dialled
		attribute.String("app.peer", conn.RemoteAddr().String()),    // ok: the same

		attribute.String("server.address", contactEmail), // want `the value contactEmail of attribute "server.address" is personal data \(contact: email\).*\(TL403\)`
	)
	return nil
}

// In client code, whatever the address is called, it is the server's.
type client struct{ remoteAddr, owner string }

func (c *client) call(span trace.Span) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", c.remoteAddr)
	if err != nil {
		return err
	}
	defer conn.Close()
	span.SetAttributes(
		attribute.String("app.upstream", c.remoteAddr), // ok: the function dials and serves nothing
		attribute.String("user.email", c.owner),        // want `attribute "user.email" records personal data \(contact: user.email\).*\(TL402\)`
	)
	return nil
}

// A proxy accepts and dials: the peer it accepted is still a person.
func proxy(ln net.Listener, span trace.Span, backend string) error {
	conn, err := ln.Accept()
	if err != nil {
		return err
	}
	upstream, err := net.Dial("tcp", backend)
	if err != nil {
		return err
	}
	defer upstream.Close()
	remoteAddr := conn.RemoteAddr().String()
	upstreamRemoteAddr := upstream.RemoteAddr().String()
	client := conn
	host, _, _ := net.SplitHostPort(remoteAddr)
	span.SetAttributes(
		attribute.String("app.peer", remoteAddr),                        // want `the value remoteAddr of attribute "app.peer" is personal data \(network-identity: remote addr\).*\(TL403\)`
		attribute.String("app.backend_peer", upstreamRemoteAddr),        // ok: the server dialled
		attribute.String("remote_addr", upstream.RemoteAddr().String()), // ok: the same, under a person's key
		attribute.String("remote_addr", client.RemoteAddr().String()),   // want `attribute "remote_addr" records personal data.*\(TL402\)`
		attribute.String("remote_addr", host),                           // want `attribute "remote_addr" records personal data.*\(TL402\)`
	)
	return nil
}

// An address outside any function is judged by its key.
var defaultPeer = "10.0.0.1"

var peerAttr = attribute.String("remote_addr", defaultPeer) // want `attribute "remote_addr" records personal data.*\(TL402\)`

// A handler that calls an upstream serves a request: its peer is a person.
func relay(w http.ResponseWriter, r *http.Request) {
	span := trace.SpanFromContext(r.Context())
	upstream, err := net.Dial("tcp", "backend:80")
	if err != nil {
		return
	}
	defer upstream.Close()
	span.SetAttributes(attribute.String("app.peer", r.RemoteAddr)) // want `the value r.RemoteAddr of attribute "app.peer" is personal data.*\(TL403\)`
}
