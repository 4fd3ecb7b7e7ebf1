// Package codes is a test stand-in for google.golang.org/grpc/codes.
package codes

// Code is a gRPC status code.
type Code uint32

// NotFound means a requested entity was not found.
const NotFound Code = 5
