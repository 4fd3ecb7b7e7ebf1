package attrkeys

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/tracelint/tracelint/internal/attrsite"
	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/contract"
	"github.com/tracelint/tracelint/internal/keyrule"
	"github.com/tracelint/tracelint/internal/memo"
	"github.com/tracelint/tracelint/internal/otelapi"
	"github.com/tracelint/tracelint/internal/report"
	"github.com/tracelint/tracelint/internal/rules"
)

var doc = rules.AnalyzerDoc("check attribute keys against the telemetry contract",
	`attrkeys checks every attribute key the code builds, and the value stored
under it, against the OpenTelemetry semantic conventions and the team's
Weaver registries.`, Rules)

// Analyzer checks attribute keys with each package's configuration: the
// .tracelint.yml found between the package's directory and its module root,
// or the defaults; its flag -attrkeys.config ("config" in a nogo
// configuration's analyzer_flags) names one file for every package instead.
// It is the value nogo and other drivers that load an analyzer package
// use.
var Analyzer = New(config.NewFinder("", rules.AllIDs()))

// New returns an attrkeys Analyzer that takes its configuration from src,
// unless its flag -attrkeys.config names a file, which then applies to every
// package (see [config.FlagSource]).
func New(src config.Source) *analysis.Analyzer {
	cache := memo.For(src) // before the flag's Source wraps src and hides its Cache
	a := &analysis.Analyzer{
		Name:       "attrkeys",
		Doc:        doc,
		URL:        rules.DocsBase + "TL301.md",
		Requires:   []*analysis.Analyzer{inspect.Analyzer},
		ResultType: reflect.TypeFor[*Inventory](),
	}
	src = config.WithFlag(&a.Flags, src, rules.AllIDs())
	a.Run = report.Guard("attrkeys", func(pass *analysis.Pass) (any, error) {
		return run(pass, src, cache)
	})
	return a
}

// Inventory is attrkeys' result: the attribute keys of the package that
// are known before the program runs, one use per site, in source order
// (`tracelint keys` prints them).
type Inventory struct {
	Uses []KeyUse
}

// KeyUse is one attribute site whose key is a constant.
type KeyUse struct {
	Key string
	// Kind is what the site stores ("string", "int", ...); "" when not known.
	Kind otelapi.ValueKind
	Pos  token.Position
	// Status is the key's place in the contract: StatusRegistry,
	// StatusSemconv, either followed by " (deprecated)", or StatusUnknown.
	Status string
}

// The places of a key in the contract, as KeyUse.Status spells them.
const (
	StatusRegistry = "registry"
	StatusSemconv  = "semconv"
	StatusUnknown  = "not in contract"
)

// InContract reports whether the key is a current key of the contract.
func (u KeyUse) InContract() bool { return u.Status == StatusRegistry || u.Status == StatusSemconv }

// Known reports whether the contract has the key, current or deprecated.
func (u KeyUse) Known() bool { return u.Status != StatusUnknown }

func run(pass *analysis.Pass, src config.Source, cache *memo.Cache) (*Inventory, error) {
	inv := new(Inventory)
	if len(pass.Files) == 0 || !otelapi.ImportsAny(pass.Pkg, []string{otelapi.Attribute}) {
		return inv, nil
	}
	cfg, _, err := report.ConfigFor(pass, src)
	if err != nil {
		return inv, err
	}
	registry, err := contract.ForConfig(cfg)
	if err != nil {
		return inv, err
	}
	c := &checker{
		pass:     pass,
		cfg:      &cfg.Attrkeys,
		rep:      report.New(pass, cfg, Rules),
		registry: registry,
		goKeys:   semconvGoKeys(cache, pass.Pkg),
		cache:    cache,
	}
	if cfg.Attrkeys.Semconv {
		c.semconv = contract.Semconv()
	}
	c.Judge = keyrule.Judge{Cfg: c.cfg, Registry: c.registry, Semconv: c.semconv}
	wrappers := attrsite.NewWrappers(pass, cache)
	root := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector).Root()
	for cur := range root.Preorder((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil)) {
		if s, ok := attrsite.Of(pass.TypesInfo, cur.Node()); ok {
			c.check(s)
		} else if call, ok := cur.Node().(*ast.CallExpr); ok {
			if s, ok := wrappers.Call(call); ok {
				c.check(s)
			}
		}
	}
	c.flushPerKey()
	c.drift()
	inv.Uses = c.uses
	return inv, nil
}

// checker holds the state of one pass.
type checker struct {
	pass          *analysis.Pass
	cfg           *config.Attrkeys
	rep           *report.Reporter
	registry      *contract.Contract // the team's registries; nil when none are configured
	semconv       *contract.Contract // the bundled semantic conventions; nil when turned off
	goKeys        []map[string]bool  // keys of each semconv Go package the package imports
	keyrule.Judge                    // the same three, for the language-neutral questions

	cache       *memo.Cache
	uses        []KeyUse                   // the result
	useNodes    []ast.Node                 // the site of each use
	keyFindings map[string]*report.Finding // per rule and key, see perKey
	keyOrder    []string

	fixedVars *attrsite.FixedVars // built on first use
	consts    map[*types.Const]*ast.BasicLit
}

// semconvGoKeys returns the keys of the attribute.Key constants of each
// semconv package pkg imports directly.
//
// An external test package (p_test) also gets the keys of the semconv
// packages p imports: its tables compare against what p emits.
func semconvGoKeys(cache *memo.Cache, pkg *types.Package) []map[string]bool {
	var keys []map[string]bool
	underTest, isTest := strings.CutSuffix(pkg.Path(), "_test")
	for _, imp := range pkg.Imports() {
		if otelapi.IsSemconvPackage(imp.Path()) {
			keys = append(keys, semconvPackageKeys(cache, imp))
		}
		if isTest && imp.Path() == underTest {
			for _, sc := range imp.Imports() {
				if otelapi.IsSemconvPackage(sc.Path()) {
					keys = append(keys, semconvPackageKeys(cache, sc))
				}
			}
		}
	}
	return keys
}

// semconvKeysKey names the map, in the configuration's memo.Cache, of each
// semconv package's keys by import path: string -> map[string]bool.
type semconvKeysKey struct{}

func semconvPackageKeys(cache *memo.Cache, imp *types.Package) map[string]bool {
	if keys, ok := cache.Map(semconvKeysKey{}).Load(imp.Path()); ok {
		return keys.(map[string]bool)
	}
	keys := make(map[string]bool)
	scope := imp.Scope()
	for _, name := range scope.Names() {
		if k, ok := scope.Lookup(name).(*types.Const); ok && otelapi.IsAttributeKey(k.Type()) && k.Val().Kind() == constant.String {
			keys[constant.StringVal(k.Val())] = true
		}
	}
	v, _ := cache.Map(semconvKeysKey{}).LoadOrStore(imp.Path(), keys)
	return v.(map[string]bool)
}
