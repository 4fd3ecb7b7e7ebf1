package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"

	"github.com/tracelint/tracelint"
	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/lsp"
)

// lspMain runs tracelint lsp: the language server, over stdin and stdout.
func lspMain(args []string) int {
	fs := flag.NewFlagSet("tracelint lsp", flag.ContinueOnError)
	cfgPath := fs.String("config", "", "the configuration file; by default each package uses the "+
		config.FileName+" found between its directory and its module root")
	logPath := fs.String("log", "", "append a line per analysis to this file")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: tracelint lsp [-config FILE] [-log FILE]\n\n"+
			"Serves tracelint's findings to an editor over the Language Server Protocol on\n"+
			"stdin and stdout; run it beside gopls (see docs/editors.md).\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	logger := log.New(io.Discard, "", 0)
	if *logPath != "" {
		f, err := os.OpenFile(*logPath, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
		if err != nil {
			fmt.Fprintf(os.Stderr, "tracelint lsp: %v\n", err)
			return 1
		}
		defer f.Close()
		logger = log.New(f, "tracelint lsp: ", log.LstdFlags)
	}
	srv := lsp.New(lsp.Options{
		Config:    *cfgPath,
		RuleIDs:   tracelint.RuleIDs(),
		Analyzers: tracelint.Analyzers,
		Log:       logger,
	})
	if err := srv.Serve(context.Background(), stdio{}); err != nil {
		fmt.Fprintf(os.Stderr, "tracelint lsp: %v\n", err)
		return 1
	}
	return 0
}

// stdio is the server's stream: requests on stdin, replies on stdout.
type stdio struct{}

func (stdio) Read(p []byte) (int, error)  { return os.Stdin.Read(p) }
func (stdio) Write(p []byte) (int, error) { return os.Stdout.Write(p) }
func (stdio) Close() error                { return os.Stdin.Close() }
