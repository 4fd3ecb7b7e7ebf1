package ghannot_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/tracelint/tracelint/internal/finding"
	"github.com/tracelint/tracelint/internal/ghannot"
)

func at(file string, line, col int) finding.Position {
	return finding.Position{File: file, Line: line, Column: col}
}

func TestWrite(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    finding.Finding
		want string
	}{{
		name: "one line",
		f:    finding.Finding{Rule: "TL201", Pos: at("svc/api.go", 21, 15), End: at("svc/api.go", 21, 55), Message: `span "span" is not ended (TL201)`},
		want: `::warning file=svc/api.go,line=21,col=15,endLine=21,endColumn=55,title=TL201::span "span" is not ended (TL201)`,
	}, {
		name: "several lines: no columns",
		f:    finding.Finding{Rule: "TL201", Pos: at("a.go", 3, 2), End: at("a.go", 5, 1), Message: "m"},
		want: `::warning file=a.go,line=3,endLine=5,title=TL201::m`,
	}, {
		name: "no end",
		f:    finding.Finding{Rule: "TL201", Pos: at("a.go", 3, 2), Message: "m"},
		want: `::warning file=a.go,line=3,col=2,endLine=3,endColumn=2,title=TL201::m`,
	}, {
		name: "end before start",
		f:    finding.Finding{Rule: "TL201", Pos: at("a.go", 3, 9), End: at("a.go", 3, 2), Message: "m"},
		want: `::warning file=a.go,line=3,col=9,endLine=3,endColumn=9,title=TL201::m`,
	}, {
		name: "data escapes",
		f:    finding.Finding{Rule: "TL301", Pos: at("a.go", 1, 1), End: at("a.go", 1, 2), Message: "100% of \"a::b\", c=d\r\nnext %0A line"},
		want: `::warning file=a.go,line=1,col=1,endLine=1,endColumn=2,title=TL301::100%25 of "a::b", c=d%0D%0Anext %250A line`,
	}, {
		name: "property escapes",
		f:    finding.Finding{Rule: "TL301", Pos: at("C:/odd dir/a,b:c%.go", 1, 1), End: at("C:/odd dir/a,b:c%.go", 1, 2), Message: "m"},
		want: `::warning file=C%3A/odd dir/a%2Cb%3Ac%25.go,line=1,col=1,endLine=1,endColumn=2,title=TL301::m`,
	}, {
		name: "related places",
		f: finding.Finding{Rule: "TL201", Pos: at("a.go", 3, 2), End: at("a.go", 3, 6), Message: "span leaks (TL201)", Related: []finding.Related{
			{Pos: at("a.go", 7, 3), Message: "return without End"},
			{Pos: at("b.go", 9, 1), Message: "100% here"},
		}},
		want: `::warning file=a.go,line=3,col=2,endLine=3,endColumn=6,title=TL201::span leaks (TL201)%0Aa.go:7:3: return without End%0Ab.go:9:1: 100%25 here`,
	}, {
		name: "internal error",
		f:    finding.Finding{Rule: "internal-error", Pos: at("a.go", 1, 1), Message: "spanend: failed"},
		want: `::error file=a.go,line=1,col=1,endLine=1,endColumn=1,title=internal-error::spanend: failed`,
	}, {
		name: "no place",
		f:    finding.Finding{Rule: "internal-error", Message: "load: no packages"},
		want: `::error title=internal-error::load: no packages`,
	}} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := ghannot.Write(&buf, []finding.Finding{tc.f}); err != nil {
				t.Fatal(err)
			}
			if got := buf.String(); got != tc.want+"\n" {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

// TestRoundTrip parses the commands as GitHub's runner does and checks
// that every property and the message come back unchanged.
func TestRoundTrip(t *testing.T) {
	texts := []string{"plain", "a:b,c=d", "%", "%25", "%0A", "%%0D%", "line\nbreak\r\n", "::", "x::y", "é 𝄞", " lead and trail "}
	for _, s := range texts {
		f := finding.Finding{Rule: "TL" + s, Pos: at("dir/"+s+".go", 4, 2), End: at("dir/"+s+".go", 4, 9), Message: s + " (TL201)"}
		var buf bytes.Buffer
		if err := ghannot.Write(&buf, []finding.Finding{f}); err != nil {
			t.Fatal(err)
		}
		line := strings.TrimSuffix(buf.String(), "\n")
		if strings.ContainsAny(line, "\r\n") {
			t.Errorf("%q: the command spans several lines: %q", s, line)
			continue
		}
		name, props, data, err := parse(line)
		if err != nil {
			t.Errorf("%q: %v", s, err)
			continue
		}
		if name != "warning" || props["file"] != f.Pos.File || props["title"] != f.Rule || props["line"] != "4" || props["endColumn"] != "9" || data != f.Message {
			t.Errorf("%q: parsed %s %q %q", s, name, props, data)
		}
	}
}

// parse reads a workflow command the way GitHub's runner does: the command
// info ends at the first "::" after the leading one, the name at the first
// space; properties are split at "," and then at the first "=", and the
// escapes undone one kind after another with %25 last.
func parse(line string) (name string, props map[string]string, data string, err error) {
	rest, ok := strings.CutPrefix(line, "::")
	if !ok {
		return "", nil, "", errors.New("no leading ::")
	}
	info, data, ok := strings.Cut(rest, "::")
	if !ok {
		return "", nil, "", errors.New("no :: after the command")
	}
	name, propText, _ := strings.Cut(info, " ")
	props = make(map[string]string)
	for _, p := range strings.Split(propText, ",") {
		if k, v, ok := strings.Cut(p, "="); ok {
			props[k] = unescape(v, "%0D", "\r", "%0A", "\n", "%3A", ":", "%2C", ",", "%25", "%")
		}
	}
	return name, props, unescape(data, "%0D", "\r", "%0A", "\n", "%25", "%"), nil
}

func unescape(s string, pairs ...string) string {
	for i := 0; i < len(pairs); i += 2 {
		s = strings.ReplaceAll(s, pairs[i], pairs[i+1])
	}
	return s
}

func TestWriteError(t *testing.T) {
	fs := []finding.Finding{{Rule: "TL201", Pos: at("a.go", 1, 1), Message: "m"}}
	if err := ghannot.Write(failing{}, fs); err == nil {
		t.Error("no error from a failing writer")
	}
}

type failing struct{}

func (failing) Write([]byte) (int, error) { return 0, errors.New("disk full") }
