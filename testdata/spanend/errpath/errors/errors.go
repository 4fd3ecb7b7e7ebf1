// Package errors is a team's own error package: its New always returns an
// error.
package errors

import "fmt"

// New returns an error with the message msg.
func New(msg string) error { return fmt.Errorf("%s", msg) }
