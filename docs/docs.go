// Package docs embeds tracelint's generated rule pages, docs/rules/TLnnn.md,
// so that every tracelint binary, installed anywhere, can print them
// (tracelint explain).
//
// The pages are embedded as generated rather than rendered again from the
// catalogue: a page's options table is read from the config package's
// source (rulesdoc.ReadOptions), which an installed binary does not have.
// The catalogue test keeps the files in step with the catalogue.
package docs

import (
	"embed"
	"strings"
)

//go:embed rules/TL*.md
var rulePages embed.FS

// RulePage returns the Markdown page of the rule with the given ID, without
// the generated-file marker that opens the file, and whether there is one.
func RulePage(id string) (string, bool) {
	if strings.ContainsAny(id, "/\\.*?[") {
		return "", false
	}
	data, err := rulePages.ReadFile("rules/" + id + ".md")
	if err != nil {
		return "", false
	}
	page := string(data)
	if first, rest, ok := strings.Cut(page, "\n"); ok && strings.HasPrefix(first, "<!--") {
		page = strings.TrimLeft(rest, "\n")
	}
	return page, true
}
