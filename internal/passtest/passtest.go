// Package passtest runs an analyzer over one in-memory Go file, without a
// driver, so that fuzz tests can feed analyzers thousands of odd programs
// per second. Files that do not type-check are analysed too, with whatever
// type information go/types could produce: golangci-lint can run analyzers
// on such packages, and they must not panic there either.
package passtest

import (
	"errors"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// Stubs are small stand-ins for the tracing packages, type-checked once;
// the standard library comes from source.
var Stubs = map[string]string{
	"go.opentelemetry.io/otel/trace": `package trace
import "context"
type SpanEndOption interface{}
type SpanStartOption interface{}
type Span interface {
	End(options ...SpanEndOption)
	RecordError(err error)
	SetName(string)
	IsRecording() bool
}
type Tracer interface {
	Start(ctx context.Context, spanName string, opts ...SpanStartOption) (context.Context, Span)
}
func SpanFromContext(ctx context.Context) Span { return nil }
func ContextWithSpan(ctx context.Context, s Span) context.Context { return ctx }
`,
	"go.opentelemetry.io/otel/attribute": `package attribute
import "fmt"
type Key string
type Value struct{ s string }
type KeyValue struct {
	Key   Key
	Value Value
}
func String(k, v string) KeyValue { return KeyValue{} }
func Int(k string, v int) KeyValue { return KeyValue{} }
func Float64(k string, v float64) KeyValue { return KeyValue{} }
func StringSlice(k string, v []string) KeyValue { return KeyValue{} }
func Stringer(k string, v fmt.Stringer) KeyValue { return KeyValue{} }
func StringValue(v string) Value { return Value{} }
func IntValue(v int) Value { return Value{} }
func (k Key) String(v string) KeyValue { return KeyValue{} }
func (k Key) Int(v int) KeyValue { return KeyValue{} }
`,
	"go.opentelemetry.io/otel": `package otel
import "go.opentelemetry.io/otel/trace"
func Tracer(name string) trace.Tracer { return nil }
`,
}

// importer type-checks the stubs on first import and the standard library
// from source; it is shared, and guarded, because fuzzing runs in parallel.
type stubImporter struct {
	mu    sync.Mutex
	fset  *token.FileSet
	std   types.Importer
	cache map[string]*types.Package
}

var shared = &stubImporter{
	fset:  token.NewFileSet(),
	cache: make(map[string]*types.Package),
}

func (im *stubImporter) Import(path string) (*types.Package, error) {
	im.mu.Lock()
	defer im.mu.Unlock()
	return im.importLocked(path)
}

func (im *stubImporter) importLocked(path string) (*types.Package, error) {
	if pkg, ok := im.cache[path]; ok {
		return pkg, nil
	}
	src, ok := Stubs[path]
	if !ok {
		if im.std == nil {
			im.std = importer.ForCompiler(im.fset, "source", nil)
		}
		pkg, err := im.std.Import(path)
		if err == nil {
			im.cache[path] = pkg
		}
		return pkg, err
	}
	f, err := parser.ParseFile(im.fset, path+"/stub.go", src, 0)
	if err != nil {
		return nil, err
	}
	conf := types.Config{Importer: importerFunc(im.importLocked)}
	pkg, err := conf.Check(path, im.fset, []*ast.File{f}, nil)
	if err != nil {
		return nil, fmt.Errorf("stub %s: %v", path, err)
	}
	im.cache[path] = pkg
	return pkg, nil
}

type importerFunc func(string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// ErrUnparsable is returned (wrapped) by Check for a source that does not
// parse.
var ErrUnparsable = errors.New("source does not parse")

// Unit is a parsed and type-checked file, ready to be analysed many times.
type Unit struct {
	src   string
	fset  *token.FileSet
	file  *ast.File
	pkg   *types.Package
	info  *types.Info
	inspc *inspector.Inspector
}

// Check parses src as the file "odd.go" of package path "example.com/odd"
// and type-checks it as far as possible. It fails only when src does not
// parse.
func Check(src string) (*Unit, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "odd.go", src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnparsable, err)
	}
	info := &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		Scopes:       make(map[ast.Node]*types.Scope),
		FileVersions: make(map[*ast.File]string),
	}
	conf := types.Config{Importer: shared, Error: func(error) {}}
	pkg, _ := conf.Check("example.com/odd", fset, []*ast.File{f}, info)
	return &Unit{src: src, fset: fset, file: f, pkg: pkg, info: info, inspc: inspector.New([]*ast.File{f})}, nil
}

// Run runs a, which must require at most the inspect pass, and returns its
// diagnostics and error.
func (u *Unit) Run(a *analysis.Analyzer) ([]analysis.Diagnostic, error) {
	var diags []analysis.Diagnostic
	pass := &analysis.Pass{
		Analyzer:          a,
		Fset:              u.fset,
		Files:             []*ast.File{u.file},
		Pkg:               u.pkg,
		TypesInfo:         u.info,
		TypesSizes:        types.SizesFor("gc", "amd64"),
		ResultOf:          map[*analysis.Analyzer]any{inspect.Analyzer: u.inspc},
		Report:            func(d analysis.Diagnostic) { diags = append(diags, d) },
		ReadFile:          func(string) ([]byte, error) { return []byte(u.src), nil },
		ImportObjectFact:  func(types.Object, analysis.Fact) bool { return false },
		ImportPackageFact: func(*types.Package, analysis.Fact) bool { return false },
		ExportObjectFact:  func(types.Object, analysis.Fact) {},
		ExportPackageFact: func(analysis.Fact) {},
		AllObjectFacts:    func() []analysis.ObjectFact { return nil },
		AllPackageFacts:   func() []analysis.PackageFact { return nil },
	}
	_, err := a.Run(pass)
	return diags, err
}

// Run checks src and runs a on it; see Check and Unit.Run.
func Run(a *analysis.Analyzer, src string) ([]analysis.Diagnostic, error) {
	u, err := Check(src)
	if err != nil {
		return nil, err
	}
	return u.Run(a)
}
