// Package metadata is a stub of google.golang.org/grpc/metadata.
package metadata

import "context"

// MD is a set of metadata pairs.
type MD map[string][]string

// NewOutgoingContext returns a context with md attached for outgoing calls.
func NewOutgoingContext(ctx context.Context, md MD) context.Context { return ctx }

// AppendToOutgoingContext returns a context with kv appended to its outgoing metadata.
func AppendToOutgoingContext(ctx context.Context, kv ...string) context.Context { return ctx }

// FromOutgoingContext returns the outgoing metadata in ctx.
func FromOutgoingContext(ctx context.Context) (MD, bool) { return nil, false }
