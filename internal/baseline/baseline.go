// Package baseline records the findings a team has accepted for now, so
// that a check fails only on new ones: Write saves the findings of a run,
// Load reads them back, and Filter tells the findings of a later run that
// the baseline holds from the fresh ones.
//
// A finding is matched on its rule, its file, the function around it and
// the text of its line, never on line numbers: inserting lines above a
// finding, or moving its function within the file, keeps it matched, while
// editing its line, renaming its function or moving it to another file
// makes it new. Spaces in the line's text are collapsed first, so that
// gofmt realigning a comment changes nothing. Matching counts: a baseline
// that holds a finding twice accepts two such findings, and a third is new.
// Internal errors (the rule "internal-error") are never recorded and never
// accepted.
//
// The file is JSON, indented, its findings sorted by file, function, rule
// and code, so that it diffs well and a rerun on unchanged code rewrites it
// byte for byte:
//
//	{
//	  "version": 1,
//	  "findings": [
//	    {
//	      "rule": "TL201",
//	      "file": "service/api/api.go",
//	      "func": "(*Server).Get",
//	      "code": "ctx, span := tracer.Start(ctx, \"get\")",
//	      "count": 1
//	    }
//	  ]
//	}
//
// version is 1, the only version there is. Each finding has its rule ID;
// its file, relative to the directory of the baseline file with forward
// slashes (so that the baseline matches from whatever directory the tool
// runs in); its enclosing function as finding.Finding.Func names it ("" at
// package level); code, the text of its first line, trimmed, spaces
// collapsed; and count, how many such findings are accepted (1 when left
// out). Unknown fields are errors.
package baseline

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"github.com/tracelint/tracelint/internal/finding"
)

// Version is the version of the file format Write writes and Load reads.
const Version = 1

// internalError is the rule of findings that are failures of the tool.
const internalError = "internal-error"

// Baseline is a loaded baseline: how many findings of each key it accepts.
type Baseline struct {
	counts map[key]int
	dir    string // absolute directory of the file; its paths are relative to it
	wd     string // working directory at Load; findings' paths are relative to it
}

// key is what a finding is matched on.
type key struct {
	rule, file, fn, code string
}

// file is the JSON form of a baseline.
type file struct {
	Version  int     `json:"version"`
	Findings []entry `json:"findings"`
}

// entry is the JSON form of the findings of one key.
type entry struct {
	Rule  string `json:"rule"`
	File  string `json:"file"`
	Func  string `json:"func"`
	Code  string `json:"code"`
	Count *int   `json:"count,omitempty"`
}

// Write writes the findings fs as the baseline at path, replacing any file
// there. It writes a temporary file beside it and renames it, so that a
// failure leaves the old baseline whole.
func Write(path string, fs []finding.Finding) error {
	dir, wd, err := dirs(path)
	if err != nil {
		return err
	}
	counts := make(map[key]int)
	for _, f := range fs {
		if f.Rule != internalError {
			counts[keyOf(f, dir, wd)]++
		}
	}
	keys := make([]key, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(strings.Compare(a.file, b.file), strings.Compare(a.fn, b.fn),
			strings.Compare(a.rule, b.rule), strings.Compare(a.code, b.code))
	})
	out := file{Version: Version, Findings: make([]entry, 0, len(keys))}
	for _, k := range keys {
		n := counts[k]
		out.Findings = append(out.Findings, entry{Rule: k.rule, File: k.file, Func: k.fn, Code: k.code, Count: &n})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // code quotes Go: "<-done", "&x"
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	return writeFile(path, buf.Bytes())
}

// writeFile replaces the file at path with data, through a temporary file
// in the same directory.
func writeFile(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("%s: %v", path, err)
	}
	return nil
}

// Load reads the baseline at path. A missing file is an error, as is a
// file that is not a baseline of this version; errors name the file, and
// the line and column where they can.
func Load(path string) (*Baseline, error) {
	if path == "" {
		return nil, errors.New("baseline: no file name")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s: the baseline file does not exist", path)
		}
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	entries, err := parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s:%v", path, err)
	}
	dir, wd, err := dirs(path)
	if err != nil {
		return nil, err
	}
	b := &Baseline{counts: make(map[key]int), dir: dir, wd: wd}
	for _, e := range entries {
		n := 1
		if e.Count != nil {
			n = *e.Count
		}
		k := key{rule: e.Rule, file: filepath.ToSlash(filepath.Clean(filepath.FromSlash(e.File))), fn: e.Func, code: collapse(e.Code)}
		b.counts[k] += n
	}
	return b, nil
}

// Filter splits fs into the findings the baseline does not hold, in their
// order, and the number it holds. Each finding the baseline holds uses up
// one of its count; an internal error is always fresh. A nil Baseline
// holds nothing.
func (b *Baseline) Filter(fs []finding.Finding) (fresh []finding.Finding, known int) {
	if b == nil {
		return slices.Clone(fs), 0
	}
	left := make(map[key]int, len(b.counts))
	for k, n := range b.counts {
		left[k] = n
	}
	for _, f := range fs {
		if f.Rule != internalError {
			k := keyOf(f, b.dir, b.wd)
			if left[k] > 0 {
				left[k]--
				known++
				continue
			}
		}
		fresh = append(fresh, f)
	}
	return fresh, known
}

// dirs returns the absolute directory of the baseline at path and the
// working directory.
func dirs(path string) (dir, wd string, err error) {
	if path == "" {
		return "", "", errors.New("baseline: no file name")
	}
	wd, err = os.Getwd()
	if err != nil {
		return "", "", fmt.Errorf("%s: working directory: %v", path, err)
	}
	abs := path
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(wd, abs)
	}
	return filepath.Dir(abs), wd, nil
}

// keyOf is the key of f, its file made relative to dir (the baseline's
// directory) from wd (the directory f's path is relative to).
func keyOf(f finding.Finding, dir, wd string) key {
	name := filepath.FromSlash(f.Pos.File)
	if !filepath.IsAbs(name) {
		name = filepath.Join(wd, name)
	}
	if rel, err := filepath.Rel(dir, name); err == nil {
		name = rel
	}
	return key{rule: f.Rule, file: filepath.ToSlash(name), fn: f.Func, code: collapse(f.LineText)}
}

// collapse trims s and turns each run of spaces in it into one space.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// parse reads the entries of a baseline file. Its errors start with
// "line:column: ", for Load to put the file's name before.
//
// The whole text is checked as JSON first, which places a syntax error by
// its offset in the file; a json.Decoder places the errors of a value it
// decodes relative to the start of that value. The walk then goes token by
// token, keeping where each value starts, so that a wrong version, an
// unknown field or a bad finding is reported at its line.
func parse(data []byte) ([]entry, error) {
	at := func(off int64) string {
		line, col := lineCol(data, off)
		return fmt.Sprintf("%d:%d: ", line, col)
	}
	var se *json.SyntaxError
	if err := json.Unmarshal(data, new(any)); errors.As(err, &se) {
		// Offset counts the bytes read, the wrong one included.
		off := se.Offset
		if off > 0 && off < int64(len(data)) {
			off--
		}
		return nil, fmt.Errorf("%s%s", at(off), se.Error())
	} else if err != nil {
		return nil, fmt.Errorf("%s%v", at(0), err)
	}

	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	// next is the offset where the next value starts, after spaces and a
	// comma or colon.
	next := func() int64 {
		off := dec.InputOffset()
		for off < int64(len(data)) && strings.IndexByte(" \t\r\n,:", data[off]) >= 0 {
			off++
		}
		return off
	}
	// decode decodes the value starting at start into v; field names it.
	// Its errors are placed at the start of the value, naming the field
	// within it that is wrong: the decoder places an unknown field nowhere,
	// and a value of the wrong type after its end.
	decode := func(v any, start int64, field string) error {
		err := dec.Decode(v)
		if err == nil {
			return nil
		}
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			if te.Field != "" {
				field += ": " + te.Field
			}
			return fmt.Errorf("%s%s is a JSON %s; want %s", at(start), field, te.Value, jsonType(te.Type))
		}
		return fmt.Errorf("%s%s: %s", at(start), field, strings.TrimPrefix(err.Error(), "json: "))
	}

	// The text is valid JSON: Token fails only where the text ends.
	if tok, _ := dec.Token(); tok != json.Delim('{') {
		return nil, fmt.Errorf("%sa baseline is a JSON object with version and findings", at(0))
	}
	var entries []entry
	version := -1
	for dec.More() {
		keyAt := next()
		tok, _ := dec.Token()
		switch name, _ := tok.(string); name {
		case "version":
			valueAt := next()
			if err := decode(&version, valueAt, "version"); err != nil {
				return nil, err
			}
			if version != Version {
				return nil, fmt.Errorf("%sversion %d is not one this tracelint reads (%d); write the baseline again", at(valueAt), version, Version)
			}
		case "findings":
			listAt := next()
			if tok, _ := dec.Token(); tok != json.Delim('[') {
				return nil, fmt.Errorf("%sfindings is a list", at(listAt))
			}
			for i := 1; dec.More(); i++ {
				entryAt := next()
				var e entry
				if err := decode(&e, entryAt, fmt.Sprintf("finding %d", i)); err != nil {
					return nil, err
				}
				if msg := check(e); msg != "" {
					return nil, fmt.Errorf("%sfinding %d: %s", at(entryAt), i, msg)
				}
				entries = append(entries, e)
			}
			dec.Token() // the closing ]
		default:
			return nil, fmt.Errorf("%sunknown field %q; a baseline has version and findings", at(keyAt), name)
		}
	}
	if version == -1 {
		return nil, fmt.Errorf("%sno version; want \"version\": %d", at(0), Version)
	}
	return entries, nil
}

// jsonType names the JSON value a Go type is decoded from.
func jsonType(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Int, reflect.Int64:
		return "a whole number"
	case reflect.String:
		return "a string"
	case reflect.Slice:
		return "a list"
	case reflect.Struct:
		return "an object"
	}
	return t.String()
}

// check reports what is wrong with an entry, or "".
func check(e entry) string {
	switch {
	case e.Rule == "":
		return "no rule"
	case e.File == "":
		return "no file"
	case e.Count != nil && *e.Count < 1:
		return fmt.Sprintf("count %d; want 1 or more", *e.Count)
	}
	return ""
}

// lineCol is the 1-based line and byte column of offset off in data.
func lineCol(data []byte, off int64) (line, col int) {
	off = min(max(off, 0), int64(len(data)))
	before := data[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	return line, len(before) - bytes.LastIndexByte(before, '\n')
}
