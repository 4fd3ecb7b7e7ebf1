// Package keyrule holds the judgements of one attribute key against a
// telemetry contract and the attrkeys configuration that do not depend on
// the language the key was written in: denied, ignored or allowed, known
// or squatting a namespace of the semantic conventions, deprecated with a
// replacement ready, well named. The attrkeys analyzer (Go) and tracelint
// rust ask it the same questions, so that one contract means the same in
// both languages.
package keyrule

import (
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/agnivade/levenshtein"

	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/contract"
)

// Judge answers questions about keys for one configuration.
type Judge struct {
	// Cfg is the attrkeys section of the configuration.
	Cfg *config.Attrkeys
	// Registry is the team's registries; nil when none are configured.
	Registry *contract.Contract
	// Semconv is the bundled semantic conventions; nil when turned off.
	Semconv *contract.Contract
}

// Ignored reports whether key lies in one of attrkeys.ignore-namespaces.
func (j *Judge) Ignored(key string) bool {
	for _, ns := range j.Cfg.IgnoreNamespaces {
		if strings.HasPrefix(key, ns) && (len(key) == len(ns) || key[len(ns)] == '.') {
			return true
		}
	}
	return false
}

// Allowed reports whether key matches a glob of attrkeys.allow.
func (j *Judge) Allowed(key string) bool {
	return MatchesAny(j.Cfg.Allow, key)
}

// MatchesAny reports whether key matches one of globs, in which * matches
// any run of characters: the allow lists of attrkeys and piiattrs.
func MatchesAny(globs []string, key string) bool {
	for _, glob := range globs {
		if ok, _ := path.Match(glob, key); ok {
			return true
		}
	}
	return false
}

// Denied returns the reason a key is denied by attrkeys.deny, as
// ": reason" or "".
func (j *Judge) Denied(key string) (string, bool) {
	for _, d := range j.Cfg.Deny {
		if ok, _ := path.Match(d.Key, key); ok {
			if d.Reason != "" {
				return ": " + d.Reason, true
			}
			return "", true
		}
	}
	return "", false
}

// Lookup finds key in the team's registries, then in the semantic
// conventions.
func (j *Judge) Lookup(key string) (*contract.Attribute, bool) {
	if a, ok := j.Registry.Lookup(key); ok {
		return a, true
	}
	return j.Semconv.Lookup(key)
}

// Nearest returns the contract key closest to key, if close enough: the
// team's registries first, then the semantic conventions.
func (j *Judge) Nearest(key string) (string, bool) {
	if near, ok := j.Registry.Nearest(key); ok {
		return near, true
	}
	return j.Semconv.Nearest(key)
}

// ReplacementReady reports whether a deprecated key has somewhere better
// to go, which makes it a TL303: a deprecation in the team's registries
// always has; in the semantic conventions, a key renamed to a key that is
// at least release candidate, or deprecated with a note saying what to
// record instead. A semconv key obsoleted with no replacement, renamed to a
// key still in development, or moved out of the conventions is left to the
// opt-in TL307: moving off it buys no stability.
func (j *Judge) ReplacementReady(key string, attr *contract.Attribute) bool {
	if _, ok := j.Registry.Lookup(key); ok {
		return true
	}
	d := attr.Deprecated
	switch d.Reason {
	case "obsoleted":
		return false
	case "renamed":
		to, ok := j.Lookup(d.RenamedTo)
		return ok && config.StabilityRank(to.Stability) >= config.StabilityRank("release_candidate")
	}
	return !strings.Contains(strings.ToLower(d.Note), "moved to the")
}

// SemconvNamespaceOf returns the namespace of the semantic conventions that
// key squats, or "": its parent when that holds semconv keys (app.order_id
// in app), or any deeper prefix of two segments or more that does
// (messaging.kafka.producer.success under messaging.kafka), the longest
// first.
func (j *Judge) SemconvNamespaceOf(key string) string {
	if j.Semconv == nil {
		return ""
	}
	for i := strings.LastIndexByte(key, '.'); i > 0; i = strings.LastIndexByte(key[:i], '.') {
		prefix := key[:i]
		if j.Semconv.HasNamespace(prefix) && (strings.Contains(prefix, ".") || i == strings.LastIndexByte(key, '.')) {
			return prefix
		}
	}
	return ""
}

// DeprecationDetail says why a key that was not simply renamed is
// deprecated: ": it is obsolete (note)", " (note)" or "".
func DeprecationDetail(d *contract.Deprecation) string {
	var detail string
	switch d.Reason {
	case "obsoleted":
		detail = ": it is obsolete"
	case "renamed":
		detail = fmt.Sprintf(": renamed to %q", d.RenamedTo)
	}
	if d.Note != "" {
		detail += " (" + strings.TrimSuffix(FirstLine(d.Note), ".") + ")"
	}
	return detail
}

// FirstLine returns the first line of s, trimmed.
func FirstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}

// NearMember returns the member a value most likely meant to be: one that
// starts with the value or with which the value starts, ignoring case, for
// words of four bytes or more ("postgres"/"postgresql"), or within two
// edits (one for values of four bytes or less).
func NearMember(v string, members []string) (string, bool) {
	limit := 2
	if len(v) <= 4 {
		limit = 1
	}
	best, bestDist := "", limit+1
	lv := strings.ToLower(strings.TrimSpace(v))
	for _, m := range members {
		lm := strings.ToLower(m)
		d := levenshtein.ComputeDistance(lv, lm)
		if len(lv) >= 4 && len(lm) >= 4 && (strings.HasPrefix(lm, lv) || strings.HasPrefix(lv, lm)) {
			d = min(d, 1)
		}
		if d < bestDist || d == bestDist && m < best {
			best, bestDist = m, d
		}
	}
	return best, best != ""
}

// nameRE is the naming convention of attribute keys: lowercase words in
// dot-separated namespaces, snake_case within a word.
var nameRE = regexp.MustCompile(`^[a-z][a-z0-9]*([._][a-z0-9]+)*$`)

// ValidName reports whether key follows the naming convention, with at
// least one namespace.
func ValidName(key string) bool {
	return nameRE.MatchString(key) && strings.Contains(key, ".")
}

// SuggestName proposes a conforming spelling of key: words split at case
// changes, other characters turned into underscores, lowercased, under a
// namespace placeholder when the key has none. It proposes nothing when
// that is still not a conforming key.
//
//	OrderID                   "<namespace>.order_id"
//	shop.orderId              "shop.order_id"
//	HTTPServer                "<namespace>.http_server"
//	example.com/x/caveatName  "example.com_x_caveat_name"
func SuggestName(key string) string {
	s := Conventional(key)
	switch {
	case s == "" || !nameRE.MatchString(s):
		return "lowercase words under your team's namespace, e.g. \"shop.order_id\""
	case !strings.Contains(s, "."):
		return fmt.Sprintf("\"<namespace>.%s\", with your team's namespace", s)
	}
	return strconv.Quote(s)
}

// Conventional spells key by the naming convention: lowercase,
// snake_case words, dots kept ("shop.orderId" becomes "shop.order_id").
func Conventional(key string) string {
	var b strings.Builder
	runes := []rune(key)
	for i, r := range runes {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '.':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			if i > 0 {
				prev := runes[i-1]
				nextLower := i+1 < len(runes) && unicode.IsLower(runes[i+1])
				if unicode.IsLower(prev) || unicode.IsDigit(prev) || unicode.IsUpper(prev) && nextLower {
					b.WriteByte('_')
				}
			}
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteByte('_')
		}
	}
	s := b.String()
	for strings.Contains(s, "__") || strings.Contains(s, "..") {
		s = strings.ReplaceAll(strings.ReplaceAll(s, "__", "_"), "..", ".")
	}
	s = strings.ReplaceAll(strings.ReplaceAll(s, "_.", "."), "._", ".")
	s = strings.Trim(s, "_.")
	return s
}
