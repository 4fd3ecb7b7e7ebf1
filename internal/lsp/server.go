// Package lsp is tracelint's language server: editors run it beside gopls
// (which runs no third-party analyzers) to see tracelint's findings as they
// edit, with related places attached and suggested fixes as code actions.
//
// The server speaks the Language Server Protocol over one stream, with the
// protocol types and JSON-RPC connection of go.lsp.dev/protocol and
// go.lsp.dev/jsonrpc2: both are generated from the protocol's meta-model
// (3.18), kept up to date, and need no logging framework, unlike the older
// libraries that pin LSP 3.16 or depend on archived modules.
//
// On didOpen and didSave, and shortly after the last didChange, it analyses
// the file's package (tests included) with the open buffers as overlays,
// using the analyzers and configuration of tracelint ./..., and publishes
// the findings of every file of the package. Results are kept per package
// until a file changes; any change also clears what the analyzers remember
// of module sources, since an edit in one package (a span wrapper) changes
// findings in another (its callers).
package lsp

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"golang.org/x/tools/go/analysis"

	"github.com/tracelint/tracelint/internal/config"
)

// Options configure a Server.
type Options struct {
	// Config is the configuration file for every package; empty, each
	// package uses the .tracelint.yml between its directory and its module
	// root, as tracelint ./... does.
	Config string
	// RuleIDs are the IDs a configuration may name.
	RuleIDs []string
	// Analyzers builds the analyzers from a configuration source.
	Analyzers func(config.Source) []*analysis.Analyzer
	// Debounce is how long after the last change an unsaved buffer is
	// analysed; zero means 400ms.
	Debounce time.Duration
	// Log receives one line per analysis and per problem; nil discards.
	Log *log.Logger
}

// Server is the state of one editor session.
type Server struct {
	protocol.UnimplementedServer

	opts      Options
	src       *source
	analyzers []*analysis.Analyzer
	log       *log.Logger

	mu        sync.Mutex
	client    protocol.Client
	conn      jsonrpc2.Conn
	docs      map[string][]byte      // open buffers by file name
	results   map[string]*result     // by package directory
	published map[string]bool        // files last published with findings
	gen       map[string]int         // analyses requested, by package directory
	timers    map[string]*time.Timer // pending analyses, by package directory
	findings  map[string][]finding   // last published, by file name
	stale     bool                   // files changed since the analyzers' memory was dropped
	running   sync.Mutex             // one analysis at a time bounds memory
	overlay   map[string][]byte      // the buffers of the running analysis
	pending   sync.WaitGroup
}

// New returns a Server.
func New(opts Options) *Server {
	if opts.Debounce == 0 {
		opts.Debounce = 400 * time.Millisecond
	}
	lg := opts.Log
	if lg == nil {
		lg = log.New(io.Discard, "", 0)
	}
	s := &Server{
		opts:      opts,
		src:       newSource(opts.Config, opts.RuleIDs),
		log:       lg,
		docs:      make(map[string][]byte),
		results:   make(map[string]*result),
		published: make(map[string]bool),
		gen:       make(map[string]int),
		timers:    make(map[string]*time.Timer),
		findings:  make(map[string][]finding),
	}
	s.analyzers = readingOverlay(opts.Analyzers(s.src), func() map[string][]byte { return s.overlay })
	return s
}

// Serve serves one client on rwc until it exits or closes the stream.
func (s *Server) Serve(ctx context.Context, rwc io.ReadWriteCloser) error {
	_, conn, client := protocol.NewServer(ctx, s, jsonrpc2.NewStream(rwc))
	s.mu.Lock()
	s.client, s.conn = client, conn
	s.mu.Unlock()
	<-conn.Done()
	s.mu.Lock()
	for _, t := range s.timers {
		t.Stop()
	}
	s.mu.Unlock()
	if err := conn.Err(); err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrClosedPipe) && !errors.Is(err, os.ErrClosed) {
		return err
	}
	return nil
}

// Initialize announces full-text sync, open/close and save notifications,
// and quick-fix code actions.
func (s *Server) Initialize(context.Context, *protocol.InitializeParams) (*protocol.InitializeResult, error) {
	t := true
	full := protocol.TextDocumentSyncKindFull
	return &protocol.InitializeResult{
		Capabilities: protocol.ServerCapabilities{
			TextDocumentSync: &protocol.TextDocumentSyncOptions{
				OpenClose: &t,
				Change:    &full,
				Save:      &protocol.SaveOptions{IncludeText: &t},
			},
			CodeActionProvider: &protocol.CodeActionOptions{
				CodeActionKinds: []protocol.CodeActionKind{protocol.CodeActionKindQuickFix},
			},
		},
		ServerInfo: protocol.ServerInfo{Name: "tracelint"},
	}, nil
}

// Shutdown stops pending analyses.
func (s *Server) Shutdown(context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for dir, t := range s.timers {
		t.Stop()
		delete(s.timers, dir)
	}
	return nil
}

// Exit closes the connection.
func (s *Server) Exit(context.Context) error {
	s.mu.Lock()
	conn := s.conn
	s.mu.Unlock()
	if conn != nil {
		// Not here: the connection waits for this very handler to return.
		go conn.Close()
	}
	return nil
}

// DidOpen publishes the file's package's findings, analysing it unless a
// result is kept.
func (s *Server) DidOpen(_ context.Context, p *protocol.DidOpenTextDocumentParams) error {
	name, ok := fileName(p.TextDocument.URI)
	if !ok {
		return nil
	}
	text := []byte(p.TextDocument.Text)
	dir := filepath.Dir(name)
	s.mu.Lock()
	s.docs[name] = text
	res := s.results[dir]
	if disk, err := os.ReadFile(name); res != nil && (err != nil || !bytes.Equal(disk, text)) {
		s.invalidateLocked() // the result was made from the file on disk
		res = nil
	}
	s.mu.Unlock()
	if res != nil {
		s.publish(res)
		return nil
	}
	s.schedule(dir, 0)
	return nil
}

// DidChange keeps the buffer and analyses it after a pause in typing.
func (s *Server) DidChange(_ context.Context, p *protocol.DidChangeTextDocumentParams) error {
	name, ok := fileName(p.TextDocument.URI)
	if !ok {
		return nil
	}
	s.mu.Lock()
	for _, c := range p.ContentChanges {
		if whole, ok := c.(*protocol.TextDocumentContentChangeWholeDocument); ok {
			s.docs[name] = []byte(whole.Text)
		}
	}
	s.invalidateLocked()
	s.mu.Unlock()
	s.scheduleAfterEdit(filepath.Dir(name), s.opts.Debounce)
	return nil
}

// DidSave analyses the saved file's package at once.
func (s *Server) DidSave(_ context.Context, p *protocol.DidSaveTextDocumentParams) error {
	name, ok := fileName(p.TextDocument.URI)
	if !ok {
		return nil
	}
	s.mu.Lock()
	if p.Text != nil {
		s.docs[name] = []byte(*p.Text)
	}
	s.invalidateLocked()
	s.mu.Unlock()
	s.scheduleAfterEdit(filepath.Dir(name), 0)
	return nil
}

// DidClose drops the buffer: the file on disk is the truth again.
func (s *Server) DidClose(_ context.Context, p *protocol.DidCloseTextDocumentParams) error {
	name, ok := fileName(p.TextDocument.URI)
	if !ok {
		return nil
	}
	s.mu.Lock()
	delete(s.docs, name)
	s.invalidateLocked()
	s.mu.Unlock()
	s.scheduleAfterEdit("", s.opts.Debounce)
	return nil
}

// invalidateLocked forgets every result, and has the next analysis start
// by dropping what the analyzers remember (not now: an analysis may be
// running); s.mu is held.
func (s *Server) invalidateLocked() {
	clear(s.results)
	s.stale = true
}

// scheduleAfterEdit analyses the edited package in dir (if not empty),
// then every other package with an open file: an edit in one package (a
// span wrapper) may change the findings of another (its callers).
func (s *Server) scheduleAfterEdit(dir string, delay time.Duration) {
	if dir != "" {
		s.schedule(dir, delay)
	}
	s.mu.Lock()
	others := make(map[string]bool)
	for name := range s.docs {
		if d := filepath.Dir(name); d != dir {
			others[d] = true
		}
	}
	s.mu.Unlock()
	for _, d := range slices.Sorted(maps.Keys(others)) {
		s.schedule(d, delay)
	}
}

// schedule analyses the package in dir after delay, replacing an analysis
// of it still waiting.
func (s *Server) schedule(dir string, delay time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gen[dir]++
	g := s.gen[dir]
	if t := s.timers[dir]; t != nil {
		if t.Stop() {
			s.pending.Done()
		}
	}
	s.pending.Add(1)
	s.timers[dir] = time.AfterFunc(delay, func() {
		defer s.pending.Done()
		s.analyze(dir, g)
	})
}

// Wait blocks until no analysis is waiting or running.
func (s *Server) Wait() { s.pending.Wait() }

// analyze runs analysis g of the package in dir and publishes it, unless
// a later one was requested meanwhile.
func (s *Server) analyze(dir string, g int) {
	s.running.Lock()
	defer s.running.Unlock()
	s.mu.Lock()
	if s.gen[dir] != g {
		s.mu.Unlock()
		return
	}
	docs := maps.Clone(s.docs)
	stale := s.stale
	s.stale = false
	s.mu.Unlock()
	if stale {
		s.src.reset() // s.running is held: no analysis reads the caches
	}
	overlay := unsaved(docs)

	start := time.Now()
	res := s.checkSafely(dir, overlay)
	n := 0
	for _, fs := range res.files {
		n += len(fs)
	}
	s.log.Printf("analysed %s in %v: %d diagnostics", dir, time.Since(start).Round(time.Millisecond), n)
	for _, p := range res.problems {
		s.log.Printf("%s: %s", dir, p)
	}

	s.mu.Lock()
	if s.gen[dir] != g {
		s.mu.Unlock()
		return
	}
	s.results[dir] = res
	s.mu.Unlock()
	s.publish(res)
}

// unsaved returns the buffers whose text differs from their file: only
// those need reading in place of the file (see load, which keeps export
// data for the dependencies where it can).
func unsaved(docs map[string][]byte) map[string][]byte {
	var overlay map[string][]byte
	for name, text := range docs {
		if disk, err := os.ReadFile(name); err == nil && bytes.Equal(disk, text) {
			continue
		}
		if overlay == nil {
			overlay = make(map[string][]byte)
		}
		overlay[name] = text
	}
	return overlay
}

// checkSafely is check, with a panic turned into a problem: the server
// outlives any one analysis.
func (s *Server) checkSafely(dir string, overlay map[string][]byte) (res *result) {
	defer func() {
		if r := recover(); r != nil {
			res = &result{files: map[string][]finding{}, problems: []string{"internal error: " + anyString(r)}}
		}
	}()
	s.overlay = overlay // s.running is held
	defer func() { s.overlay = nil }()
	return check(s.analyzers, dir, overlay)
}

// publish sends the findings of every file of res, and an empty list for
// a file of the package published with findings before.
func (s *Server) publish(res *result) {
	s.mu.Lock()
	client := s.client
	for name, fs := range res.files {
		s.findings[name] = fs
	}
	s.mu.Unlock()
	if client == nil {
		return
	}
	for _, name := range slices.Sorted(maps.Keys(res.files)) {
		fs := res.files[name]
		s.mu.Lock()
		was := s.published[name]
		s.published[name] = len(fs) > 0
		s.mu.Unlock()
		if len(fs) == 0 && !was {
			continue
		}
		diags := make([]protocol.Diagnostic, 0, len(fs))
		for _, f := range fs {
			diags = append(diags, toProtocol(f.diag))
		}
		err := client.PublishDiagnostics(context.Background(), &protocol.PublishDiagnosticsParams{
			URI: uri.File(name), Diagnostics: diags,
		})
		if err != nil {
			s.log.Printf("publish %s: %v", name, err)
		}
	}
}

// CodeAction offers, for each finding in the range, its suggested fixes
// and a //nolint directive that silences it.
func (s *Server) CodeAction(_ context.Context, p *protocol.CodeActionParams) ([]protocol.CommandOrCodeAction, error) {
	name, ok := fileName(p.TextDocument.URI)
	if !ok {
		return nil, nil
	}
	s.mu.Lock()
	fs := s.findings[name]
	s.mu.Unlock()
	var actions []protocol.CommandOrCodeAction
	quickfix := protocol.CodeActionKindQuickFix
	for _, f := range fs {
		if !overlaps(f.diag, p.Range) {
			continue
		}
		diag := toProtocol(f.diag)
		for i, fx := range f.fixes {
			preferred := i == 0
			changes := make(map[uri.URI][]protocol.TextEdit)
			for file, edits := range fx.edits {
				for _, e := range edits {
					changes[uri.File(file)] = append(changes[uri.File(file)], toTextEdit(e))
				}
			}
			actions = append(actions, &protocol.CodeAction{
				Title:       fx.title,
				Kind:        &quickfix,
				Diagnostics: []protocol.Diagnostic{diag},
				IsPreferred: &preferred,
				Edit:        &protocol.WorkspaceEdit{Changes: changes},
			})
		}
		if f.silencer != nil {
			actions = append(actions, &protocol.CodeAction{
				Title:       "Silence " + f.diag.rule + " here with //nolint:" + f.diag.rule,
				Kind:        &quickfix,
				Diagnostics: []protocol.Diagnostic{diag},
				Edit: &protocol.WorkspaceEdit{Changes: map[uri.URI][]protocol.TextEdit{
					uri.File(name): {toTextEdit(*f.silencer)},
				}},
			})
		}
	}
	return actions, nil
}

// overlaps reports whether the finding's lines meet those of r: a cursor
// anywhere on a finding's line asks for its actions.
func overlaps(d diagnostic, r protocol.Range) bool {
	return r.Start.Line <= d.to.line && d.from.line <= r.End.Line
}

// fileName returns the file a file: URI names.
func fileName(u uri.URI) (string, bool) {
	if !u.IsFile() {
		return "", false
	}
	return filepath.Clean(u.FsPath()), true
}
