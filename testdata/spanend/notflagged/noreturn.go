package notflagged

import (
	"context"
	"log"
	"os"
	"runtime"
	"syscall"
	"testing"
)

// Each function ends its span on one branch only; the other branch calls
// a function that never returns, so no path leaks. Were the call taken to
// return, the function would end with the span open (TL201): one fixture
// per kind of entry in the no-return table.

func noReturnPanic(ctx context.Context, ok bool) {
	_, span := tracer.Start(ctx, "panic") // ok: the builtin panic
	if !ok {
		panic("not ok")
	} else {
		span.End()
	}
}

func noReturnExit(ctx context.Context, ok bool) {
	_, span := tracer.Start(ctx, "exit") // ok: a package function, os.Exit
	if !ok {
		os.Exit(1)
	} else {
		span.End()
	}
}

func noReturnSyscallExit(ctx context.Context, ok bool) {
	_, span := tracer.Start(ctx, "syscall") // ok: syscall.Exit
	if !ok {
		syscall.Exit(1)
	} else {
		span.End()
	}
}

func noReturnGoexit(ctx context.Context, ok bool) {
	_, span := tracer.Start(ctx, "goexit") // ok: runtime.Goexit
	if !ok {
		runtime.Goexit()
	} else {
		span.End()
	}
}

func noReturnLogFatal(ctx context.Context, ok bool) {
	_, span := tracer.Start(ctx, "fatal") // ok: log.Fatal
	if !ok {
		log.Fatal("not ok")
	} else {
		span.End()
	}
}

func noReturnLoggerMethod(ctx context.Context, logger *log.Logger, ok bool) {
	_, span := tracer.Start(ctx, "logger") // ok: a method, (*log.Logger).Panicf
	if !ok {
		logger.Panicf("not ok: %v", ok)
	} else {
		span.End()
	}
}

func noReturnPromoted(ctx context.Context, t *testing.T, ok bool) {
	_, span := tracer.Start(ctx, "promoted") // ok: a promoted method, (*testing.common).FailNow through *testing.T
	if !ok {
		t.FailNow()
	} else {
		span.End()
	}
}

func noReturnInterface(ctx context.Context, tb testing.TB, ok bool) {
	_, span := tracer.Start(ctx, "interface") // ok: an interface method, (testing.TB).Skipf
	if !ok {
		tb.Skipf("not ok")
	} else {
		span.End()
	}
}

// A function of the same shape that returns: the leak is real.
func returns(ctx context.Context, ok bool) {
	_, span := tracer.Start(ctx, "returns") // want `span "span" is not ended on every path: it leaks at the end of the function.*\(TL201\)`
	if !ok {
		log.Print("not ok")
	} else {
		span.End()
	}
}
