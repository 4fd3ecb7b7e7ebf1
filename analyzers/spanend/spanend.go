package spanend

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/memo"
	"github.com/tracelint/tracelint/internal/otelapi"
	"github.com/tracelint/tracelint/internal/report"
	"github.com/tracelint/tracelint/internal/rules"
)

var doc = rules.AnalyzerDoc("check that started spans are ended on every path",
	`spanend checks that every span a function starts is ended, exactly once,
on every path, or handed over to code that ends it.`, Rules)

// Analyzer checks span ends with each package's configuration: the
// .tracelint.yml found between the package's directory and its module root,
// or the defaults; its flag -spanend.config ("config" in a nogo
// configuration's analyzer_flags) names one file for every package instead.
// It is the value nogo and other drivers that load an analyzer package
// use.
var Analyzer = New(config.NewFinder("", rules.AllIDs()))

// New returns a spanend Analyzer that takes its configuration from src,
// unless its flag -spanend.config names a file, which then applies to every
// package (see [config.FlagSource]).
func New(src config.Source) *analysis.Analyzer {
	cache := memo.For(src) // before the flag's Source wraps src and hides its Cache
	a := &analysis.Analyzer{
		Name:     "spanend",
		Doc:      doc,
		URL:      rules.DocsBase + "TL201.md",
		Requires: []*analysis.Analyzer{inspect.Analyzer},
	}
	src = config.WithFlag(&a.Flags, src, rules.AllIDs())
	a.Run = report.Guard("spanend", func(pass *analysis.Pass) (any, error) {
		return nil, run(pass, src, cache)
	})
	return a
}

func run(pass *analysis.Pass, src config.Source, cache *memo.Cache) error {
	if len(pass.Files) == 0 {
		return nil
	}
	cfg, dir, err := report.ConfigFor(pass, src)
	if err != nil {
		return err
	}
	if !relevant(pass.Pkg, &cfg.Spanend) {
		return nil
	}
	c := &checker{
		pass:     pass,
		rep:      report.New(pass, cfg, Rules),
		starters: newStarters(pass, &cfg.Spanend, dir, cache),
		noReturn: stringSet(cfg.Spanend.NoReturnFuncs),
		funcs:    make(map[ast.Node]*funcInfo),
		helpers:  &helpers{fset: pass.Fset, mod: cache.Sources().Module(dir), cache: cache},
	}
	c.collect(pass.ResultOf[inspect.Analyzer].(*inspector.Inspector))
	c.check()
	return nil
}

// relevant reports whether the package can start spans at all: it imports a
// tracing package, directly or through the packages it imports, or a package
// of a configured start function.
func relevant(pkg *types.Package, cfg *config.Spanend) bool {
	paths := otelapi.TracingPackages
	for _, name := range cfg.StartFuncs {
		paths = append(paths[:len(paths):len(paths)], otelapi.FuncPackage(name))
	}
	return otelapi.ImportsAny(pkg, paths)
}

// checker holds the state of one pass.
type checker struct {
	pass     *analysis.Pass
	rep      *report.Reporter
	starters *starters
	noReturn map[string]bool
	helpers  *helpers

	starts  []*start           // every span start, in source order
	foreign []*foreignSpan     // spans taken from a context, for TL206
	defers  []inspector.Cursor // defer statements, for TL203
	funcs   map[ast.Node]*funcInfo

	assigned map[*types.Var][]ast.Expr // valuesOf's index, built on first use
}

// collect finds the span starts, span getters and defer statements of the
// package in one walk.
func (c *checker) collect(in *inspector.Inspector) {
	for cur := range in.Root().Preorder((*ast.CallExpr)(nil), (*ast.DeferStmt)(nil)) {
		if _, ok := cur.Node().(*ast.DeferStmt); ok {
			c.defers = append(c.defers, cur)
			continue
		}
		fn, ok := typeutil.Callee(c.pass.TypesInfo, cur.Node().(*ast.CallExpr)).(*types.Func)
		switch {
		case !ok:
		case c.starters.isStart(fn):
			if c.noopStart(cur.Node().(*ast.CallExpr)) {
				continue // a no-op tracer's span is never exported
			}
			if s := c.bind(cur, otelapi.SpanResult(fn.Signature()), false); s != nil {
				c.starts = append(c.starts, s)
			}
		case c.starters.endFuncResult(fn) >= 0:
			if s := c.bind(cur, c.starters.endFuncResult(fn), true); s != nil {
				c.starts = append(c.starts, s)
			}
		default:
			if idx, method := c.starters.closerResult(fn); idx >= 0 {
				if s := c.bind(cur, idx, true); s != nil {
					s.endMethod = method
					if s.span != nil {
						s.fun.endMethods[s.span] = method
					}
					c.starts = append(c.starts, s)
				}
			}
		case otelapi.IsSpanGetter(fn):
			if fs := c.bindGetter(cur); fs != nil {
				c.foreign = append(c.foreign, fs)
			}
		}
	}
}

// check runs the rules over what collect found.
func (c *checker) check() {
	handsOver := false
	for _, s := range c.starts {
		if s.kind == discarded && s.ctxEscapes {
			handsOver = true
		}
	}
	// A derived context that leaves the function hands its span over only
	// in a package that ends spans taken from a context (a stats handler's
	// HandleRPC, go-kit's finalizer); elsewhere the function still owns it.
	if !c.endsContextSpans() {
		for _, s := range c.starts {
			s.ctxHandOvers = nil
		}
	}
	for _, s := range c.starts {
		switch s.kind {
		case discarded:
			if !s.ctxEscapes {
				c.reportDiscarded(s)
			}
		case bound:
			c.checkPaths(s)
		}
	}
	c.checkLoopDefers()
	if !handsOver {
		c.checkForeignEnds()
	}
}

// endsContextSpans reports whether the package ends a span it takes from a
// context (trace.SpanFromContext(ctx).End(), or through a variable).
func (c *checker) endsContextSpans() bool {
	for _, fs := range c.foreign {
		if fs.end != nil {
			return true
		}
		if fs.span != nil && fs.fun != nil {
			for _, u := range fs.fun.usesOf(fs.span) {
				if u.end != nil {
					return true
				}
			}
		}
	}
	return false
}

// funcOf returns the function (declaration or literal) that encloses cur.
func (c *checker) funcOf(cur inspector.Cursor) *funcInfo {
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if info, ok := c.funcs[fc.Node()]; ok {
			return info
		}
		info := newFuncInfo(c.pass, fc, c.helpers)
		if info == nil {
			return nil
		}
		c.funcs[fc.Node()] = info
		return info
	}
	return nil
}

func stringSet(list []string) map[string]bool {
	set := make(map[string]bool, len(list))
	for _, s := range list {
		set[s] = true
	}
	return set
}
