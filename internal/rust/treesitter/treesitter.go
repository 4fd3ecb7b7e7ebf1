//go:build cgo

// Package treesitter parses Rust with tree-sitter's Rust grammar, through
// the official Go bindings (cgo), into a syntax.Node tree.
package treesitter

import (
	"errors"

	sitter "github.com/tree-sitter/go-tree-sitter"
	rust "github.com/tree-sitter/tree-sitter-rust/bindings/go"

	"github.com/tracelint/tracelint/internal/rust/syntax"
)

// Available reports whether this build can parse Rust: it needs cgo.
const Available = true

type parser struct {
	p *sitter.Parser
}

// New returns a Rust parser. A parser is not safe for concurrent use.
func New() (syntax.Parser, error) {
	p := sitter.NewParser()
	if err := p.SetLanguage(sitter.NewLanguage(rust.Language())); err != nil {
		p.Close()
		return nil, err
	}
	return &parser{p: p}, nil
}

func (p *parser) Parse(src []byte) (*syntax.Node, error) {
	tree := p.p.Parse(src, nil)
	if tree == nil {
		return nil, errors.New("tree-sitter returned no tree")
	}
	defer tree.Close()
	c := tree.Walk()
	defer c.Close()
	return convert(c, nil), nil
}

func (p *parser) Close() { p.p.Close() }

// convert copies the cursor's node and everything below it.
func convert(c *sitter.TreeCursor, parent *syntax.Node) *syntax.Node {
	tn := c.Node()
	pos := tn.StartPosition()
	n := &syntax.Node{
		Kind:   tn.Kind(),
		Field:  c.FieldName(),
		Named:  tn.IsNamed(),
		Start:  int(tn.StartByte()),
		End:    int(tn.EndByte()),
		Line:   int(pos.Row) + 1,
		Column: int(pos.Column) + 1,
		Parent: parent,
	}
	if tn.IsMissing() {
		n.Kind = "MISSING"
	}
	if c.GotoFirstChild() {
		for {
			n.Children = append(n.Children, convert(c, n))
			if !c.GotoNextSibling() {
				break
			}
		}
		c.GotoParent()
	}
	return n
}
