// Package clicmdv3 is a command's wiring that imports urfave/cli by a
// versioned path only.
package clicmdv3

import (
	stdctx "context"

	"github.com/urfave/cli/v3"
)

func use(stdctx.Context) {}

// A function's context parameter is the process's context here too.
func serve(ctx stdctx.Context) {
	use(stdctx.Background()) // ok: the process's context carries no trace
}

// urfave/cli v3's Action gets the process's context too.
var serveCommand = &cli.Command{
	Name: "serve",
	Action: func(ctx stdctx.Context, cmd *cli.Command) error {
		use(stdctx.Background()) // ok: a command's context carries no trace
		return nil
	},
}
