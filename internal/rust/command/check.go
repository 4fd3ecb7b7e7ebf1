package command

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/tracelint/tracelint/internal/finding"
	"github.com/tracelint/tracelint/internal/report"
	"github.com/tracelint/tracelint/internal/rust/syntax"
)

// analyzerName is the Analyzer of the findings the command makes itself:
// internal errors.
const analyzerName = "tracelint rust"

// checkAll checks files with up to jobs workers, each with its own parser
// (a parser is not safe for concurrent use), and records in each file its
// findings or its error. It fails only when a parser cannot be made.
func (r *run) checkAll(files []*file, jobs int) error {
	n := min(jobs, len(files))
	parsers := make([]syntax.Parser, 0, n)
	for range n {
		p, err := r.newParser()
		if err != nil {
			for _, p := range parsers {
				p.Close()
			}
			return err
		}
		parsers = append(parsers, p)
	}
	// With TRACELINT_NO_RECOVER set, as for the Go analyzers
	// (report.Guard), a panic goes through, with its whole stack.
	recovers := os.Getenv("TRACELINT_NO_RECOVER") == ""
	next := make(chan *file)
	var wg sync.WaitGroup
	for _, p := range parsers {
		wg.Go(func() {
			defer p.Close()
			for f := range next {
				checkFile(p, f, recovers)
			}
		})
	}
	for _, f := range files {
		next <- f
	}
	close(next)
	wg.Wait()
	return nil
}

// checkFile reads, parses and checks f. A panic becomes an internal-error
// finding on f, and the worker goes on with the next file with the same
// parser: a panic can only come from Go code, the tree's conversion or
// the lints, after tree-sitter has finished with the source (a fault in
// its C code would end the process).
func checkFile(p syntax.Parser, f *file, recovers bool) {
	src, err := os.ReadFile(f.abs)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // named below as the user named the file
		}
		f.err = fmt.Errorf("%s: %v", f.rel, err)
		return
	}
	if recovers {
		defer func() {
			if v := recover(); v != nil {
				f.findings = []finding.Finding{internalError(f.rel, v, debug.Stack())}
			}
		}()
	}
	root, err := p.Parse(src)
	if err != nil {
		f.err = fmt.Errorf("%s: %v", f.rel, err)
		return
	}
	f.findings = f.checker.File(f.rel, src, root)
}

// internalError is the finding of a panic, v, while checking the file
// named name, at the start of the file, as report.Guard reports one of a
// Go analyzer at the package clause.
func internalError(name string, v any, stack []byte) finding.Finding {
	pos := finding.Position{File: name, Line: 1, Column: 1}
	return finding.Finding{
		Rule:     report.InternalErrorCategory,
		Analyzer: analyzerName,
		Pos:      pos,
		End:      pos,
		Message: fmt.Sprintf("internal error: tracelint rust stopped on file %s: %v; please report it with this file's code (%s)",
			name, v, report.FirstFrames(stack, func(fn string) bool {
				return strings.HasPrefix(fn, "github.com/tracelint/tracelint/internal/rust/command.")
			})),
	}
}
