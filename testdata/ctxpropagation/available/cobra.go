package available

import (
	stdctx "context"

	"github.com/spf13/cobra"
	"github.com/urfave/cli/v3"
)

// A command line command's context is the process's, made in main from a
// root: it carries no request's trace, in Run and RunE as in a constructor
// (where it is still nil).
func runE(cmd *cobra.Command, args []string) error {
	use(stdctx.Background()) // ok: a command's context carries no trace
	return nil
}

func newCommand(parent *cobra.Command) *cobra.Command {
	sub := &cobra.Command{Use: "sub"}
	use(stdctx.Background()) // ok: parent.Context() is nil here
	parent.AddCommand(sub)
	return sub
}

func newRunCommand() *cobra.Command {
	return &cobra.Command{
		Use: "run",
		RunE: func(cmd *cobra.Command, args []string) error {
			use(stdctx.TODO()) // ok
			return nil
		},
	}
}

// A function the command calls with a context of its own is judged like
// any other: its caller may be a request.
func serve(ctx stdctx.Context) {
	use(stdctx.Background()) // want `although "ctx" is in scope`
}

// urfave/cli v3's Action gets the process's context too.
var serveCommand = &cli.Command{
	Name: "serve",
	Action: func(ctx stdctx.Context, cmd *cli.Command) error {
		use(stdctx.Background()) // ok: a command's context carries no trace
		return nil
	},
}
