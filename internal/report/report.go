// Package report is the runtime every analyzer reports through: a rule's
// finding becomes a diagnostic whose message ends in the rule ID, whose
// Category is the ID and whose URL is the rule's page, and a rule the
// configuration turns off reports nothing. Guard keeps a panic in one
// analyzer from aborting a whole run.
package report

import (
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/rules"
)

// Reporter reports the findings of one analyzer's rules in one pass.
type Reporter struct {
	pass    *analysis.Pass
	enabled map[string]bool
}

// New returns a Reporter for pass that drops the findings of the
// rules cfg turns off.
func New(pass *analysis.Pass, cfg *config.Config, catalogue []*rules.Rule) *Reporter {
	enabled := make(map[string]bool, len(catalogue))
	for _, r := range catalogue {
		enabled[r.ID] = r.Enabled(cfg)
	}
	return &Reporter{pass: pass, enabled: enabled}
}

// Enabled reports whether the rule is on, so that an analyzer can skip work
// whose only outcome would be dropped.
func (rep *Reporter) Enabled(r *rules.Rule) bool { return rep.enabled[r.ID] }

// Finding is one defect found by a rule.
type Finding struct {
	Rule *rules.Rule
	// Pos and End delimit the reported node.
	Pos, End token.Pos
	// Message is the sentence without the rule ID; Report appends it.
	Message string
	// Related are secondary places, such as the return that leaks a span.
	Related []analysis.RelatedInformation
	// Fix is the suggested fix, if any. A diagnostic carries at most one,
	// because golangci-lint's --fix applies all fixes of a diagnostic.
	Fix *analysis.SuggestedFix
}

// Report reports f unless its rule is turned off.
func (rep *Reporter) Report(f Finding) {
	if !rep.enabled[f.Rule.ID] {
		return
	}
	d := analysis.Diagnostic{
		Pos:      f.Pos,
		End:      f.End,
		Category: f.Rule.ID,
		URL:      f.Rule.URL(),
		Message:  f.Message + " (" + f.Rule.ID + ")",
		Related:  f.Related,
	}
	if f.Fix != nil {
		d.SuggestedFixes = []analysis.SuggestedFix{*f.Fix}
	}
	rep.pass.Report(d)
}

// InternalErrorCategory is the Category of the diagnostic reported when an
// analyzer fails.
const InternalErrorCategory = "internal-error"

// Guard wraps an analyzer's run function so that a panic becomes one
// diagnostic at the package clause of the pass's first file, instead of
// aborting the whole driver (and, under golangci-lint, every other linter's
// findings with it). With TRACELINT_NO_RECOVER set in the environment, it
// lets the panic through, for debugging.
func Guard(name string, run func(*analysis.Pass) (any, error)) func(*analysis.Pass) (any, error) {
	if os.Getenv("TRACELINT_NO_RECOVER") != "" {
		return run // let a developer see the whole stack
	}
	return func(pass *analysis.Pass) (result any, err error) {
		defer func() {
			if r := recover(); r != nil {
				pos := token.NoPos
				if len(pass.Files) > 0 {
					pos = pass.Files[0].Package
				}
				pass.Report(analysis.Diagnostic{
					Pos:      pos,
					Category: InternalErrorCategory,
					Message: fmt.Sprintf("internal error: %s stopped on package %s: %v; please report it with this package's code (%s)",
						name, pass.Pkg.Path(), r, firstFrames(debug.Stack())),
				})
				result, err = nil, nil
				if t := pass.Analyzer.ResultType; t != nil {
					result = reflect.Zero(t).Interface() // a typed nil, as the driver checks the type
				}
			}
		}()
		return run(pass)
	}
}

// firstFrames picks the function names of the innermost frames of a stack
// that belong to tracelint, enough to locate a bug from a user's report.
func firstFrames(stack []byte) string {
	return FirstFrames(stack, func(fn string) bool {
		return strings.Contains(fn, "internal/rules.") || strings.Contains(fn, ".Guard.")
	})
}

// FirstFrames names the three innermost frames of a stack (as
// runtime/debug.Stack writes it) that belong to tracelint and that skip does
// not leave out: "at internal/rust/lint.(*file).check < ...", or "no
// tracelint frame".
func FirstFrames(stack []byte, skip func(fn string) bool) string {
	const module = "github.com/tracelint/tracelint/"
	var frames []string
	for line := range strings.SplitSeq(string(stack), "\n") {
		i := strings.LastIndex(line, "(")
		if !strings.HasPrefix(line, module) || i < 0 || skip(line) {
			continue
		}
		frames = append(frames, strings.TrimPrefix(line[:i], module)) // drop the arguments, keep "(*T).m"
		if len(frames) == 3 {
			break
		}
	}
	if len(frames) == 0 {
		return "no tracelint frame"
	}
	return "at " + strings.Join(frames, " < ")
}

// ConfigFor returns the configuration src gives the pass's package, and the
// package's directory, where it is looked up. The pass must have files.
func ConfigFor(pass *analysis.Pass, src config.Source) (*config.Config, string, error) {
	dir := filepath.Dir(pass.Fset.Position(pass.Files[0].Package).Filename)
	cfg, err := src.For(dir)
	return cfg, dir, err
}
