// Package pii decides whether an attribute key, or the name of a variable,
// field or method, stands for personal data or a secret.
//
// A key is judged in two layers. Layer 1 is a curated list of keys whose
// value is sensitive (user.email, the Authorization header). Layer 2 splits
// the key into words (at dots, underscores, dashes, spaces and case
// changes) and looks for whole words and phrases of each category
// ("password", "api key", "card number"), unless a metadata word ("count",
// "verified", "hash") says the key describes the data rather than holds it,
// or the key lies in an infrastructure namespace (server., host., k8s.).
// Whole words matter: substring matching trips on token_count, author,
// passenger_count, email_verified and ip_version.
//
// The package knows nothing of go/analysis; a registry's privacy
// annotations (layer 3) are applied by the analyzer, which has the contract.
package pii

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// Category is a kind of sensitive data.
type Category uint8

// The categories. Credentials are secrets; Pseudonymous identifiers point at
// a person without naming them; the others are personal data.
const (
	None Category = iota
	Credentials
	Contact
	GovernmentID
	Financial
	PersonName
	BirthDate
	PostalAddress
	NetworkIdentity
	Personal // personal data of no finer category: a registry's "privacy: personal"
	Pseudonymous
)

var categoryNames = [...]string{
	None: "none", Credentials: "credentials", Contact: "contact", GovernmentID: "government-id",
	Financial: "financial", PersonName: "person-name", BirthDate: "birth-date",
	PostalAddress: "postal-address", NetworkIdentity: "network-identity", Personal: "personal",
	Pseudonymous: "pseudonymous",
}

// String returns the category's name as the configuration spells it.
func (c Category) String() string {
	if int(c) < len(categoryNames) {
		return categoryNames[c]
	}
	return "unknown"
}

// ParseCategory returns the category named s, as String spells it.
func ParseCategory(s string) (Category, bool) {
	i := slices.Index(categoryNames[:], s)
	if i <= 0 {
		return None, false
	}
	return Category(i), true
}

// IsPersonal reports whether c is personal data: neither a secret, nor a
// pseudonymous identifier, nor None.
func (c Category) IsPersonal() bool { return c >= Contact && c <= Personal }

// Match is a key's or a name's category and the words that decided it.
type Match struct {
	Category Category
	// Why is the matched word or phrase ("card number"), or the curated key.
	Why string
}

// Matcher classifies keys and names. The zero value is not ready: use
// [NewMatcher].
type Matcher struct {
	phrases map[string][]phrase // by first word
}

// phrase is a sequence of words of one category.
type phrase struct {
	words    []string
	category Category
}

// NewMatcher returns a Matcher with the built-in phrases and extra, more
// phrases by category, each a string of space-separated words ("pin code").
func NewMatcher(extra map[Category][]string) *Matcher {
	m := &Matcher{phrases: make(map[string][]phrase)}
	for c, list := range builtinPhrases {
		for _, p := range list {
			m.add(c, p)
		}
	}
	for c, list := range extra {
		for _, p := range list {
			m.add(c, p)
		}
	}
	for first := range m.phrases {
		// Longest phrase first: "api key" before "api".
		slices.SortStableFunc(m.phrases[first], func(a, b phrase) int { return len(b.words) - len(a.words) })
	}
	return m
}

func (m *Matcher) add(c Category, p string) {
	words := Words(p)
	if len(words) == 0 {
		return
	}
	m.phrases[words[0]] = append(m.phrases[words[0]], phrase{words: words, category: c})
}

// Key classifies an attribute key (or a baggage or tracestate key): the
// curated keys first, then the words.
func (m *Matcher) Key(key string) (Match, bool) {
	lower := strings.ToLower(key)
	if c, ok := curated[lower]; ok {
		return Match{Category: c, Why: key}, true
	}
	for _, prefix := range curatedHeaderPrefixes {
		if name, ok := strings.CutPrefix(lower, prefix); ok {
			if c, ok := sensitiveHeaders[name]; ok {
				return Match{Category: c, Why: name + " header"}, true
			}
		}
	}
	if IsMachineKey(lower) {
		return Match{}, false
	}
	return m.words(Words(key))
}

// IsMachineKey reports whether key lies in a namespace about machines and
// software, not people (server.address, host.ip, k8s.pod.name): a network
// address recorded under it is a server's, whatever the Go expression that
// holds it is called (conn.RemoteAddr() in client code).
func IsMachineKey(key string) bool {
	lower := strings.ToLower(key)
	for _, ns := range infraNamespaces {
		if strings.HasPrefix(lower, ns+".") || lower == ns {
			return true
		}
	}
	return false
}

// Name classifies the name of a variable, field or method holding a value,
// such as Email in order.Customer.Email; owner is the name of what holds it
// (Customer), or its type's name, whose last word decides whether a bare
// "name" or "address" is a person's (User.Name, but not
// ListUsersRequest.Id); it may be empty.
func (m *Matcher) Name(owner, name string) (Match, bool) {
	words := Words(name)
	if ow := Words(owner); len(ow) > 0 {
		words = append([]string{ow[len(ow)-1]}, words...)
	}
	return m.words(words)
}

// AmbiguousOwner reports whether owner (a variable or type name) ends in a
// person word that names businesses as often as people: Customer, Member.
// A value that is personal only because of such an owner (Customer.Name)
// needs more evidence, such as other personal fields in the owner's type.
func AmbiguousOwner(owner string) bool {
	ow := Words(owner)
	return len(ow) > 0 && ambiguousOwners[singular(ow[len(ow)-1])]
}

// words classifies a key split into words.
func (m *Matcher) words(words []string) (Match, bool) {
	for _, w := range words {
		if stopWords[w] {
			return Match{}, false
		}
	}
	var best Match
	for i := 0; i < len(words); i++ {
		candidates := m.phrases[words[i]]
		if s := singular(words[i]); s != words[i] {
			candidates = append(slices.Clip(candidates), m.phrases[s]...)
		}
		for _, p := range candidates {
			n := len(p.words)
			if i+n > len(words) || !matchesAt(words, i, p.words) {
				continue
			}
			if p.category == Credentials && i+n < len(words) && credentialRefs[words[i+n]] {
				continue // api_key_id, secret_name: a reference to the secret, not the secret
			}
			if Better(p.category, best.Category) {
				best = Match{Category: p.category, Why: strings.Join(p.words, " ")}
			}
		}
		if c, ok := personWord(words, i); ok && Better(c.Category, best.Category) {
			best = c
		}
	}
	return best, best.Category != None
}

// personWord matches the words that are personal only right after a
// person word, or after one modifier: user.name, customer_address,
// customer.display_name, patient.id.
func personWord(words []string, i int) (Match, bool) {
	c, ok := personOnly[singular(words[i])]
	if !ok || i == 0 {
		return Match{}, false
	}
	j := i - 1
	if personModifiers[words[j]] && j > 0 {
		j--
	}
	if personNamespaces[singular(words[j])] {
		return Match{Category: c, Why: words[j] + " " + words[i]}, true
	}
	return Match{}, false
}

// Better orders categories when something matches several: secrets first,
// then personal data, then pseudonymous identifiers.
func Better(c, than Category) bool {
	rank := func(c Category) int {
		switch {
		case c == Credentials:
			return 3
		case c.IsPersonal():
			return 2
		case c == Pseudonymous:
			return 1
		}
		return 0
	}
	return rank(c) > rank(than)
}

func matchesAt(words []string, i int, p []string) bool {
	for j, w := range p {
		if singular(words[i+j]) != w && words[i+j] != w {
			return false
		}
	}
	return true
}

// singular drops a plural ending: emails, addresses, passwords.
func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "sses"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}

// Words splits s into lowercase words at dots, underscores, dashes, spaces,
// slashes and case changes: "http.request.header.X-Api-Key" gives http,
// request, header, x, api, key; "userEmailAddress" gives user, email,
// address; "SSNLast4" gives ssn, last4.
func Words(s string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	runes := []rune(s)
	for i, r := range runes {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush()
			continue
		case unicode.IsUpper(r) && len(cur) > 0:
			prev := runes[i-1]
			nextLower := i+1 < len(runes) && unicode.IsLower(runes[i+1])
			if unicode.IsLower(prev) || unicode.IsDigit(prev) || unicode.IsUpper(prev) && nextLower {
				flush()
			}
		}
		cur = append(cur, r)
	}
	flush()
	return words
}

// What names the data a match found, for a message: "a credential
// (password)", "personal data (contact: email)".
func (m Match) What() string {
	switch m.Category {
	case Credentials:
		return fmt.Sprintf("a credential (%s)", m.Why)
	case Pseudonymous:
		return fmt.Sprintf("a pseudonymous identifier (%s)", m.Why)
	case Personal:
		return fmt.Sprintf("personal data (%s)", m.Why)
	}
	return fmt.Sprintf("personal data (%s: %s)", m.Category, m.Why)
}

// RedactHint ends a message about personal data: what to do instead.
const RedactHint = "drop it, or pass the value through a redactor listed in piiattrs.redactors"
