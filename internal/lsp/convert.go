package lsp

import (
	"fmt"
	"sync"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/contract"
	"github.com/tracelint/tracelint/internal/memo"
)

// toProtocol converts a finding's diagnostic: the rule ID as its code,
// linking to the rule's page, and related places attached.
func toProtocol(d diagnostic) protocol.Diagnostic {
	out := protocol.Diagnostic{
		Range:    toRange(d.from, d.to),
		Severity: protocol.DiagnosticSeverityWarning,
		Source:   protocol.NewOptional("tracelint"),
		Message:  protocol.String(d.message),
	}
	if d.rule == "" {
		out.Severity = protocol.DiagnosticSeverityError
	} else {
		out.Code = protocol.String(d.rule)
	}
	if d.url != "" {
		if u, err := uri.Parse(d.url); err == nil {
			out.CodeDescription = protocol.CodeDescription{Href: u}
		}
	}
	for _, r := range d.related {
		out.RelatedInformation = append(out.RelatedInformation, protocol.DiagnosticRelatedInformation{
			Location: protocol.Location{URI: uri.File(r.file), Range: toRange(r.from, r.to)},
			Message:  r.message,
		})
	}
	return out
}

func toRange(from, to position) protocol.Range {
	return protocol.Range{
		Start: protocol.Position{Line: from.line, Character: from.col},
		End:   protocol.Position{Line: to.line, Character: to.col},
	}
}

func toTextEdit(e edit) protocol.TextEdit {
	return protocol.TextEdit{Range: toRange(e.from, e.to), NewText: e.text}
}

func anyString(v any) string { return fmt.Sprint(v) }

// source is the configuration of a session: the file named by
// Options.Config, or each package's own. reset forgets the files read, what
// the analyzers remember (memo.Cache) and the registries loaded, so that an
// edited .tracelint.yml, registry or span wrapper is read again.
type source struct {
	explicit string
	ruleIDs  []string
	cache    *memo.Cache

	mu     sync.Mutex
	finder *config.Finder
}

var _ memo.Holder = (*source)(nil)

func newSource(explicit string, ruleIDs []string) *source {
	return &source{
		explicit: explicit,
		ruleIDs:  ruleIDs,
		cache:    memo.New(),
		finder:   config.NewFinder(explicit, ruleIDs),
	}
}

// For returns the configuration for the package in dir.
func (s *source) For(dir string) (*config.Config, error) {
	s.mu.Lock()
	f := s.finder
	s.mu.Unlock()
	return f.For(dir)
}

// Cache is what the analyzers built from s remember.
func (s *source) Cache() *memo.Cache { return s.cache }

func (s *source) reset() {
	s.mu.Lock()
	s.finder = config.NewFinder(s.explicit, s.ruleIDs)
	s.mu.Unlock()
	s.cache.Invalidate()
	contract.Forget()
}
