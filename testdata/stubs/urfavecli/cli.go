// Package cli is a stub of the part of github.com/urfave/cli/v3 that the
// tests need.
package cli

import "context"

// Command is a command line command; its Action gets the process's context.
type Command struct {
	Name   string
	Action func(ctx context.Context, cmd *Command) error
}
