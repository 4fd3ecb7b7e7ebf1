package main

import (
	"os"

	"github.com/tracelint/tracelint/internal/rust/command"
)

func init() { subcommands["rust"] = rustMain }

// rustMain runs `tracelint rust` (internal/rust/command) and returns the
// exit code.
func rustMain(args []string) int {
	return command.Main(args, os.Stdout, os.Stderr)
}
