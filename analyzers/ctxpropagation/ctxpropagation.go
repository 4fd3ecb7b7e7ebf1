package ctxpropagation

import (
	"golang.org/x/tools/go/analysis"

	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/rules"
)

// Analyzer is the ctxpropagation analyzer with the default configuration.
var Analyzer = New(config.Default())

// Rules is the ctxpropagation catalogue. It is empty until the analyzer's rules land.
var Rules []*rules.Rule

// New returns a ctxpropagation Analyzer that takes its configuration from src. It
// has no rules yet, so it reads no configuration and reports nothing.
func New(src config.Source) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name: "ctxpropagation",
		Doc:  "ctxpropagation: no rules yet",
		Run:  func(*analysis.Pass) (any, error) { return nil, nil },
	}
}
