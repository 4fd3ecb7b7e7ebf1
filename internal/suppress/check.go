package suppress

import (
	"fmt"
	"go/token"
	"regexp"
	"strings"

	"github.com/agnivade/levenshtein"
)

// RuleID is the rule of the problems [Directives.Check] reports. It is the
// command line's, not an analyzer's: only the whole run knows whether a
// directive silenced anything.
const RuleID = "TL000"

// Analyzer is the analyzer name given to the problems Check reports.
const Analyzer = "nolint"

// Vocabulary is what a directive may name for tracelint, and what the run
// checked, so that Check judges only the names whose findings the run
// could have produced.
type Vocabulary struct {
	// Rules maps each rule ID to its analyzer's name.
	Rules map[string]string
	// Analyzers are the names of every analyzer of the suite.
	Analyzers []string
	// Ran reports whether the analyzer of that name ran: a name of an
	// analyzer the command line left out is not judged unused.
	Ran func(analyzer string) bool
}

// Problem is something wrong with a directive.
type Problem struct {
	// Pos and End delimit the directive, or the name it is about.
	Pos, End token.Pos
	// Message says what is wrong and what to do; it ends with "(TL000)".
	Message string
	// Fix, when set, removes what silences nothing.
	Fix *Edit
}

// Edit replaces the text between two positions.
type Edit struct {
	// Message describes the edit as a suggested fix's title does.
	Message  string
	Pos, End token.Pos
	NewText  string
}

// ruleLike matches what can only be meant as a rule ID.
var ruleLike = regexp.MustCompile(`(?i)^tl[0-9]+$`)

// Check reports the problems of the directives once every finding of the
// file has been passed to [Directives.Use]:
//
//   - a tracelint name (an analyzer, a rule ID or "tracelint") that
//     silenced nothing, with a fix that removes it; a bare //nolint or
//     //nolint:all is golangci-lint's as much as tracelint's, and is not
//     judged;
//   - a name that is none of tracelint's but is close to one, or has the
//     form of a rule ID ("spanned", "TL209"), with the nearest name; other
//     names belong to other linters;
//   - with requireReason, a directive that names tracelint or silenced one
//     of its findings and gives no reason after a second //.
//
// src is the file's text, used to remove a whole comment cleanly; without
// it, no fix is offered.
func (d *Directives) Check(vocab Vocabulary, requireReason bool, src []byte) []Problem {
	var out []Problem
	for _, dir := range d.list {
		ours := dir.used
		var unused []int // indexes of tracelint names that silenced nothing
		for i, n := range dir.names {
			kind, analyzer := vocab.classify(n.text)
			switch kind {
			case nameOurs:
				ours = true
				if !n.used && (analyzer == "" && vocab.allRan() || analyzer != "" && vocab.ran(analyzer)) {
					unused = append(unused, i)
				}
			case nameUnknown:
				if guess, ok := vocab.nearest(n.text); ok {
					out = append(out, d.atName(dir, i, fmt.Sprintf("%q in %s is no tracelint rule or analyzer, so it silences nothing; did you mean %q? (%s)",
						n.text, directiveText(dir), guess, RuleID)))
				} else {
					out = append(out, d.atName(dir, i, fmt.Sprintf("%q in %s is no tracelint rule, so it silences nothing; name a rule of the catalogue (%s)",
						n.text, directiveText(dir), RuleID)))
				}
			}
		}
		if len(unused) > 0 {
			out = append(out, d.unusedProblem(dir, unused, src))
		}
		if requireReason && ours && dir.reason == "" {
			out = append(out, Problem{
				Pos: dir.comment.Slash, End: dir.comment.End(),
				Message: fmt.Sprintf("%s gives no reason; say why after a second //: %s // why the finding does not apply here (%s)",
					directiveText(dir), directiveText(dir), RuleID),
			})
		}
	}
	return out
}

// unusedProblem is the problem of the names of dir at the indexes unused,
// none of which silenced anything.
func (d *Directives) unusedProblem(dir *directive, unused []int, src []byte) Problem {
	where := "on its line"
	if dir.from != 0 {
		where = "in the declaration it precedes"
		if dir.from == dir.line {
			where = "in its declaration"
		}
	} else if d.aloneOnLine(dir, src) {
		where = "on its own line, which holds no code: a directive silences its line, or a top-level declaration from its doc comment or first line"
	}
	if len(unused) == len(dir.names) {
		p := Problem{
			Pos: dir.comment.Slash, End: dir.comment.End(),
			Message: fmt.Sprintf("%s silences no finding %s; remove it (%s)", directiveText(dir), where, RuleID),
		}
		p.Fix = d.removal(dir, src)
		return p
	}
	var names, kept []string
	skip := make(map[int]bool)
	for _, i := range unused {
		names = append(names, fmt.Sprintf("%q", dir.names[i].text))
		skip[i] = true
	}
	for i, n := range dir.names {
		if !skip[i] {
			kept = append(kept, n.text)
		}
	}
	subject := names[0]
	if len(names) > 1 {
		subject = strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
	}
	p := d.atName(dir, unused[0], fmt.Sprintf("%s in %s silence%s no finding %s; remove %s from the list (%s)",
		subject, directiveText(dir), map[bool]string{true: "", false: "s"}[len(names) > 1], where,
		map[bool]string{true: "them", false: "it"}[len(names) > 1], RuleID))
	list := dir.comment.Slash + token.Pos(len("//nolint:"))
	p.Fix = &Edit{Message: "Remove " + subject + " from the //nolint directive", Pos: list, End: d.listEnd(dir), NewText: strings.Join(kept, ",")}
	return p
}

// atName is a problem about the i-th name of dir.
func (d *Directives) atName(dir *directive, i int, msg string) Problem {
	n := dir.names[i]
	pos := dir.comment.Slash + token.Pos(n.offset)
	return Problem{Pos: pos, End: pos + token.Pos(len(n.text)), Message: msg}
}

// listEnd is the end of dir's list of names, before any reason.
func (d *Directives) listEnd(dir *directive) token.Pos {
	last := dir.names[len(dir.names)-1]
	return dir.comment.Slash + token.Pos(last.offset+len(last.text))
}

// removal is the edit that deletes dir's comment, with the blanks before
// it, or its whole line when the comment is alone on it; nil without src.
func (d *Directives) removal(dir *directive, src []byte) *Edit {
	tf := d.fset.File(dir.comment.Slash)
	if tf == nil || src == nil || tf.Size() != len(src) {
		return nil
	}
	from, to := tf.Offset(dir.comment.Slash), tf.Offset(dir.comment.End())
	lineStart := tf.Offset(tf.LineStart(dir.line))
	for from > lineStart && (src[from-1] == ' ' || src[from-1] == '\t') {
		from--
	}
	if from == lineStart && (to == len(src) || src[to] == '\n') {
		if to < len(src) {
			to++ // the newline
		}
		// gofmt separates the directives that end a doc comment from its
		// text by a line "//": it goes with the last directive.
		list := dir.group.List
		if n := len(list); n >= 2 && list[n-1] == dir.comment && list[n-2].Text == "//" &&
			d.fset.Position(list[n-2].Slash).Line == dir.line-1 {
			from = tf.Offset(tf.LineStart(dir.line - 1))
		}
	}
	return &Edit{Message: "Remove the unused //nolint directive", Pos: tf.Pos(from), End: tf.Pos(to)}
}

// aloneOnLine reports whether dir's comment has no code before it on its
// line.
func (d *Directives) aloneOnLine(dir *directive, src []byte) bool {
	tf := d.fset.File(dir.comment.Slash)
	if tf == nil || src == nil || tf.Size() != len(src) {
		return false
	}
	from, to := tf.Offset(tf.LineStart(dir.line)), tf.Offset(dir.comment.Slash)
	return strings.TrimSpace(string(src[from:to])) == ""
}

// directiveText is the directive without its reason, for messages.
func directiveText(dir *directive) string {
	text, _, _ := strings.Cut(dir.comment.Text[2:], "//")
	return "//" + strings.TrimSpace(text)
}

type nameKind int

const (
	nameOther   nameKind = iota // another linter's, or all
	nameOurs                    // an analyzer, a rule ID, or tracelint
	nameUnknown                 // meant as tracelint's, but none of its names
)

// classify tells what n is; for one of tracelint's names, the analyzer it
// belongs to, "" for tracelint itself.
func (v Vocabulary) classify(n string) (nameKind, string) {
	if strings.EqualFold(n, "all") {
		return nameOther, ""
	}
	if strings.EqualFold(n, "tracelint") {
		return nameOurs, ""
	}
	for _, a := range v.Analyzers {
		if strings.EqualFold(n, a) {
			return nameOurs, a
		}
	}
	for id, a := range v.Rules {
		if strings.EqualFold(n, id) {
			return nameOurs, a
		}
	}
	if ruleLike.MatchString(n) {
		return nameUnknown, ""
	}
	if _, near, _ := v.closest(n); near {
		return nameUnknown, ""
	}
	return nameOther, ""
}

// nearest returns the tracelint name closest to n, when it is close
// enough to be a misspelling of it and no other name is as close: at most
// two edits for names of six letters or more ("spanned" for "spanend"),
// one for shorter ones ("TL2O1" for "TL201"; "TL209" is one edit from
// six rules and gets no guess).
func (v Vocabulary) nearest(n string) (string, bool) {
	best, near, unique := v.closest(n)
	return best, near && unique
}

// closest returns the tracelint name closest to n, whether it is within
// the limit nearest sets, and whether no other name is as close.
func (v Vocabulary) closest(n string) (best string, near, unique bool) {
	limit := 1
	if len(n) >= 6 {
		limit = 2
	}
	bestDist, ties := limit+1, 0
	consider := func(candidate string) {
		switch dist := levenshtein.ComputeDistance(strings.ToLower(n), strings.ToLower(candidate)); {
		case dist < bestDist:
			best, bestDist, ties = candidate, dist, 1
		case dist == bestDist:
			ties++
		}
	}
	consider("tracelint")
	for _, a := range v.Analyzers {
		consider(a)
	}
	for id := range v.Rules {
		consider(id)
	}
	return best, bestDist <= limit, ties == 1
}

// ran reports whether the analyzer ran; true without a Ran function.
func (v Vocabulary) ran(analyzer string) bool { return v.Ran == nil || v.Ran(analyzer) }

// allRan reports whether every analyzer ran.
func (v Vocabulary) allRan() bool {
	for _, a := range v.Analyzers {
		if !v.ran(a) {
			return false
		}
	}
	return true
}
