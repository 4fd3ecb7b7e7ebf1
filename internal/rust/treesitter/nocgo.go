//go:build !cgo

package treesitter

import (
	"errors"

	"github.com/tracelint/tracelint/internal/rust/syntax"
)

// Available reports whether this build can parse Rust: it needs cgo.
const Available = false

// ErrNoCgo is New's error in a build without cgo.
var ErrNoCgo = errors.New("tracelint rust needs a build with cgo (the Rust parser is tree-sitter's C library): install tracelint with CGO_ENABLED=1 and a C compiler")

// New fails: this build has no cgo.
func New() (syntax.Parser, error) { return nil, ErrNoCgo }
