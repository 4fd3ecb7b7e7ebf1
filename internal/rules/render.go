package rules

import "strings"

// DefaultText says whether the rule is on by default, and when for a rule
// whose default depends on the configuration.
func (r *Rule) DefaultText() string {
	if r.DefaultIfDoc != "" {
		return "on " + r.DefaultIfDoc
	}
	return onOff(r.Default)
}

func onOff(on bool) string {
	if on {
		return "on"
	}
	return "off"
}

// AnalyzerDoc builds an analyzer's Doc from its title, a paragraph on what
// it checks, and its catalogue: one line per rule with its ID, title and,
// when it is not simply on, its default. The rule list is written once, in
// the catalogue.
func AnalyzerDoc(title, intro string, catalogue []*Rule) string {
	var b strings.Builder
	b.WriteString(title + "\n\n" + intro + "\n\nRules (" + DocsBase + "TLnnn.md):\n")
	for _, r := range catalogue {
		b.WriteString("  " + r.ID + " " + r.Title)
		if d := r.DefaultText(); d != "on" {
			b.WriteString(" (" + d + ")")
		}
		b.WriteString("\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}
