package ctxpropagation

import (
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/tracelint/tracelint/internal/memo"
	"github.com/tracelint/tracelint/internal/modsource"
)

// readsContext is ReadsContext for the pass's module.
func (c *checker) readsContext(fn *types.Func) bool {
	return readsContext(c.cache, c.mod, c.pass.Fset, fn)
}

// ReadsContext reports whether calling fn, the context-taking variant of a
// function, gets the context somewhere it is read, in the module that holds
// dir, whose sources cache reads; fset holds fn's position. A variant is no better than the
// plain call when its body ignores the context (a module's logger whose
// InfoWithContext drops ctx), or when it is log/slog's and no handler of the
// module reads the context of a record. Variants outside the module, other
// than slog's, are trusted. bench/'s seeded defects use it to seed only
// calls whose variant matters.
func ReadsContext(cache *memo.Cache, fset *token.FileSet, fn *types.Func, dir string) bool {
	return readsContext(cache, cache.Sources().Module(dir), fset, fn)
}

func readsContext(cache *memo.Cache, mod *modsource.Module, fset *token.FileSet, fn *types.Func) bool {
	if fn.Pkg() != nil && fn.Pkg().Path() == "log/slog" {
		return slogReadsContext(cache, mod)
	}
	if decl := mod.Decl(fset, fn); decl != nil {
		return usesParam(decl, 0)
	}
	if recv := fn.Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) {
		impls := mod.Methods(fset, fn.Pos(), fn.Name())
		for _, m := range impls {
			if usesParam(m, 0) {
				return true
			}
		}
		return len(impls) == 0 // an implementation elsewhere: trusted
	}
	return true
}

// usesParam reports whether decl's body mentions its i-th parameter. An
// unnamed or blank parameter is not used.
func usesParam(decl *ast.FuncDecl, i int) bool {
	name := modsource.ParamName(decl, i)
	if name == "" || name == "_" {
		return false
	}
	used := false
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Name == name {
			used = true
		}
		return !used
	})
	return used
}

// slogBridges are modules whose slog handlers read a record's context (the
// trace and span IDs, baggage): a module that requires one routes slog's
// Context variants somewhere that uses the context.
var slogBridges = []string{
	"go.opentelemetry.io/contrib/bridges/otelslog",
	"github.com/remychantenay/slog-otel",
	"github.com/DataDog/dd-trace-go/contrib/log/slog",
	"github.com/veqryn/slog-context",
	"github.com/go-slog/otelslog",
}

// slogContextKey names the map, in the configuration's memo.Cache, of
// slogReadsContext's answers: module root -> *slogAnswer.
type slogContextKey struct{}

type slogAnswer struct {
	once  sync.Once
	reads bool
}

// slogReadsContext reports whether the module at root has a slog handler
// that reads the context of a record: it requires one of slogBridges, or
// declares a Handle(ctx context.Context, r slog.Record) method that uses
// ctx. Without one, slog.InfoContext and slog.Info log the same record.
// Outside a module the answer is yes.
func slogReadsContext(cache *memo.Cache, mod *modsource.Module) bool {
	root := mod.Root
	if root == "" {
		return true
	}
	v, _ := cache.Map(slogContextKey{}).LoadOrStore(root, new(slogAnswer))
	a := v.(*slogAnswer)
	a.once.Do(func() {
		gomod, _ := os.ReadFile(filepath.Join(root, "go.mod"))
		for _, bridge := range slogBridges {
			if strings.Contains(string(gomod), bridge) {
				a.reads = true
				return
			}
		}
		for _, f := range mod.FilesContaining("slog.Record") {
			for _, d := range f.Decls {
				decl, ok := d.(*ast.FuncDecl)
				if ok && decl.Recv != nil && decl.Name.Name == "Handle" && decl.Body != nil &&
					decl.Type.Params.NumFields() == 2 && usesParam(decl, 0) {
					a.reads = true
					return
				}
			}
		}
	})
	return a.reads
}
