package available

import (
	stdctx "context"

	"github.com/spf13/cobra"
)

// A command's Context is the running command's context inside Run and
// RunE (which take the arguments too)...
func runE(cmd *cobra.Command, args []string) error {
	use(stdctx.Background()) // want `although "cmd" is in scope; pass cmd.Context\(\)`
	return nil
}

// ...but nil in a constructor or helper that is handed a command before
// it executes.
func newCommand(parent *cobra.Command) *cobra.Command {
	sub := &cobra.Command{Use: "sub"}
	use(stdctx.Background()) // ok: parent.Context() is nil here
	parent.AddCommand(sub)
	return sub
}

// A RunE literal in a constructor sees its own command.
func newRunCommand() *cobra.Command {
	return &cobra.Command{
		Use: "run",
		RunE: func(cmd *cobra.Command, args []string) error {
			use(stdctx.TODO()) // want `although "cmd" is in scope; pass cmd.Context\(\)`
			return nil
		},
	}
}
