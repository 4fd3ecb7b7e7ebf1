// Package status is a test stand-in for google.golang.org/grpc/status.
package status

import (
	"errors"

	"google.golang.org/grpc/codes"
)

// Error returns an error with code c and message msg.
func Error(c codes.Code, msg string) error { return errors.New(msg) }
