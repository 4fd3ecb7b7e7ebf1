package spanend

import (
	"go/ast"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/memo"
	"github.com/tracelint/tracelint/internal/modsource"
	"github.com/tracelint/tracelint/internal/otelapi"
)

// starters decides which functions start spans: the known tracing APIs, the
// configured start-funcs, and wrappers inferred from source.
type starters struct {
	pass       *analysis.Pass
	configured map[string]bool
	infer      bool
	mod        *modsource.Module
	cache      *memo.Cache
	local      map[*types.Func]bool // wrappers declared in this package
}

func newStarters(pass *analysis.Pass, cfg *config.Spanend, dir string, cache *memo.Cache) *starters {
	s := &starters{
		pass:       pass,
		cache:      cache,
		mod:        &modsource.Module{},
		configured: stringSet(cfg.StartFuncs),
		infer:      cfg.InferWrappers,
		local:      make(map[*types.Func]bool),
	}
	if s.infer {
		s.mod = cache.Sources().Module(dir)
		s.inferLocal()
	}
	return s
}

// isStart reports whether a call of fn starts a span and hands it to the
// caller.
func (s *starters) isStart(fn *types.Func) bool {
	fn = fn.Origin()
	switch {
	case otelapi.IsStart(fn), len(s.configured) > 0 && s.configured[fn.FullName()]:
		return true
	case !s.infer:
		return false
	case fn.Pkg() == s.pass.Pkg:
		return s.local[fn]
	}
	return s.remote(fn)
}

// inferLocal finds the package's wrappers: functions with a span result that
// return a span started by a call of a starter, which may itself be a
// wrapper of this package, so the search runs to a fixed point.
//
// The shapes accepted are
//
//	return tracer.Start(ctx, name)
//	ctx, span := tracer.Start(ctx, name); ...; return ctx, span
//
// where the returned variable is never ended in the function.
func (s *starters) inferLocal() {
	sources := make(map[*types.Func][]*types.Func)
	for _, file := range s.pass.Files {
		for _, d := range file.Decls {
			decl, ok := d.(*ast.FuncDecl)
			if !ok || decl.Body == nil {
				continue
			}
			fn, ok := s.pass.TypesInfo.Defs[decl.Name].(*types.Func)
			if !ok {
				continue
			}
			idx := otelapi.SpanResult(fn.Signature())
			if idx < 0 {
				continue
			}
			if callees := s.returnedSpanSources(decl.Body, idx); len(callees) > 0 {
				sources[fn] = callees
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for fn, callees := range sources {
			if s.local[fn] {
				continue
			}
			for _, g := range callees {
				if s.isStart(g) {
					s.local[fn] = true
					changed = true
					break
				}
			}
		}
	}
}

// returnedSpanSources returns the callees whose span result reaches the
// span result (at index idx) of a return statement of body.
func (s *starters) returnedSpanSources(body *ast.BlockStmt, idx int) []*types.Func {
	info := s.pass.TypesInfo
	callee := func(e ast.Expr) *types.Func {
		if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
			fn, _ := typeutil.Callee(info, call).(*types.Func)
			return fn
		}
		return nil
	}
	// assigned maps each local variable to the callees assigned to it;
	// ended records the variables the function ends itself.
	assigned := make(map[types.Object][]*types.Func)
	ended := make(map[types.Object]bool)
	var returned []ast.Expr
	inspectBody(body, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Rhs) == 1 {
				if fn := callee(n.Rhs[0]); fn != nil {
					for _, lhs := range n.Lhs {
						if obj := identObj(info, lhs); obj != nil {
							assigned[obj] = append(assigned[obj], fn)
						}
					}
				}
			}
		case *ast.CallExpr:
			if sel, ok := n.Fun.(*ast.SelectorExpr); ok && otelapi.EndMethods[sel.Sel.Name] {
				if obj := identObj(info, sel.X); obj != nil {
					ended[obj] = true
				}
			}
		case *ast.ReturnStmt:
			switch {
			case len(n.Results) == 1:
				returned = append(returned, n.Results[0])
			case len(n.Results) > idx:
				returned = append(returned, n.Results[idx])
			}
		}
	})
	var callees []*types.Func
	for _, e := range returned {
		if fn := callee(e); fn != nil {
			callees = append(callees, fn)
		} else if obj := identObj(info, e); obj != nil && !ended[obj] {
			callees = append(callees, assigned[obj]...)
		}
	}
	return callees
}

// remoteStartersKey names the map, in the configuration's memo.Cache, of
// whether a function of another package of the module is a wrapper, by its
// position: "file:line:name" -> bool.
type remoteStartersKey struct{}

// remote reports whether fn, declared in another package of the same module,
// is a wrapper. Its source is read without type information, so the test is
// by name: it returns, at its span result, the result of a call whose name
// starts with "Start" or "start" (tracer.Start, tracer.StartSpan, a nested
// wrapper startSpan), directly or through a variable it does not end.
func (s *starters) remote(fn *types.Func) bool {
	idx := otelapi.SpanResult(fn.Signature())
	if idx < 0 || s.mod.Root == "" {
		return false
	}
	pos := s.pass.Fset.Position(fn.Pos())
	key := pos.Filename + ":" + strconv.Itoa(pos.Line) + ":" + fn.Name()
	if v, ok := s.cache.Map(remoteStartersKey{}).Load(key); ok {
		return v.(bool)
	}
	decl := s.mod.Decl(s.pass.Fset, fn)
	is := decl != nil && returnsStartedSpan(decl.Body, idx)
	s.cache.Map(remoteStartersKey{}).Store(key, is)
	return is
}

// returnsStartedSpan is the untyped form of returnedSpanSources.
func returnsStartedSpan(body *ast.BlockStmt, idx int) bool {
	started := make(map[string]bool)
	ended := make(map[string]bool)
	var returned []ast.Expr
	inspectBody(body, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Rhs) == 1 && isStartName(n.Rhs[0]) {
				for _, lhs := range n.Lhs {
					if id, ok := lhs.(*ast.Ident); ok {
						started[id.Name] = true
					}
				}
			}
		case *ast.CallExpr:
			if sel, ok := n.Fun.(*ast.SelectorExpr); ok && otelapi.EndMethods[sel.Sel.Name] {
				if id, ok := sel.X.(*ast.Ident); ok {
					ended[id.Name] = true
				}
			}
		case *ast.ReturnStmt:
			switch {
			case len(n.Results) == 1:
				returned = append(returned, n.Results[0])
			case len(n.Results) > idx:
				returned = append(returned, n.Results[idx])
			}
		}
	})
	for _, e := range returned {
		if isStartName(e) {
			return true
		}
		if id, ok := e.(*ast.Ident); ok && started[id.Name] && !ended[id.Name] {
			return true
		}
	}
	return false
}

// isStartName reports whether e is a call of a function or method whose
// name starts with "Start" or "start".
func isStartName(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	var name string
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		name = fun.Name
	case *ast.SelectorExpr:
		name = fun.Sel.Name
	case *ast.IndexExpr: // generic instantiation
		if id, ok := fun.X.(*ast.Ident); ok {
			name = id.Name
		}
	}
	return strings.HasPrefix(name, "Start") || strings.HasPrefix(name, "start")
}

// inspectBody calls f for every node of body outside nested function
// literals, which are functions of their own.
func inspectBody(body *ast.BlockStmt, f func(ast.Node)) {
	ast.Inspect(body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if n != nil {
			f(n)
		}
		return true
	})
}

// identObj returns the object an identifier expression denotes, or nil.
func identObj(info *types.Info, e ast.Expr) types.Object {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	return info.ObjectOf(id)
}
