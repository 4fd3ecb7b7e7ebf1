package attrkeys

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/tracelint/tracelint/internal/attrsite"
	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/contract"
	"github.com/tracelint/tracelint/internal/keydrift"
	"github.com/tracelint/tracelint/internal/keyrule"
	"github.com/tracelint/tracelint/internal/memo"
	"github.com/tracelint/tracelint/internal/otelapi"
	"github.com/tracelint/tracelint/internal/report"
)

// check applies the rules to one attribute site.
func (c *checker) check(s attrsite.Site) {
	k := c.resolveKey(s.Key)
	if !k.constant {
		c.dynamicKey(s, k)
		return
	}
	if c.Ignored(k.text) {
		return
	}
	if reason, denied := c.Denied(k.text); denied {
		c.rep.Report(report.Finding{Rule: TL301, Pos: s.Node.Pos(), End: s.Node.End(),
			Message: fmt.Sprintf("attribute key %q is denied by attrkeys.deny%s", k.text, reason)})
		return
	}
	attr, known := c.Lookup(k.text)
	c.recordUse(s, k.text, attr, known)
	if k.semconv {
		// Correct by construction, in the semconv version the code uses.
		if known {
			if attr.Deprecated == nil {
				c.stability(s, k, attr)
			}
			c.checkValue(s, k, attr)
		}
		return
	}
	if !known {
		if !c.Allowed(k.text) && !c.inImportedSemconv(k.text) {
			c.unknownKey(s, k)
		}
		return
	}
	switch {
	case attr.Deprecated == nil:
		c.stability(s, k, attr)
	case c.inImportedSemconv(k.text):
	case c.ReplacementReady(k.text, attr):
		c.deprecated(s, k, attr)
	default:
		c.stability(s, k, attr)
	}
	c.checkValue(s, k, attr)
}

// recordUse adds a site with a constant key to the package's inventory.
func (c *checker) recordUse(s attrsite.Site, key string, attr *contract.Attribute, known bool) {
	status := StatusUnknown
	if known {
		status = StatusSemconv
		if _, ok := c.registry.Lookup(key); ok {
			status = StatusRegistry
		}
		if attr.Deprecated != nil {
			status += " (deprecated)"
		}
	}
	c.uses = append(c.uses, KeyUse{Key: key, Kind: s.Kind, Pos: c.pass.Fset.Position(s.Node.Pos()), Status: status})
	c.useNodes = append(c.useNodes, s.Node)
}

// drift reports each group of keys of the package that spell one concept
// several ways (TL308, opt-in): once, at the group's first site, with the
// other sites as related places. A group whose keys are all in the
// contract is the contract's business.
func (c *checker) drift() {
	if !c.rep.Enabled(TL308) {
		return
	}
	var keys []string
	for _, u := range c.uses {
		keys = append(keys, u.Key)
	}
	for _, group := range keydrift.Groups(keys) {
		first := -1
		count := make(map[string]int)
		var inContract []string
		var related []analysis.RelatedInformation
		for i, u := range c.uses {
			if !slices.Contains(group, u.Key) {
				continue
			}
			if count[u.Key] == 0 && u.InContract() {
				inContract = append(inContract, u.Key)
			}
			count[u.Key]++
			if first < 0 {
				first = i
				continue
			}
			related = append(related, analysis.RelatedInformation{Pos: c.useNodes[i].Pos(), End: c.useNodes[i].End(), Message: fmt.Sprintf("%q here", u.Key)})
		}
		if len(inContract) == len(group) {
			continue
		}
		var spellings []string
		for _, k := range group {
			sp := strconv.Quote(k)
			if count[k] > 1 {
				sp += fmt.Sprintf(" (×%d)", count[k])
			}
			spellings = append(spellings, sp)
		}
		msg := fmt.Sprintf("one concept is spelled %d ways in this package: %s; ", len(group), strings.Join(spellings, ", "))
		if len(inContract) == 1 {
			msg += fmt.Sprintf("use %q, the contract's key, everywhere", inContract[0])
		} else {
			msg += "pick one spelling and use it everywhere"
		}
		n := c.useNodes[first]
		c.rep.Report(report.Finding{Rule: TL308, Pos: n.Pos(), End: n.End(), Message: msg, Related: related})
	}
}

// stability reports a contract key whose stability is below
// attrkeys.min-stability (TL307, opt-in); a deprecated key TL303 leaves
// alone is below every level.
func (c *checker) stability(s attrsite.Site, k key, attr *contract.Attribute) {
	if !c.rep.Enabled(TL307) {
		return
	}
	if attr.Deprecated != nil {
		c.rep.Report(report.Finding{Rule: TL307, Pos: s.Node.Pos(), End: s.Node.End(),
			Message: fmt.Sprintf("attribute key %q is deprecated%s, below attrkeys.min-stability (%s): stop recording it, or record its replacement once that is stable enough",
				k.text, keyrule.DeprecationDetail(attr.Deprecated), c.cfg.MinStability)})
		return
	}
	rank, min := config.StabilityRank(attr.Stability), config.StabilityRank(c.cfg.MinStability)
	if rank < 0 || min < 0 || rank >= min {
		return
	}
	c.rep.Report(report.Finding{Rule: TL307, Pos: s.Node.Pos(), End: s.Node.End(),
		Message: fmt.Sprintf("attribute key %q is %s, below attrkeys.min-stability (%s): its name or meaning may still change; use a key that is at least %s, or lower the setting for this key's area",
			k.text, strings.ReplaceAll(attr.Stability, "_", " "), c.cfg.MinStability, strings.ReplaceAll(c.cfg.MinStability, "_", " "))})
}

// inImportedSemconv reports whether key is a key of a semantic-conventions
// Go package the package imports: code pinned to, or deliberately emitting,
// that version of the conventions (dual emission during a migration). A
// literal then counts as that package's constant, which TL303 never
// reports.
func (c *checker) inImportedSemconv(key string) bool {
	return slices.ContainsFunc(c.goKeys, func(keys map[string]bool) bool { return keys[key] })
}

// dynamicKey handles a key that is not a constant: its constant start must
// lead into a template of the contract (TL302 still applies), else it is
// reported by the opt-in TL305.
func (c *checker) dynamicKey(s attrsite.Site, k key) {
	if k.prefix && c.Ignored(strings.TrimSuffix(k.text, ".")) {
		return
	}
	if k.prefix && strings.HasSuffix(k.text, ".") {
		// "http.request.header." + h: any name after the prefix.
		if attr, ok := c.Lookup(k.text + "x"); ok && attr.Type.Template {
			c.checkValue(s, k, attr)
			return
		}
	}
	if !c.rep.Enabled(TL305) {
		return
	}
	msg := fmt.Sprintf("attribute key %s is not a constant, so it cannot be checked against the telemetry contract; declare the key as a constant", types.ExprString(s.Key))
	if k.prefix {
		msg = fmt.Sprintf("attribute key %s is built at run time from %q and is not a template of the contract: a key built from data makes a new attribute per value; use a constant key and put the variable part in the value", types.ExprString(s.Key), k.text)
	}
	c.rep.Report(report.Finding{Rule: TL305, Pos: s.Node.Pos(), End: s.Node.End(), Message: msg})
}

// unknownKey reports a constant key the contract does not define: always
// when registries are configured, else only inside a namespace of the
// semantic conventions; otherwise the naming convention applies.
func (c *checker) unknownKey(s attrsite.Site, k key) {
	ns := c.SemconvNamespaceOf(k.text)
	inSemconvNamespace := ns != ""
	if c.rep.Enabled(TL301) && (c.registry != nil || inSemconvNamespace) {
		msg := fmt.Sprintf("attribute key %q is not in the telemetry contract", k.text)
		if c.registry == nil {
			msg = fmt.Sprintf("attribute key %q is in the namespace %q of the OpenTelemetry semantic conventions but is not one of its keys", k.text, ns)
		}
		if near, ok := c.Nearest(k.text); ok {
			// No fix: a near key is a guess, and golangci-lint's --fix
			// would apply it unasked.
			msg += fmt.Sprintf("; did you mean %q?", near)
		} else if c.registry != nil {
			msg += "; add it to the registry or use a key that is"
		} else {
			msg += "; use a semantic conventions key or a namespace of your own"
		}
		c.perKey(k.text, report.Finding{Rule: TL301, Pos: s.Node.Pos(), End: s.Node.End(), Message: msg})
		return
	}
	if !keyrule.ValidName(k.text) {
		msg := fmt.Sprintf("attribute key %q does not follow the naming convention: lowercase, dot-separated namespaces, snake_case words, at least one namespace; write %s", k.text, keyrule.SuggestName(k.text))
		if keys := c.semconvWithLastSegment(k.text); len(keys) > 0 {
			msg += fmt.Sprintf(", or a semantic conventions key if it records the same thing (%s?)", strings.Join(keys, ", "))
		}
		c.perKey(k.text, report.Finding{Rule: TL304, Pos: s.Node.Pos(), End: s.Node.End(), Message: msg})
	}
}

// perKey holds back a finding about a key itself (not in the contract,
// badly named): the defect is the key, so the package gets one finding per
// key and rule, at its first site, with the other sites as related places.
// flushPerKey reports them.
func (c *checker) perKey(key string, f report.Finding) {
	id := f.Rule.ID + " " + key
	if first, ok := c.keyFindings[id]; ok {
		first.Related = append(first.Related, analysis.RelatedInformation{Pos: f.Pos, End: f.End, Message: fmt.Sprintf("%q is used here too", key)})
		return
	}
	if c.keyFindings == nil {
		c.keyFindings = make(map[string]*report.Finding)
	}
	c.keyFindings[id] = &f
	c.keyOrder = append(c.keyOrder, id)
}

// flushPerKey reports the findings perKey held back, in the order of their
// first sites, each saying how many sites the key has.
func (c *checker) flushPerKey() {
	for _, id := range c.keyOrder {
		f := c.keyFindings[id]
		switch n := len(f.Related); n {
		case 0:
		case 1:
			f.Message += " (1 more use in this package)"
		default:
			f.Message += fmt.Sprintf(" (%d more uses in this package)", n)
		}
		c.rep.Report(*f)
	}
}

// maxSemconvHints bounds how many semantic conventions keys a TL304
// message names.
const maxSemconvHints = 3

// semconvWithLastSegment returns the current semantic conventions keys
// whose last segment is the last word of key once spelled by the
// convention ("method" for "Method" or "api.method": http.request.method,
// rpc.method), at most maxSemconvHints of them.
func (c *checker) semconvWithLastSegment(key string) []string {
	if c.semconv == nil {
		return nil
	}
	norm := keyrule.Conventional(key)
	last := norm[strings.LastIndexByte(norm, '.')+1:]
	if last == "" {
		return nil
	}
	keys := lastSegments(c.cache, c.semconv)[last]
	return keys[:min(len(keys), maxSemconvHints)]
}

// lastSegmentsKey names the map, in the configuration's memo.Cache, of
// lastSegments' answers: *contract.Contract -> map[string][]string.
type lastSegmentsKey struct{}

// lastSegments maps the last segment of each current (not deprecated) key
// of sc to the keys that end in it, sorted.
func lastSegments(cache *memo.Cache, sc *contract.Contract) map[string][]string {
	if v, ok := cache.Map(lastSegmentsKey{}).Load(sc); ok {
		return v.(map[string][]string)
	}
	index := make(map[string][]string)
	for _, a := range sc.Attributes() {
		if a.Deprecated != nil {
			continue
		}
		last := a.Key[strings.LastIndexByte(a.Key, '.')+1:]
		index[last] = append(index[last], a.Key)
	}
	v, _ := cache.Map(lastSegmentsKey{}).LoadOrStore(sc, index)
	return v.(map[string][]string)
}

// deprecated reports a deprecated key, with a fix when it was renamed and
// the new key keeps the type.
func (c *checker) deprecated(s attrsite.Site, k key, attr *contract.Attribute) {
	d := attr.Deprecated
	msg := fmt.Sprintf("attribute key %q is deprecated", k.text)
	var fix *analysis.SuggestedFix
	if d.Reason == "renamed" {
		msg += fmt.Sprintf(": renamed to %q", d.RenamedTo)
		switch to, ok := c.Lookup(d.RenamedTo); {
		case !ok:
			msg += ", which the telemetry contract does not define yet"
		case to.Type.Value().String() == attr.Type.Value().String():
			fix = c.replaceKey(k, d.RenamedTo)
		default:
			msg += ", whose type differs; change the value too"
		}
		if d.Note != "" {
			msg += " (" + strings.TrimSuffix(keyrule.FirstLine(d.Note), ".") + ")"
		}
	} else {
		msg += keyrule.DeprecationDetail(d)
	}
	if d.Reason != "renamed" {
		msg += "; stop recording it or use its replacement"
	}
	c.rep.Report(report.Finding{Rule: TL303, Pos: s.Node.Pos(), End: s.Node.End(), Message: msg, Fix: fix})
}

// replaceKey returns the fix that spells key in place of k's literal, or
// nil when the key is not spelled by a literal of this package. When the
// literal is a constant's value, every use of the constant changes with it.
func (c *checker) replaceKey(k key, to string) *analysis.SuggestedFix {
	if k.lit == nil {
		return nil
	}
	return &analysis.SuggestedFix{
		Message:   fmt.Sprintf("Use the key %q", to),
		TextEdits: []analysis.TextEdit{{Pos: k.lit.Pos(), End: k.lit.End(), NewText: []byte(strconv.Quote(to))}},
	}
}

// checkValue reports a value whose type does not fit the key (TL302) and a
// constant that is not a member of the key's enum (TL306).
func (c *checker) checkValue(s attrsite.Site, k key, attr *contract.Attribute) {
	if s.Kind == "" {
		return
	}
	t := attr.Type
	if !fits(s.Kind, t) {
		c.rep.Report(report.Finding{Rule: TL302, Pos: s.Node.Pos(), End: s.Node.End(),
			Message: fmt.Sprintf("attribute %q is %s in the telemetry contract, but the value is %s; use %s", keyName(k, attr), t.Value(), s.Kind, constructorFor(t.Value()))})
		return
	}
	if t.IsEnum() && !t.Array && s.Value != nil {
		c.enumValue(s, k, attr)
	}
}

// fits reports whether a value of kind v may be stored under type t.
func fits(v otelapi.ValueKind, t contract.Type) bool {
	if t.Kind == contract.KindAny {
		return true
	}
	return string(v) == t.Value().String()
}

// constructorFor names the attribute constructor that stores type t.
func constructorFor(t contract.Type) string {
	names := map[string]string{
		"string": "attribute.String", "int": "attribute.Int or attribute.Int64", "double": "attribute.Float64",
		"boolean": "attribute.Bool", "string[]": "attribute.StringSlice", "int[]": "attribute.IntSlice or attribute.Int64Slice",
		"double[]": "attribute.Float64Slice", "boolean[]": "attribute.BoolSlice",
	}
	return names[t.String()]
}

// enumValue reports a constant value that is not a member of the enum.
// Weaver enums are open, so the message asks rather than forbids.
func (c *checker) enumValue(s attrsite.Site, k key, attr *contract.Attribute) {
	tv, ok := c.pass.TypesInfo.Types[ast.Unparen(s.Value)]
	if !ok || tv.Value == nil {
		return
	}
	var v string
	switch tv.Value.Kind() {
	case constant.String:
		v = constant.StringVal(tv.Value)
	case constant.Int:
		v = tv.Value.ExactString()
	default:
		return
	}
	var values []string
	var fold string
	folds := 0
	for _, m := range attr.Type.Members {
		if m.Value == v {
			return
		}
		values = append(values, m.Value)
		if strings.EqualFold(m.Value, v) {
			fold, folds = m.Value, folds+1
		}
	}
	list := strings.Join(values, ", ")
	if len(values) > 8 {
		list = strings.Join(values[:8], ", ") + ", ..."
	}
	msg := fmt.Sprintf("value %s is not a member of the enum %q (%s)", quoteValue(v, attr.Type.Kind), keyName(k, attr), list)
	var fix *analysis.SuggestedFix
	if lit, ok := ast.Unparen(s.Value).(*ast.BasicLit); ok && folds == 1 {
		msg += fmt.Sprintf("; did you mean %q?", fold)
		fix = &analysis.SuggestedFix{
			Message:   fmt.Sprintf("Use the member %q", fold),
			TextEdits: []analysis.TextEdit{{Pos: lit.Pos(), End: lit.End(), NewText: []byte(strconv.Quote(fold))}},
		}
	} else if near, ok := keyrule.NearMember(v, values); ok {
		msg += fmt.Sprintf("; did you mean %q? The enum is open: keep the value only if it is a deliberate extension", near)
	} else {
		// Far from every member: an extension of the open enum
		// (db.system "prometheus"), not a slip.
		return
	}
	c.rep.Report(report.Finding{Rule: TL306, Pos: s.Value.Pos(), End: s.Value.End(), Message: msg, Fix: fix})
}

func quoteValue(v string, kind contract.Kind) string {
	if kind == contract.KindString {
		return strconv.Quote(v)
	}
	return v
}

// keyName is the key to name in a message: the constant key, or the
// template's key for a key built at run time.
func keyName(k key, attr *contract.Attribute) string {
	if k.constant {
		return k.text
	}
	return attr.Key + ".*"
}
