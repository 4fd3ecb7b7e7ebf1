//go:build cgo

// Package treesitter parses Rust with tree-sitter's Rust grammar, through
// the official Go bindings (cgo), into a syntax.Node tree.
package treesitter

/*
#include <stdlib.h>

// The core library's allocator hook (tree_sitter/api.h).
void ts_set_allocator(void *(*new_malloc)(size_t), void *(*new_calloc)(size_t, size_t),
	void *(*new_realloc)(void *, size_t), void (*new_free)(void *));

static void use_libc_allocator(void) { ts_set_allocator(malloc, calloc, realloc, free); }
*/
import "C"

import (
	"errors"
	"slices"
	"sync"

	sitter "github.com/tree-sitter/go-tree-sitter"
	rust "github.com/tree-sitter/tree-sitter-rust/bindings/go"

	"github.com/tracelint/tracelint/internal/rust/syntax"
)

// Available reports whether this build can parse Rust: it needs cgo.
const Available = true

func init() {
	// The Go bindings route every allocation of the C library through Go
	// callbacks that call C's malloc again: two cgo crossings each, a third
	// of the time of a parse. The bindings' own init has run (it is a
	// dependency), so the library's allocator can go back to libc's before
	// any tree exists.
	C.use_libc_allocator()
}

// grammar is the Rust grammar's tables, read once: the name of each kind
// and field, and which kinds are named.
var grammar = sync.OnceValue(func() *tables {
	lang := sitter.NewLanguage(rust.Language())
	t := &tables{lang: lang}
	for id := range uint16(lang.NodeKindCount()) {
		t.kinds = append(t.kinds, lang.NodeKindForId(id))
		t.named = append(t.named, lang.NodeKindIsNamed(id))
	}
	for id := range uint16(lang.FieldCount() + 1) {
		t.fields = append(t.fields, lang.FieldNameForId(id))
	}
	return t
})

type tables struct {
	lang   *sitter.Language
	kinds  []string // by kind id
	named  []bool   // by kind id
	fields []string // by field id; "" for 0, no field
}

type parser struct {
	p *sitter.Parser
	t *tables
}

// New returns a Rust parser. A parser is not safe for concurrent use.
func New() (syntax.Parser, error) {
	t := grammar()
	p := sitter.NewParser()
	if err := p.SetLanguage(t.lang); err != nil {
		p.Close()
		return nil, err
	}
	return &parser{p: p, t: t}, nil
}

func (p *parser) Parse(src []byte) (*syntax.Node, error) {
	tree := p.p.Parse(src, nil)
	if tree == nil {
		return nil, errors.New("tree-sitter returned no tree")
	}
	defer tree.Close()
	c := tree.Walk()
	defer c.Close()
	b := builder{t: p.t, lines: syntax.LineStarts(src)}
	return b.convert(c, nil), nil
}

func (p *parser) Close() { p.p.Close() }

// builder copies a tree into syntax.Nodes, with as few calls into C per
// node as the bindings allow: kind and field by id, named from the
// grammar's tables, line and column from the offset.
type builder struct {
	t     *tables
	lines []int // offset of the start of each line
}

// convert copies the cursor's node and everything below it.
func (b *builder) convert(c *sitter.TreeCursor, parent *syntax.Node) *syntax.Node {
	tn := c.Node()
	kind, field := tn.KindId(), c.FieldId()
	start := int(tn.StartByte())
	n := &syntax.Node{
		Start:  start,
		End:    int(tn.EndByte()),
		Parent: parent,
	}
	if int(kind) < len(b.t.kinds) {
		n.Kind, n.Named = b.t.kinds[kind], b.t.named[kind]
	}
	if int(field) < len(b.t.fields) {
		n.Field = b.t.fields[field]
	}
	line, _ := slices.BinarySearch(b.lines, start+1)
	n.Line, n.Column = line, start-b.lines[line-1]+1
	if c.GotoFirstChild() {
		for {
			n.Children = append(n.Children, b.convert(c, n))
			if !c.GotoNextSibling() {
				break
			}
		}
		c.GotoParent()
	}
	return n
}
