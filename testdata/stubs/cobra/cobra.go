// Package cobra is a stub of the part of github.com/spf13/cobra that
// ctxpropagation's tests need: a command whose Context is nil until it runs.
package cobra

import "context"

// Command is a command line command.
type Command struct {
	Use  string
	RunE func(cmd *Command, args []string) error
	ctx  context.Context
}

// Context returns the context the command executes with, nil before.
func (c *Command) Context() context.Context { return c.ctx }

// AddCommand adds sub-commands.
func (c *Command) AddCommand(cmds ...*Command) {}

// PositionalArgs validates a command's arguments.
type PositionalArgs func(cmd *Command, args []string) error
