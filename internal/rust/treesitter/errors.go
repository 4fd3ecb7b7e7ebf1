package treesitter

import "errors"

// ErrNoCgo is New's error in a build without cgo.
var ErrNoCgo = errors.New("tracelint rust needs a build with cgo (the Rust parser is tree-sitter's C library): install tracelint with CGO_ENABLED=1 and a C compiler")
