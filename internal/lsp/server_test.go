package lsp_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/tracelint/tracelint"
	"github.com/tracelint/tracelint/internal/lsp"
	"github.com/tracelint/tracelint/internal/testmodule"
)

// TestProtocol drives the server over a pair of pipes, as an editor does
// over its stdio: it opens a file with known findings, checks the
// diagnostics (codes, links, related places), asks for code actions,
// applies a //nolint action to the unsaved buffer and the suggested fix
// with a save, edits a span wrapper in another package and sees the
// caller's finding follow, and breaks the package's types.
func TestProtocol(t *testing.T) {
	dir := NewModule(t)
	app := filepath.Join(dir, "app", "app.go")
	wrap := filepath.Join(dir, "wrap", "wrap.go")
	ed := StartEditor(t, dir)

	ed.Open(app, AppSource)
	diags := ed.WaitFor(app, func(ds []protocol.Diagnostic) bool { return len(ds) > 0 })
	if got := Summary(diags); got != "TL201@17 TL201@24" {
		t.Fatalf("diagnostics after opening app.go: %s, want TL201@17 TL201@24 (Handle's span from wrap.Start, Store's error path)", got)
	}
	for _, d := range diags {
		if src, _ := d.Source.Get(); src != "tracelint" {
			t.Errorf("source %q, want tracelint", src)
		}
		if !strings.HasSuffix(d.CodeDescription.Href.String(), "TL201.md") {
			t.Errorf("codeDescription.href %q, want the TL201 rule page", d.CodeDescription.Href)
		}
		if len(d.RelatedInformation) != 1 {
			t.Errorf("line %d: %d related places, want 1 (where the span leaks)", d.Range.Start.Line, len(d.RelatedInformation))
		}
	}
	if rel := diags[1].RelatedInformation; len(rel) == 1 && rel[0].Location.Range.Start.Line != 26 {
		t.Errorf("Store's related place is on line %d, want 26 (the return)", rel[0].Location.Range.Start.Line)
	}

	handle, store := diags[0], diags[1]
	if got := Titles(ed.CodeActions(app, handle.Range)); got != "Add defer span.End() | Silence TL201 here with //nolint:TL201" {
		t.Errorf("code actions at Handle's finding: %s", got)
	}
	storeActions := ed.CodeActions(app, store.Range)
	if got := Titles(storeActions); got != "Silence TL201 here with //nolint:TL201" {
		t.Fatalf("code actions at Store's finding: %s, want only the //nolint one (a deferred End would end the span twice)", got)
	}

	// The //nolint action, applied to the buffer and not saved: the server
	// analyses the unsaved text after a pause in typing.
	text := Apply(t, AppSource, storeActions[0].(*protocol.CodeAction).Edit.Changes[uri.File(app)])
	if !strings.Contains(text, `tracer.Start(ctx, "store") //nolint:TL201`) {
		t.Fatalf("the //nolint edit gave:\n%s", text)
	}
	ed.Change(app, text)
	if got := Summary(ed.WaitFor(app, Count(1))); got != "TL201@17" {
		t.Fatalf("after //nolint in the unsaved buffer: %s, want TL201@17", got)
	}

	// An edit of the span wrapper in another package changes the finding
	// at its caller, without a restart.
	ed.Open(wrap, WrapStarts)
	ed.Save(wrap, WrapEnds)
	if got := Summary(ed.WaitFor(app, Count(0))); got != "" {
		t.Fatalf("after wrap.Start stopped starting a span: %s, want none", got)
	}
	ed.Save(wrap, WrapStarts)
	if got := Summary(ed.WaitFor(app, Count(1))); got != "TL201@17" {
		t.Fatalf("after wrap.Start started a span again: %s, want TL201@17", got)
	}

	// The suggested fix, applied and saved: the finding goes away.
	actions := ed.CodeActions(app, handle.Range)
	text = Apply(t, text, actions[0].(*protocol.CodeAction).Edit.Changes[uri.File(app)])
	if !strings.Contains(text, "ctx, span := wrap.Start(ctx)\n\tdefer span.End()\n") {
		t.Fatalf("the fix gave:\n%s", text)
	}
	ed.Save(app, text)
	if got := Summary(ed.WaitFor(app, Count(0))); got != "" {
		t.Fatalf("after the fix: %s, want none", got)
	}

	// A package that does not type-check: one diagnostic, an error at the
	// type error's line, and the server goes on.
	broken := strings.Replace(text, "use(ctx)\n\t_ = span", "use(ctx, 1)\n\t_ = span", 1)
	ed.Save(app, broken)
	diags = ed.WaitFor(app, Count(1))
	if diags[0].Severity != protocol.DiagnosticSeverityError || diags[0].Range.Start.Line != 19 ||
		!strings.Contains(string(diags[0].Message.(protocol.String)), "type-checks") {
		t.Fatalf("on a type error: %+v, want one error on line 19 saying the package must type-check", diags[0])
	}
	ed.Save(app, text)
	ed.WaitFor(app, Count(0))
	ed.Close()
}

// AppSource has two TL201 findings: Handle's span from wrap.Start (line
// 18, with a fix) and Store's error path (line 25, without one).
const AppSource = `package app

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel"

	"example.com/tracelinttest/wrap"
)

var tracer = otel.Tracer("app")

func use(context.Context) {}

// Handle starts a span through wrap and never ends it.
func Handle(ctx context.Context) {
	ctx, span := wrap.Start(ctx)
	use(ctx)
	_ = span.IsRecording()
}

// Store leaks its span on the error path.
func Store(ctx context.Context, fail bool) error {
	ctx, span := tracer.Start(ctx, "store")
	if fail {
		return errors.New("failed")
	}
	use(ctx)
	span.End()
	return nil
}
`

// WrapStarts is a span wrapper: its callers must end the span.
const WrapStarts = `package wrap

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

// Start starts a span for the caller to end.
func Start(ctx context.Context) (context.Context, trace.Span) {
	return otel.Tracer("wrap").Start(ctx, "op")
}
`

// WrapEnds keeps Start's signature but starts no span.
const WrapEnds = `package wrap

import (
	"context"

	"go.opentelemetry.io/otel/trace"
)

// Start returns the caller's span; it starts none.
func Start(ctx context.Context) (context.Context, trace.Span) {
	return ctx, trace.SpanFromContext(ctx)
}
`

// NewModule writes a module with app and wrap packages, on the downloaded
// modules of the testdata module, and makes the go command work offline.
func NewModule(t testing.TB) string {
	t.Helper()
	testdata := testmodule.Dir(t)
	dir := t.TempDir()
	for _, name := range []string{"go.mod", "go.sum"} {
		b, err := os.ReadFile(filepath.Join(testdata, name))
		if err != nil {
			t.Fatal(err)
		}
		Write(t, filepath.Join(dir, name), string(b))
	}
	Write(t, filepath.Join(dir, "wrap", "wrap.go"), WrapStarts)
	Write(t, filepath.Join(dir, "app", "app.go"), AppSource)
	t.Setenv("GOFLAGS", "-mod=mod")
	t.Setenv("GOPROXY", "off")
	t.Setenv("GOWORK", "off")
	return dir
}

// Write writes a file, creating its directory.
func Write(t testing.TB, name, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Editor is the client end of a session with an in-process server, over
// two pipes.
type Editor struct {
	t         testing.TB
	server    protocol.Server
	conn      jsonrpc2.Conn
	published chan *protocol.PublishDiagnosticsParams
	versions  map[string]int32
	done      chan error
}

// StartEditor starts a server on pipes and initializes it, with the module
// in dir as its workspace.
func StartEditor(t testing.TB, dir string) *Editor {
	t.Helper()
	toServer, fromClient, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	toClient, fromServer, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	srv := lsp.New(lsp.Options{
		RuleIDs:   tracelint.RuleIDs(),
		Analyzers: tracelint.Analyzers,
		Debounce:  50 * time.Millisecond,
	})
	ed := &Editor{
		t:         t,
		published: make(chan *protocol.PublishDiagnosticsParams, 100),
		versions:  make(map[string]int32),
		done:      make(chan error, 1),
	}
	go func() { ed.done <- srv.Serve(context.Background(), pipe{toServer, fromServer}) }()
	ctx := context.Background()
	_, ed.conn, ed.server = protocol.NewClient(ctx, recorder{published: ed.published}, jsonrpc2.NewStream(pipe{toClient, fromClient}))
	res, err := ed.server.Initialize(ctx, &protocol.InitializeParams{})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := res.Capabilities.CodeActionProvider.(*protocol.CodeActionOptions); !ok {
		t.Fatalf("initialize: code actions not announced: %+v", res.Capabilities)
	}
	if err := ed.server.Initialized(ctx, &protocol.InitializedParams{}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ed.conn.Close() })
	return ed
}

// Open opens a file with the given text.
func (ed *Editor) Open(name, text string) {
	ed.t.Helper()
	ed.versions[name] = 1
	err := ed.server.DidOpen(context.Background(), &protocol.DidOpenTextDocumentParams{
		TextDocument: protocol.TextDocumentItem{URI: uri.File(name), LanguageID: "go", Version: 1, Text: text},
	})
	if err != nil {
		ed.t.Fatal(err)
	}
}

// Change replaces the buffer's text, unsaved.
func (ed *Editor) Change(name, text string) {
	ed.t.Helper()
	ed.versions[name]++
	err := ed.server.DidChange(context.Background(), &protocol.DidChangeTextDocumentParams{
		TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: uri.File(name)}, Version: ed.versions[name]},
		ContentChanges: []protocol.TextDocumentContentChangeEvent{&protocol.TextDocumentContentChangeWholeDocument{Text: text}},
	})
	if err != nil {
		ed.t.Fatal(err)
	}
}

// Save changes the buffer to text, writes it to disk and says so.
func (ed *Editor) Save(name, text string) {
	ed.t.Helper()
	ed.Change(name, text)
	Write(ed.t, name, text)
	err := ed.server.DidSave(context.Background(), &protocol.DidSaveTextDocumentParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: uri.File(name)}, Text: &text,
	})
	if err != nil {
		ed.t.Fatal(err)
	}
}

// CodeActions asks for the code actions in r.
func (ed *Editor) CodeActions(name string, r protocol.Range) []protocol.CommandOrCodeAction {
	ed.t.Helper()
	actions, err := ed.server.CodeAction(context.Background(), &protocol.CodeActionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: uri.File(name)}, Range: r,
	})
	if err != nil {
		ed.t.Fatal(err)
	}
	return actions
}

// WaitFor returns the first diagnostics published for name that satisfy
// ok. It gives up after two minutes, far beyond any analysis here: it
// guards against a hang, it measures nothing.
func (ed *Editor) WaitFor(name string, ok func([]protocol.Diagnostic) bool) []protocol.Diagnostic {
	ed.t.Helper()
	deadline := time.After(2 * time.Minute)
	var last []protocol.Diagnostic
	for {
		select {
		case p := <-ed.published:
			if p.URI != uri.File(name) {
				continue
			}
			last = p.Diagnostics
			if ok(last) {
				return last
			}
		case err := <-ed.done:
			ed.t.Fatalf("the server stopped: %v", err)
		case <-deadline:
			ed.t.Fatalf("no diagnostics for %s as wanted; last published: %s", filepath.Base(name), Summary(last))
		}
	}
}

// Close shuts the server down and waits for it to stop.
func (ed *Editor) Close() {
	ed.t.Helper()
	ctx := context.Background()
	if err := ed.server.Shutdown(ctx); err != nil {
		ed.t.Fatal(err)
	}
	if err := ed.server.Exit(ctx); err != nil {
		ed.t.Fatal(err)
	}
	select {
	case err := <-ed.done:
		if err != nil {
			ed.t.Fatalf("the server stopped with %v", err)
		}
	case <-time.After(time.Minute):
		ed.t.Fatal("the server did not stop after exit")
	}
}

// Count is a WaitFor condition: exactly n diagnostics.
func Count(n int) func([]protocol.Diagnostic) bool {
	return func(ds []protocol.Diagnostic) bool { return len(ds) == n }
}

// Summary writes diagnostics as CODE@LINE (zero-based), sorted.
func Summary(ds []protocol.Diagnostic) string {
	var parts []string
	for _, d := range ds {
		code := "error"
		if c, ok := d.Code.(protocol.String); ok {
			code = string(c)
		}
		parts = append(parts, code+"@"+strconv.Itoa(int(d.Range.Start.Line)))
	}
	sort.Strings(parts)
	return strings.Join(parts, " ")
}

// Titles lists the titles of code actions.
func Titles(actions []protocol.CommandOrCodeAction) string {
	var titles []string
	for _, a := range actions {
		if ca, ok := a.(*protocol.CodeAction); ok {
			titles = append(titles, ca.Title)
		}
	}
	return strings.Join(titles, " | ")
}

// Apply applies text edits to an ASCII text.
func Apply(t testing.TB, text string, edits []protocol.TextEdit) string {
	t.Helper()
	if len(edits) == 0 {
		t.Fatal("no edits to apply")
	}
	offset := func(p protocol.Position) int {
		lines := strings.SplitAfter(text, "\n")
		n := 0
		for i := 0; i < int(p.Line) && i < len(lines); i++ {
			n += len(lines[i])
		}
		return n + int(p.Character)
	}
	sorted := slices.Clone(edits)
	slices.SortFunc(sorted, func(a, b protocol.TextEdit) int { return offset(b.Range.Start) - offset(a.Range.Start) })
	for _, e := range sorted {
		text = text[:offset(e.Range.Start)] + e.NewText + text[offset(e.Range.End):]
	}
	return text
}

// recorder is the editor's side of the protocol: it keeps what the server
// publishes.
type recorder struct {
	protocol.UnimplementedClient
	published chan *protocol.PublishDiagnosticsParams
}

func (r recorder) PublishDiagnostics(_ context.Context, p *protocol.PublishDiagnosticsParams) error {
	r.published <- p
	return nil
}

// pipe joins the read end of one pipe and the write end of another.
type pipe struct {
	r, w *os.File
}

func (p pipe) Read(b []byte) (int, error)  { return p.r.Read(b) }
func (p pipe) Write(b []byte) (int, error) { return p.w.Write(b) }
func (p pipe) Close() error {
	p.w.Close()
	return p.r.Close()
}

// TestBadConfig checks that a broken .tracelint.yml is shown as one error
// naming the file and line, on the file opened, rather than crashing the
// server or showing nothing.
func TestBadConfig(t *testing.T) {
	dir := NewModule(t)
	Write(t, filepath.Join(dir, ".tracelint.yml"), "spanend:\n  infer-wrapers: true\n")
	app := filepath.Join(dir, "app", "app.go")
	ed := StartEditor(t, dir)
	ed.Open(app, AppSource)
	diags := ed.WaitFor(app, func(ds []protocol.Diagnostic) bool { return len(ds) > 0 })
	msg := string(diags[0].Message.(protocol.String))
	if len(diags) != 1 || diags[0].Severity != protocol.DiagnosticSeverityError ||
		!strings.Contains(msg, ".tracelint.yml:2:") || !strings.Contains(msg, "infer-wrapers") {
		t.Fatalf("with a misspelt key: %s %q, want one error naming .tracelint.yml:2 and the key", Summary(diags), msg)
	}
	// Fixing the file and saving a Go file brings the findings back.
	Write(t, filepath.Join(dir, ".tracelint.yml"), "spanend:\n  infer-wrappers: true\n")
	ed.Save(app, AppSource)
	if got := Summary(ed.WaitFor(app, Count(2))); got != "TL201@17 TL201@24" {
		t.Fatalf("after the configuration was fixed: %s", got)
	}
	ed.Close()
}

// TestUnsavedImports checks an unsaved buffer whose imports differ from
// its file's: go/packages must then see the buffer as an overlay, or the
// new import would be missing from the package's dependencies.
func TestUnsavedImports(t *testing.T) {
	dir := NewModule(t)
	app := filepath.Join(dir, "app", "app.go")
	ed := StartEditor(t, dir)
	ed.Open(app, AppSource)
	ed.WaitFor(app, Count(2))
	text := strings.Replace(AppSource, `"errors"`, `"errors"
	"fmt"`, 1) + `
// Print leaks its span too.
func Print(ctx context.Context) {
	_, span := tracer.Start(ctx, fmt.Sprint("print"))
	_ = span
}
`
	ed.Change(app, text)
	if got := Summary(ed.WaitFor(app, Count(3))); got != "TL201@18 TL201@25 TL201@36" {
		t.Fatalf("with an unsaved import of fmt: %s, want TL201@18 TL201@25 TL201@36", got)
	}
	ed.Close()
}
