//go:build !cgo

package treesitter

import "github.com/tracelint/tracelint/internal/rust/syntax"

// Available reports whether this build can parse Rust: it needs cgo.
const Available = false

// New fails: this build has no cgo.
func New() (syntax.Parser, error) { return nil, ErrNoCgo }
