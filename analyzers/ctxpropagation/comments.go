package ctxpropagation

import (
	"go/ast"
	"go/token"
	"regexp"
	"strings"

	"golang.org/x/tools/go/ast/inspector"
)

// deliberateComment matches a comment that says a fresh root is on
// purpose: a //nolint for contextcheck (the peer linter's users wrote it
// for exactly this) or for tracelint's rule, or words that explain a
// detachment.
var deliberateComment = regexp.MustCompile(`(?i)nolint:\S*(contextcheck|ctxpropagation|TL10[14])|intention|deliberate|on purpose|detach|outlive|independent|(not|n't|never)\b.{0,30}\bcancel`)

// cancellationComment matches a comment that explains a root by the
// request's cancellation ("when the context is canceled, ... should still
// wait ... so we use context.Background here"); it counts only above the
// statement, where such explanations are written.
var cancellationComment = regexp.MustCompile(`(?is)cancel.*\b(background|still|even|regardless|survive)\b|\b(background|still|even|regardless|survive)\b.*cancel`)

// unfinishedComment matches a comment that owns up to a defect instead of
// explaining a choice.
var unfinishedComment = regexp.MustCompile(`\b(TODO|FIXME|XXX|HACK)\b`)

// markedDeliberate reports whether a comment on the statement that holds
// the fresh root at cur (on its lines, or the line just above it) says the
// root is deliberate:
//
//	//nolint:contextcheck // the audit log must be written even if the client hangs up
//	go audit.Write(context.Background(), entry)
func (c *checker) markedDeliberate(cur inspector.Cursor) bool {
	stmt := cur.Node()
	for anc := range cur.Enclosing() {
		if _, ok := anc.Node().(ast.Stmt); ok {
			stmt = anc.Node()
			break
		}
	}
	file := c.fileOf(cur.Node().Pos())
	if file == nil {
		return false
	}
	tf := c.pass.Fset.File(stmt.Pos())
	first, last := tf.Line(stmt.Pos()), tf.Line(cur.Node().End())
	for _, group := range file.Comments {
		start, end := tf.Line(group.Pos()), tf.Line(group.End())
		if end < first-1 || start > last {
			continue
		}
		var lines []string // raw: Text drops directives such as //nolint
		for _, cm := range group.List {
			lines = append(lines, cm.Text)
		}
		text := strings.Join(lines, "\n")
		above := end == first-1
		if (deliberateComment.MatchString(text) || above && cancellationComment.MatchString(text)) && !unfinishedComment.MatchString(text) {
			return true
		}
	}
	return false
}

// fileOf returns the file of the pass that holds pos.
func (c *checker) fileOf(pos token.Pos) *ast.File {
	for _, f := range c.pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}
