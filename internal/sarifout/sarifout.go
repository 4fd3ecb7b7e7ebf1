// Package sarifout writes findings as a SARIF 2.1.0 log, the format GitHub
// code scanning and most code review tools import.
//
// The log has one run. Its tool lists every rule of the catalogue, found or
// not, so that a viewer can show a rule's help for any result and a policy
// can tell which rules were checked; a synthetic TL000 is added when a
// finding is about a //nolint directive. Each finding becomes a result with
// its place, its related places (with ids and messages), its suggested fixes
// and partial fingerprints that follow it across line moves. Findings of the
// rule "internal-error" are no result of any rule: they become error
// notifications of the run's invocation, which is then marked unsuccessful.
//
// Paths are written relative to the %SRCROOT% base, which
// originalUriBaseIds resolves to the working directory; a file outside it
// keeps an absolute file URI.
package sarifout

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/tracelint/tracelint/internal/finding"
	"github.com/tracelint/tracelint/internal/rules"
)

// Names the log uses for things of its own.
const (
	toolName = "tracelint"
	toolURI  = "https://github.com/tracelint/tracelint"
	// srcRoot is the uriBaseId of every relative path.
	srcRoot = "%SRCROOT%"
	// fingerprintKey names the partial fingerprint computed by
	// fingerprints; the version suffix changes if its recipe does.
	fingerprintKey = "tracelintFunctionLine/v1"
	// nolintRule and internalError are the finding rules that are not in
	// the catalogue.
	nolintRule    = "TL000"
	internalError = "internal-error"
)

// nolint is the synthetic rule of findings about //nolint directives,
// which the command line reports and no analyzer has in its catalogue. It
// has no rule page; its help URI is the URL its findings carry.
var nolint = &rules.Rule{
	ID:       nolintRule,
	Analyzer: "nolint",
	Title:    "nolint directive that silences nothing or names an unknown rule",
	Why: "A `//nolint` directive that silences no finding, or that names a rule or analyzer tracelint does not have, " +
		"is left over from code that changed, or misspelt: it hides nothing today and may hide a real finding tomorrow. " +
		"Remove it or correct the name; where reasons are required, say after a second `//` why the finding does not apply.",
	Default: true,
}

// Write writes fs as a SARIF 2.1.0 log to w. catalogue is the rule
// catalogue (tracelint.Rules()); toolVersion is the tool's version, written
// as the driver's version (and as its semanticVersion when it is one) and
// left out when empty.
//
// A finding of a rule that is neither in the catalogue, nor TL000, nor
// "internal-error" is an error, reported before anything is written.
//
// Write reads the files of the findings, when it can, to turn their byte
// columns into the UTF-16 columns the log declares (see columns).
func Write(w io.Writer, fs []finding.Finding, catalogue []*rules.Rule, toolVersion string) error {
	wd, err := os.Getwd()
	if err != nil {
		return fmt.Errorf("sarif: working directory: %v", err)
	}
	log, err := build(fs, catalogue, toolVersion, wd)
	if err != nil {
		return err
	}
	out, err := encode(log)
	if err != nil {
		return fmt.Errorf("sarif: %v", err)
	}
	_, err = w.Write(out)
	return err
}

// build makes the log of fs; wd is the directory %SRCROOT% stands for.
func build(fs []finding.Finding, catalogue []*rules.Rule, toolVersion, wd string) (*sarif.Report, error) {
	all := slices.Clone(catalogue)
	urls := make(map[string]string, len(all)+1)
	for _, r := range all {
		urls[r.ID] = r.URL()
	}
	if i := slices.IndexFunc(fs, func(f finding.Finding) bool { return f.Rule == nolintRule }); i >= 0 {
		all = append([]*rules.Rule{nolint}, all...)
		urls[nolintRule] = fs[i].URL
	}
	index := make(map[string]int, len(all))
	for i, r := range all {
		index[r.ID] = i
	}
	for _, f := range fs {
		if _, ok := index[f.Rule]; !ok && f.Rule != internalError {
			return nil, fmt.Errorf("sarif: %s: rule %q of finding %q is not in the catalogue", place(f.Pos), f.Rule, f.Message)
		}
	}

	driver := sarif.NewToolComponent().
		WithName(toolName).
		WithInformationURI(toolURI)
	if toolVersion != "" {
		// "v1.2.0" is written "1.2.0": SARIF consumers compare versions
		// that start with a number.
		v := toolVersion
		if len(v) > 1 && v[0] == 'v' && v[1] >= '0' && v[1] <= '9' {
			v = v[1:]
		}
		driver.WithVersion(v)
		if semver.MatchString(v) {
			driver.WithSemanticVersion(v)
		}
	}
	for _, r := range all {
		driver.AddRule(rule(r, urls[r.ID]))
	}

	run := sarif.NewRun().
		WithTool(sarif.NewTool().WithDriver(driver)).
		WithColumnKind("utf16CodeUnits").
		WithOriginalUriBaseIds(map[string]sarif.ArtifactLocation{
			srcRoot: *sarif.NewArtifactLocation().WithURI(dirURI(wd)),
		})

	cols := &columns{wd: wd, files: make(map[string][]byte)}
	prints := fingerprints(fs)
	inv := sarif.NewInvocation()
	ok := true
	for i, f := range fs {
		if f.Rule == internalError {
			ok = false
			n := sarif.NewNotification()
			n.Level = sarif.LevelError
			n.WithMessage(sarif.NewTextMessage(sentence(f.Message)))
			if loc := location(f.Pos, f.End, cols); loc != nil {
				n.Locations = append(n.Locations, loc)
			}
			inv.AddToolExecutionNotification(n)
			continue
		}
		res := sarif.NewRuleResult(f.Rule).
			WithRuleIndex(index[f.Rule]).
			WithLevel(sarif.LevelWarning).
			WithMessage(sarif.NewTextMessage(sentence(f.Message))).
			WithPartialFingerprints(map[string]string{fingerprintKey: prints[i]})
		if loc := location(f.Pos, f.End, cols); loc != nil {
			if f.Func != "" {
				loc.AddLogicalLocation(sarif.NewLogicalLocation().
					WithName(f.Func).
					WithFullyQualifiedName(qualified(f.Package, f.Func)).
					WithKind("function"))
			}
			res.AddLocation(loc)
		}
		for id, r := range f.Related {
			loc := location(r.Pos, r.End, cols)
			if loc == nil {
				continue
			}
			loc.WithID(id)
			if r.Message != "" {
				loc.WithMessage(sarif.NewTextMessage(sentence(r.Message)))
			}
			res.AddRelatedLocation(loc)
		}
		for _, fx := range f.Fixes {
			res.AddFixe(fix(fx, cols))
		}
		run.AddResult(res)
	}
	inv.ExecutionSuccessful = &ok
	run.AddInvocation(inv)

	return sarif.NewReport().AddRun(run), nil
}

// encode writes the log as indented JSON, without what go-sarif writes
// although it says nothing (see compact), and without escaping <, > and &
// (messages quote Go code such as "<-ch" and "&x").
func encode(log *sarif.Report) ([]byte, error) {
	raw, err := json.Marshal(log)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var tree any
	if err := dec.Decode(&tree); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(compact(tree)); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// compact drops from a decoded log the properties that go-sarif writes
// with their schema defaults, because its structs lack omitempty on them:
// the -1 of an unset index or of another number whose default is -1
// (the validator warns on an unset index written out, SARIF2004), empty
// arrays, and empty property bags. The results array stays, even empty:
// GitHub requires it, and an empty one says the analysis found nothing.
func compact(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			switch e := e.(type) {
			case json.Number:
				if e == "-1" && minusOneDefault[k] {
					delete(v, k)
				}
			case []any:
				if len(e) == 0 && k != "results" {
					delete(v, k)
					continue
				}
				compact(e)
			case map[string]any:
				compact(e)
				if len(e) == 0 && k == "properties" {
					delete(v, k)
				}
			}
		}
	case []any:
		for _, e := range v {
			compact(e)
		}
	}
	return v
}

// minusOneDefault are the properties of SARIF 2.1.0 whose default is -1.
var minusOneDefault = map[string]bool{
	"index": true, "parentIndex": true, "ruleIndex": true, "id": true, "target": true,
	"rank": true, "byteOffset": true, "charOffset": true,
}

// semver is the form of a semantic version, without its "v".
var semver = regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$`)

// rule describes r: its title as the short description, its why (Markdown)
// as the full description, and as help the why with the bad and good
// examples and a link to page, the rule's page ("" for none).
func rule(r *rules.Rule, page string) *sarif.ReportingDescriptor {
	d := sarif.NewRule(r.ID).
		WithName(friendlyName(r.Title)).
		WithShortDescription(sarif.NewMultiformatMessageString().WithText(r.Title)).
		WithFullDescription(sarif.NewMultiformatMessageString().
			WithText(sentence(plain(r.Why))).
			WithMarkdown(r.Why)).
		WithHelp(sarif.NewMultiformatMessageString().
			WithText(sentence(plain(r.Why))).
			WithMarkdown(help(r, page))).
		WithDefaultConfiguration(sarif.NewReportingConfiguration())
	if page != "" {
		d.WithHelpURI(page)
	}
	props := sarif.NewPropertyBag().
		Add("default", r.DefaultText()).
		Add("autofix", r.Autofix)
	props.AddTag(r.Analyzer)
	return d.WithProperties(props)
}

// help is the Markdown help of r, whose page is page.
func help(r *rules.Rule, page string) string {
	var b strings.Builder
	b.WriteString(r.Why)
	if r.Bad != "" {
		b.WriteString("\n\nReported:\n\n```go\n" + r.Bad + "\n```")
	}
	if r.Good != "" {
		b.WriteString("\n\nAccepted:\n\n```go\n" + r.Good + "\n```")
	}
	if page != "" {
		b.WriteString("\n\nSee [" + r.ID + "](" + page + ").")
	}
	return b.String()
}

// friendlyName turns a rule's title into the Pascal-case name SARIF asks
// for: "end every span on every path" is "EndEverySpanOnEveryPath". Words
// are capitalised and the rest of each lowercased ("API" is "Api"), and
// the articles "a" and "an" are left out, so that no two capitals meet
// ("UseMemberOfTheKeysEnum", not "UseAMemberOfTheKeySEnum").
func friendlyName(title string) string {
	title = strings.NewReplacer("'", "", "’", "").Replace(title)
	var b strings.Builder
	for _, w := range strings.FieldsFunc(title, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if w == "a" || w == "an" {
			continue
		}
		first, size := utf8.DecodeRuneInString(w)
		b.WriteRune(unicode.ToUpper(first))
		b.WriteString(strings.ToLower(w[size:]))
	}
	return b.String()
}

// plain drops the backquotes of Markdown code spans, for the text
// variants of a description.
func plain(markdown string) string { return strings.ReplaceAll(markdown, "`", "") }

// sentence ends s with a period. tracelint's messages end without one, as
// Go diagnostics do; SARIF viewers expect plain-text messages to be
// complete sentences (the SARIF validator warns otherwise, SARIF2001).
func sentence(s string) string {
	s = strings.TrimRight(s, " \t\n")
	if s == "" || strings.HasSuffix(s, ".") {
		return s
	}
	return s + "."
}

// qualified is the fully qualified name of a function of pkg.
func qualified(pkg, fn string) string {
	if pkg == "" {
		return fn
	}
	return pkg + "." + fn
}

// place names a position for an error message.
func place(p finding.Position) string {
	if p.File == "" {
		return "-"
	}
	return p.File + ":" + strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Column)
}

// location is the physical location of the range from..to, or nil when
// from has no file. A range that does not extend past from (End may equal
// Pos) runs to the end of the line instead, since an empty region would
// highlight nothing; the end is then written out when the file tells
// where the line ends, and left out otherwise, which SARIF reads the same
// way (the validator asks for explicit ends, SARIF2017).
func location(from, to finding.Position, cols *columns) *sarif.Location {
	if from.File == "" {
		return nil
	}
	region := sarif.NewRegion().
		WithStartLine(from.Line).
		WithStartColumn(cols.column(from))
	if to.File == from.File && (to.Line > from.Line || to.Line == from.Line && to.Column > from.Column) {
		region.WithEndLine(to.Line).WithEndColumn(cols.column(to))
	} else if end, ok := cols.lineEnd(from); ok {
		region.WithEndLine(from.Line).WithEndColumn(end)
	}
	return sarif.NewLocationWithPhysicalLocation(sarif.NewPhysicalLocation().
		WithArtifactLocation(artifact(from.File)).
		WithRegion(region))
}

// fix is a suggested fix: its edits grouped by file, in the order the
// files first appear. A replacement's deleted region is always given with
// its end; an empty one is an insertion point.
func fix(fx finding.Fix, cols *columns) *sarif.Fix {
	out := sarif.NewFix()
	if fx.Message != "" {
		out.WithDescription(sarif.NewTextMessage(sentence(fx.Message)))
	}
	changes := make(map[string]*sarif.ArtifactChange)
	for _, e := range fx.Edits {
		ch, ok := changes[e.Pos.File]
		if !ok {
			ch = sarif.NewArtifactChange().WithArtifactLocation(artifact(e.Pos.File))
			changes[e.Pos.File] = ch
			out.AddArtifactChange(ch)
		}
		rep := sarif.NewReplacement().WithDeletedRegion(sarif.NewRegion().
			WithStartLine(e.Pos.Line).
			WithStartColumn(cols.column(e.Pos)).
			WithEndLine(e.End.Line).
			WithEndColumn(cols.column(e.End)))
		if e.NewText != "" {
			rep.WithInsertedContent(sarif.NewArtifactContent().WithText(e.NewText))
		}
		ch.AddReplacement(rep)
	}
	return out
}

// artifact locates a file named as finding.Position names it: a relative
// path under %SRCROOT%, or an absolute file URI.
func artifact(file string) *sarif.ArtifactLocation {
	if isAbs(file) {
		return sarif.NewArtifactLocation().WithURI(fileURI(file))
	}
	// A relative reference whose first segment holds a colon would read as
	// a scheme; URL.String prefixes it with "./".
	return sarif.NewArtifactLocation().
		WithURI((&url.URL{Path: file}).String()).
		WithURIBaseID(srcRoot)
}

// isAbs reports whether a slash-separated path is absolute, here or on
// Windows ("C:/src").
func isAbs(p string) bool {
	return path.IsAbs(p) || filepath.IsAbs(filepath.FromSlash(p)) ||
		len(p) >= 3 && p[1] == ':' && p[2] == '/'
}

// fileURI is the file URI of an absolute path.
func fileURI(p string) string {
	p = filepath.ToSlash(p)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive: file:///C:/src
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// dirURI is the file URI of a directory, ending in a slash as a base URI
// must.
func dirURI(dir string) string {
	u := fileURI(dir)
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u
}

// columns converts the byte columns of positions to the UTF-16 code units
// that the log declares as its columnKind, the unit GitHub and editors
// count in. It reads each file once, relative to wd; the column of a
// position is then one more than the number of UTF-16 code units between
// the start of its line and its offset. Where the file cannot be read, or
// the position does not agree with it (the file changed since the
// analysis), the byte column is written as it is: the two agree on lines
// whose text up to the position is ASCII, as it nearly always is in Go
// code before a finding.
type columns struct {
	wd    string
	files map[string][]byte // nil: unreadable
}

// column is the column of p.
func (c *columns) column(p finding.Position) int {
	src, start, ok := c.line(p)
	if !ok {
		return p.Column
	}
	return utf16Len(src[start:p.Offset]) + 1
}

// lineEnd is the column of the end of p's line, and whether the file
// could tell.
func (c *columns) lineEnd(p finding.Position) (int, bool) {
	src, start, ok := c.line(p)
	if !ok {
		return 0, false
	}
	end := p.Offset + bytes.IndexByte(src[p.Offset:], '\n')
	if end < p.Offset {
		end = len(src)
	}
	if end > p.Offset && src[end-1] == '\r' {
		end--
	}
	return utf16Len(src[start:end]) + 1, true
}

// line returns the text of p's file and the offset of the start of p's
// line, and whether p agrees with the file.
func (c *columns) line(p finding.Position) (src []byte, start int, ok bool) {
	src, read := c.files[p.File]
	if !read {
		name := filepath.FromSlash(p.File)
		if !filepath.IsAbs(name) {
			name = filepath.Join(c.wd, name)
		}
		src, _ = os.ReadFile(name)
		c.files[p.File] = src
	}
	start = p.Offset - (p.Column - 1)
	if p.Column < 1 || start < 0 || p.Offset > len(src) || start > 0 && src[start-1] != '\n' ||
		bytes.IndexByte(src[start:p.Offset], '\n') >= 0 {
		return nil, 0, false
	}
	return src, start, true
}

// utf16Len is the length of UTF-8 text b in UTF-16 code units.
func utf16Len(b []byte) int {
	n := 0
	for _, r := range string(b) {
		n += utf16.RuneLen(r)
	}
	return n
}

// fingerprints returns the partial fingerprint of each finding: a hash of
// its rule, file, enclosing function and line text (its spaces collapsed),
// which stay the same when unrelated edits move the line, then ":" and the
// finding's ordinal among those of the same hash, in file order, so that
// two identical findings in one function stay two results.
func fingerprints(fs []finding.Finding) []string {
	hashes := make([]string, len(fs))
	order := make([]int, len(fs))
	for i, f := range fs {
		h := sha256.Sum256([]byte(f.Rule + "\x00" + f.Pos.File + "\x00" + f.Func + "\x00" + strings.Join(strings.Fields(f.LineText), " ")))
		hashes[i] = hex.EncodeToString(h[:16])
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		pa, pb := fs[a].Pos, fs[b].Pos
		if c := strings.Compare(pa.File, pb.File); c != 0 {
			return c
		}
		return pa.Offset - pb.Offset
	})
	seen := make(map[string]int)
	out := make([]string, len(fs))
	for _, i := range order {
		seen[hashes[i]]++
		out[i] = hashes[i] + ":" + strconv.Itoa(seen[hashes[i]])
	}
	return out
}
