// Package grpc is a stub of the part of google.golang.org/grpc that the
// tests need.
package grpc

import "context"

// ClientConn is a client connection.
type ClientConn struct{}

// DialOption configures a connection.
type DialOption interface{}

// Dial dials target without a context (deprecated upstream).
func Dial(target string, opts ...DialOption) (*ClientConn, error) { return &ClientConn{}, nil }

// DialContext dials target (deprecated upstream).
func DialContext(ctx context.Context, target string, opts ...DialOption) (*ClientConn, error) {
	return &ClientConn{}, ctx.Err()
}

// NewClient creates a connection that dials lazily.
func NewClient(target string, opts ...DialOption) (*ClientConn, error) { return &ClientConn{}, nil }
