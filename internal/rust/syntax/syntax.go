// Package syntax is tracelint's model of a parsed Rust file: a tree of
// nodes named by the tree-sitter Rust grammar's kinds and fields, held in
// plain Go values so that the rules can be written and run without cgo.
//
// A Parser turns source into a tree; package treesitter provides the one
// tracelint ships.
package syntax

import "iter"

// Parser parses one Rust source file.
type Parser interface {
	// Parse returns the tree of src. A file with syntax errors still has a
	// tree, with ERROR nodes where the grammar did not match.
	Parse(src []byte) (*Node, error)
	// Close frees the parser's resources.
	Close()
}

// Node is one node of the tree: a named node of the grammar
// ("macro_invocation", "identifier") or an anonymous token ("=", ",").
type Node struct {
	// Kind is the grammar's name of the node.
	Kind string
	// Field is the name of the field of the parent that holds the node
	// ("name", "arguments"), or "".
	Field string
	// Named is false for anonymous tokens: punctuation and keywords.
	Named bool
	// Start and End are byte offsets in the source.
	Start, End int
	// Line is the 1-based line of Start, Column its 1-based byte column.
	Line, Column int
	// Parent is nil for the root.
	Parent *Node
	// Children are in source order, anonymous tokens included.
	Children []*Node
}

// Text returns the node's source.
func (n *Node) Text(src []byte) string {
	return string(src[n.Start:n.End])
}

// ChildByField returns the first child held by field, or nil.
func (n *Node) ChildByField(field string) *Node {
	if n == nil {
		return nil
	}
	for _, c := range n.Children {
		if c.Field == field {
			return c
		}
	}
	return nil
}

// NamedChildren returns the named children, in order.
func (n *Node) NamedChildren() []*Node {
	var named []*Node
	for _, c := range n.Children {
		if c.Named {
			named = append(named, c)
		}
	}
	return named
}

// Preorder yields n and every node below it, parents before children.
func (n *Node) Preorder() iter.Seq[*Node] {
	return func(yield func(*Node) bool) {
		n.walk(yield)
	}
}

func (n *Node) walk(yield func(*Node) bool) bool {
	if !yield(n) {
		return false
	}
	for _, c := range n.Children {
		if !c.walk(yield) {
			return false
		}
	}
	return true
}

// Ancestor returns the nearest node above n of one of kinds, or nil.
func (n *Node) Ancestor(kinds ...string) *Node {
	for p := n.Parent; p != nil; p = p.Parent {
		for _, k := range kinds {
			if p.Kind == k {
				return p
			}
		}
	}
	return nil
}

// LineStarts returns the offset at which each line of src starts: the
// first is 0. The 1-based line of an offset is the number of starts at or
// before it.
func LineStarts(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}
