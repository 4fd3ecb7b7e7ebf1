package piiattrs

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/tracelint/tracelint/internal/attrsite"
	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/contract"
	"github.com/tracelint/tracelint/internal/keyrule"
	"github.com/tracelint/tracelint/internal/memo"
	"github.com/tracelint/tracelint/internal/modsource"
	"github.com/tracelint/tracelint/internal/otelapi"
	"github.com/tracelint/tracelint/internal/pii"
	"github.com/tracelint/tracelint/internal/report"
	"github.com/tracelint/tracelint/internal/rules"
)

var doc = rules.AnalyzerDoc("report personal data and secrets in telemetry",
	`piiattrs keeps personal data and secrets out of span, event, link, metric
and log attributes, span and event names, status descriptions and recorded
errors, baggage and tracestate.`, Rules)

// Analyzer reports personal data in telemetry with each package's configuration: the
// .tracelint.yml found between the package's directory and its module root,
// or the defaults; its flag -piiattrs.config ("config" in a nogo
// configuration's analyzer_flags) names one file for every package instead.
// It is the value nogo and other drivers that load an analyzer package
// use.
var Analyzer = New(config.NewFinder("", rules.AllIDs()))

// New returns a piiattrs Analyzer that takes its configuration from src,
// unless its flag -piiattrs.config names a file, which then applies to every
// package (see [config.FlagSource]).
func New(src config.Source) *analysis.Analyzer {
	cache := memo.For(src) // before the flag's Source wraps src and hides its Cache
	a := &analysis.Analyzer{
		Name:     "piiattrs",
		Doc:      doc,
		URL:      rules.DocsBase + "TL401.md",
		Requires: []*analysis.Analyzer{inspect.Analyzer},
	}
	src = config.WithFlag(&a.Flags, src, rules.AllIDs())
	a.Run = report.Guard("piiattrs", func(pass *analysis.Pass) (any, error) {
		return nil, run(pass, src, cache)
	})
	return a
}

// watched are the packages whose presence makes the analysis worthwhile.
var watched = []string{otelapi.Attribute, otelapi.OTelTrace, otelapi.OpenCensus, otelapi.DatadogV1, otelapi.DatadogV2,
	"go.opentelemetry.io/otel/baggage", "go.opentelemetry.io/otel/log"}

func run(pass *analysis.Pass, src config.Source, cache *memo.Cache) error {
	if len(pass.Files) == 0 || !otelapi.ImportsAny(pass.Pkg, watched) {
		return nil
	}
	cfg, _, err := report.ConfigFor(pass, src)
	if err != nil {
		return err
	}
	registry, err := contract.ForConfig(cfg)
	if err != nil {
		return err
	}
	c := &checker{
		pass:      pass,
		cfg:       &cfg.Piiattrs,
		rep:       report.New(pass, cfg, Rules),
		registry:  registry,
		setup:     setupFor(cache, &cfg.Piiattrs),
		keys:      make(map[string]pii.Match),
		names:     make(map[[2]string]pii.Match),
		following: make(map[*types.Var]bool),

		mod:   cache.Sources().ModuleOf(pass.Fset, pass.Files),
		cache: cache,
	}
	wrappers := attrsite.NewWrappers(pass, cache)
	root := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector).Root()
	for cur := range root.Preorder((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil)) {
		c.cur = cur
		if s, ok := attrsite.Of(pass.TypesInfo, cur.Node()); ok {
			c.attribute(s)
			continue
		}
		if call, ok := cur.Node().(*ast.CallExpr); ok {
			if s, ok := wrappers.Call(call); ok {
				c.attribute(s)
				continue
			}
			if fn, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func); ok {
				if sink, ok := otelapi.SinkOf(fn); ok {
					c.sink(call, fn, sink)
				} else if arg, callee, ok := c.statusWrapperArg(call, fn); ok {
					c.status(call, callee, arg)
				}
			}
		}
	}
	return nil
}

// setup is what a configuration's piiattrs section turns into: built once
// per configuration, shared by its packages.
type setup struct {
	matcher   *pii.Matcher          // with the extra patterns
	redactors map[string]bool       // by full name
	off       map[pii.Category]bool // the categories turned off
}

// setupsKey names the map, in the memo.Cache, of the setup of each
// configuration (a config.Source hands out one *config.Config per file):
// *config.Piiattrs -> *setup.
type setupsKey struct{}

func setupFor(cache *memo.Cache, cfg *config.Piiattrs) *setup {
	if s, ok := cache.Map(setupsKey{}).Load(cfg); ok {
		return s.(*setup)
	}
	matcher, off := pii.ForConfig(cfg)
	s := &setup{matcher: matcher, redactors: make(map[string]bool), off: off}
	for _, r := range cfg.Redactors {
		s.redactors[r] = true
	}
	v, _ := cache.Map(setupsKey{}).LoadOrStore(cfg, s)
	return v.(*setup)
}

// checker holds the state of one pass.
type checker struct {
	pass     *analysis.Pass
	cfg      *config.Piiattrs
	rep      *report.Reporter
	registry *contract.Contract
	*setup
	keys  map[string]pii.Match    // classifyKey's answers; a key recurs
	names map[[2]string]pii.Match // named's answers, by owner and name

	fixedVars *attrsite.FixedVars // constString's index, built on first use
	following map[*types.Var]bool // the variables value is following to their definition
	mod       *modsource.Module   // for the String methods attribute.Stringer calls and status wrappers
	cache     *memo.Cache

	cur      inspector.Cursor          // the node being checked
	fnParams map[ast.Node][]string     // functionParams' answers
	assigns  map[*types.Var][]ast.Expr // assigned's index, built on first use
}

// enclosingFunc returns the function declaration or literal around the
// node being checked, nil at package level.
func (c *checker) enclosingFunc() ast.Node {
	for fn := range c.cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return fn.Node()
	}
	return nil
}

// isStringer reports whether n is a call of attribute.Stringer.
func (c *checker) isStringer(n ast.Node) bool {
	call, ok := n.(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, _ := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	return fn != nil && fn.FullName() == otelapi.Attribute+".Stringer"
}

// attribute checks one attribute: its key, then its value.
func (c *checker) attribute(s attrsite.Site) {
	f, ok := c.judge(s.Key, s.Value)
	if !ok && s.Value != nil && !c.redacted(s.Value) {
		var v valueMatch
		var found bool
		switch {
		case s.Serialiser != "":
			// A module wrapper that serialises its value: attr.Object("order", order).
			v, found = c.serialised(s.Value, s.Serialiser == "json")
		case c.isStringer(s.Node):
			v, found = c.stringerPrints(s.Value)
		}
		if !found && f.keyConst && isURLKey(f.key) && !c.allowed(f.key) && !c.isConstant(s.Value) {
			v, found = c.urlSecret(s.Value, c.enclosingFunc())
		}
		if found {
			f.match, f.expr, ok = v.match, v.expr, true
		}
	}
	switch {
	case !ok:
	case f.expr == nil:
		c.report(s.Node, f.match, keyFinding{key: f.key})
	default:
		c.report(s.Node, f.match, valueFinding{key: f.key, keyConst: f.keyConst, inKey: f.inKey, expr: f.expr})
	}
}

// sink checks a span or event name, a baggage member or property, a
// tracestate entry, or a log record's body.
func (c *checker) sink(call *ast.CallExpr, fn *types.Func, sink otelapi.Sink) {
	arg := func(i int) ast.Expr {
		if i >= 0 && i < len(call.Args) {
			return call.Args[i]
		}
		return nil
	}
	switch sink.Kind {
	case otelapi.SinkName:
		if name := arg(sink.NameArg); name != nil {
			if v, ok := c.value(name); ok {
				c.report(call, v.match, nameFinding{callee: fn.Name(), expr: v.expr})
			}
		}
	case otelapi.SinkLogBody:
		if body := arg(sink.Value); body != nil {
			if v, ok := c.value(body); ok {
				c.report(call, v.match, valueFinding{expr: v.expr, body: true})
			}
		}
	case otelapi.SinkStatus:
		c.status(call, fn.Name(), arg(sink.Value))
	case otelapi.SinkPropagated:
		where := sink.Where
		if f, ok := c.judge(arg(sink.Key), arg(sink.Value)); ok {
			key := f.key
			if f.inKey {
				key = ""
			}
			c.report(call, f.match, propagatedFinding{where: where, key: key, expr: f.expr})
		}
	}
}

// status checks the text of an error or status description that callee
// (RecordError or SetStatus, or a wrapper around them) records.
func (c *checker) status(call *ast.CallExpr, callee string, text ast.Expr) {
	for _, e := range c.errorTexts(text) {
		if v, ok := c.value(e); ok {
			c.report(call, v.match, statusFinding{callee: callee, expr: v.expr})
			return
		}
	}
}

// errorTexts returns the expressions whose text a status description or a
// recorded error carries: e itself, and, for a variable, what the package
// assigns to it through fmt.Errorf, errors.New or fmt.Sprintf
// (err := fmt.Errorf("user %s not found", email); span.RecordError(err)).
func (c *checker) errorTexts(e ast.Expr) []ast.Expr {
	if e == nil {
		return nil
	}
	out := []ast.Expr{e}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return out
	}
	if v, ok := c.pass.TypesInfo.Uses[id].(*types.Var); ok {
		for _, rhs := range c.assigned(v) {
			if isErrorText(c.pass.TypesInfo, rhs) {
				out = append(out, rhs)
			}
		}
	}
	return out
}

// isErrorText reports whether e builds an error or message from text:
// fmt.Errorf, errors.New, fmt.Sprintf.
func isErrorText(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok {
		return false
	}
	switch fn.FullName() {
	case "fmt.Errorf", "errors.New", "fmt.Sprintf":
		return true
	}
	return false
}

// judged is the sensitive part of a key-value pair.
type judged struct {
	match    pii.Match
	key      string   // the key, when keyConst
	keyConst bool     // the key is known before the program runs
	expr     ast.Expr // the sensitive expression; nil when the key says it
	inKey    bool     // expr is the key itself, built at run time
}

// judge finds what is sensitive in a key-value pair (an attribute, a
// baggage member, a tracestate entry): a key built at run time from
// sensitive data; else a constant key that names sensitive data, when the
// value can carry it (it is not a constant, a boolean or redacted); else
// the value itself. An allowed key clears the pair.
func (c *checker) judge(keyExpr, valExpr ast.Expr) (judged, bool) {
	var j judged
	if keyExpr == nil {
		return j, false
	}
	j.key, j.keyConst = c.constString(keyExpr)
	if j.keyConst && c.allowed(j.key) {
		return j, false
	}
	if !j.keyConst {
		if v, ok := c.value(keyExpr); ok {
			j.match, j.expr, j.inKey = v.match, v.expr, true
			return j, true
		}
	}
	if valExpr == nil || c.isConstant(valExpr) || c.isBool(valExpr) || c.redacted(valExpr) {
		return j, false
	}
	if j.keyConst {
		if m, ok := c.classifyKey(j.key); ok {
			if m.Category == pii.NetworkIdentity && c.dialledAddress(valExpr) {
				return j, false // remote_addr of a dialled server
			}
			j.match = m
			return j, true
		}
	}
	v, ok := c.value(valExpr)
	if ok && v.match.Category == pii.NetworkIdentity && (j.keyConst && pii.IsMachineKey(j.key) || c.dialledAddress(v.expr)) {
		return j, false // the address of a server, dialled or connected to: not a person's
	}
	j.match, j.expr = v.match, v.expr
	return j, ok
}

// classifyKey classifies a constant key: the registry's privacy annotation
// first (layer 3), then the matcher (layers 1 and 2).
func (c *checker) classifyKey(key string) (pii.Match, bool) {
	m, ok := c.keys[key]
	if !ok {
		var found bool
		if m, found = c.classifyKeyOnce(key); !found {
			m = pii.Match{}
		}
		c.keys[key] = m
	}
	return m, m.Category != pii.None
}

func (c *checker) classifyKeyOnce(key string) (pii.Match, bool) {
	return pii.ClassifyKey(c.matcher, c.off, c.registry, key)
}

func (c *checker) allowed(key string) bool {
	return keyrule.MatchesAny(c.cfg.Allow, key)
}

// constString returns the key or index e spells, when it is known before
// the program runs (see attrsite.ConstKey).
func (c *checker) constString(e ast.Expr) (string, bool) {
	if e == nil {
		return "", false
	}
	if c.fixedVars == nil {
		c.fixedVars = attrsite.NewFixedVars(c.pass.Pkg, c.pass.TypesInfo, c.pass.Files)
	}
	return c.fixedVars.ConstKey(e)
}

func (c *checker) isConstant(e ast.Expr) bool {
	tv, ok := c.pass.TypesInfo.Types[ast.Unparen(e)]
	return ok && tv.Value != nil
}

// report reports a finding under the rule its category and sink call for.
func (c *checker) report(n ast.Node, m pii.Match, f finding) {
	rule, msg := f.describe(m)
	if rule == nil {
		return
	}
	c.rep.Report(report.Finding{Rule: rule, Pos: n.Pos(), End: n.End(), Message: msg})
}
