// Package clicmd is a command's wiring outside a cmd directory: it imports a
// command-line framework.
package clicmd

import (
	stdctx "context"
	"net/http"

	"github.com/spf13/cobra"
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

func use(stdctx.Context) {}

// In a package that imports a command-line framework, a function's context
// parameter is the process's context, which the command passed on.
func serve(ctx stdctx.Context) {
	use(stdctx.Background()) // ok: the process's context carries no trace
}

// A handler written in such a package still serves a request.
func handle(w http.ResponseWriter, r *http.Request) {
	use(stdctx.Background()) /* fix */ // want `starts a new trace although "r" is in scope.*TL101`
}

// Only the framework's Command marks a command: a handler that takes another
// of its types still serves a request.
func handleChecked(check cobra.PositionalArgs, w http.ResponseWriter, r *http.Request) {
	use(stdctx.Background()) /* fix */ // want `starts a new trace although "r" is in scope.*TL101`
}
