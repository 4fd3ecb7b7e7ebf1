package rootlib

import (
	"context"
	_ "unsafe" // for go:linkname
)

// Ticks reads the clock through a function declared without a body.
func Ticks(ctx context.Context) int64 {
	use(ctx)
	return nanotime()
}

// nanotime has no body here: the runtime provides it.
//
//go:linkname nanotime runtime.nanotime
func nanotime() int64
