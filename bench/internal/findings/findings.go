// Package findings reads what `tracelint -json` reports on a module into one
// flat, de-duplicated list: a file of a package is analysed in the package
// and again in its test variant, and the JSON tree repeats its findings.
package findings

import (
	"encoding/json"
	"fmt"
	"maps"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Finding is one diagnostic of tracelint.
type Finding struct {
	Rule     string // the rule ID (the diagnostic's category)
	Analyzer string
	File     string // slash path relative to the module root
	Line     int
	Col      int
	Message  string
	Fixes    []Fix // the suggested fixes' edits, for -fix
}

// Fix is one suggested fix of a finding.
type Fix struct {
	Message string
	Edits   []Edit
}

// Edit is one text edit of a fix, as byte offsets into a file.
type Edit struct {
	File       string // slash path relative to the module root
	Start, End int
	New        string
}

// Pos returns the finding's position, "file:line:col".
func (f Finding) Pos() string { return fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Col) }

// Key identifies the finding in a triage file: its rule and position.
func (f Finding) Key() string { return f.Rule + " " + f.Pos() }

// InTest reports whether the finding is in a _test.go file.
func (f Finding) InTest() bool { return strings.HasSuffix(f.File, "_test.go") }

// Shape is the finding's rule and file with its message's numbers
// blanked: the same defect keeps its shape when an edit elsewhere in the
// file moves its line.
func (f Finding) Shape() string {
	return f.Rule + " " + f.File + " " + digits.ReplaceAllString(f.Message, "N")
}

var digits = regexp.MustCompile(`[0-9]+`)

// Result is one run's findings and the packages that failed to load or
// whose analysis returned an error.
type Result struct {
	Findings []Finding
	Errors   []string // "package: error"
}

// Parse reads the JSON tree of a multichecker's -json output. Positions are
// made relative to root; findings outside root (none are expected) keep
// their absolute paths.
func Parse(data []byte, root string) (*Result, error) {
	var tree map[string]map[string]json.RawMessage
	// The tree may be preceded by other output on the same stream.
	if i := strings.Index(string(data), "{"); i > 0 {
		data = data[i:]
	}
	if err := json.Unmarshal(data, &tree); err != nil {
		return nil, fmt.Errorf("reading tracelint -json output: %v", err)
	}
	res := &Result{}
	seen := map[string]bool{}
	// Packages in order, so that a package comes before its test variant
	// ("p [p.test]") and the finding kept of two copies is always the same.
	for _, pkg := range slices.Sorted(maps.Keys(tree)) {
		byAnalyzer := tree[pkg]
		for _, analyzer := range slices.Sorted(maps.Keys(byAnalyzer)) {
			raw := byAnalyzer[analyzer]
			var failed struct{ Error string }
			if json.Unmarshal(raw, &failed) == nil && failed.Error != "" {
				res.Errors = append(res.Errors, pkg+": "+failed.Error)
				continue
			}
			var diags []struct {
				Category       string
				Posn           string
				Message        string
				SuggestedFixes []struct {
					Message string
					Edits   []struct {
						Filename   string
						Start, End int
						New        string
					}
				} `json:"suggested_fixes"`
			}
			if err := json.Unmarshal(raw, &diags); err != nil {
				return nil, fmt.Errorf("package %s, analyzer %s: %v", pkg, analyzer, err)
			}
			for _, d := range diags {
				file, line, col := splitPosn(d.Posn)
				f := Finding{Rule: d.Category, Analyzer: analyzer, File: rel(root, file), Line: line, Col: col, Message: d.Message}
				if seen[f.Key()+f.Message] {
					continue
				}
				seen[f.Key()+f.Message] = true
				for _, sf := range d.SuggestedFixes {
					fix := Fix{Message: sf.Message}
					for _, e := range sf.Edits {
						fix.Edits = append(fix.Edits, Edit{File: rel(root, e.Filename), Start: e.Start, End: e.End, New: e.New})
					}
					f.Fixes = append(f.Fixes, fix)
				}
				res.Findings = append(res.Findings, f)
			}
		}
	}
	Sort(res.Findings)
	sort.Strings(res.Errors)
	return res, nil
}

// Sort orders findings by file, line, column and rule.
func Sort(fs []Finding) {
	sort.Slice(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.Rule < b.Rule
	})
}

// splitPosn splits "file:line:col" (the file may hold colons).
func splitPosn(posn string) (string, int, int) {
	rest, colStr, ok1 := cut(posn)
	file, lineStr, ok2 := cut(rest)
	if !ok1 || !ok2 {
		return posn, 0, 0
	}
	line, _ := strconv.Atoi(lineStr)
	col, _ := strconv.Atoi(colStr)
	return file, line, col
}

func cut(s string) (before, after string, ok bool) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+1:], true
}

func rel(root, file string) string {
	if r, err := filepath.Rel(root, file); err == nil && !strings.HasPrefix(r, "..") {
		return filepath.ToSlash(r)
	}
	return file
}
