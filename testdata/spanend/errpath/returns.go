package errpath

import (
	"context"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	teamerrors "example.com/tracelinttest/spanend/errpath/errors"
)

func wrap(err error) error { return err }

func isTemporary(error) bool { return false }

// Calls under "if err != nil" return an error; a check written either way
// round counts.
func wrappedUnderCheck(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "save") // want `span "span" ends without recording the error returned on line 22.*\(TL204\)`
	defer span.End()
	if err := put(ctx); nil != err {
		return wrap(err)
	}
	return nil
}

// Error constructors of other packages.
func grpcStatus(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "save") // want `span "span" ends without recording the error returned on line 32.*\(TL204\)`
	defer span.End()
	if put(ctx) != nil {
		return status.Error(codes.NotFound, "no such order")
	}
	return nil
}

func teamErrors(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "save") // want `span "span" ends without recording the error returned on line 41.*\(TL204\)`
	defer span.End()
	if put(ctx) != nil {
		return teamerrors.New("no such order")
	}
	return nil
}

// collector gathers problems; its Errorf returns nil when there are none.
type collector struct{ problems []string }

// Errorf returns the collected problems as an error, or nil.
func (c *collector) Errorf(format string, args ...any) error {
	if len(c.problems) == 0 {
		return nil
	}
	return teamerrors.New(format)
}

// Returns that may return nil are not reported.
func mayBeNil(ctx context.Context, c *collector, mk func() error, retry bool, cfg *Config) error {
	ctx, span := tracer.Start(ctx, "save") // ok: none of these returns is certainly an error
	defer span.End()
	err := put(ctx)
	switch {
	case retry:
		return c.Errorf("retry")
	case cfg != nil:
		return mk()
	case isTemporary(err):
		return err
	}
	if err != errSkip {
		return err
	}
	if errSkip != err {
		return err
	}
	if retry {
		return err
	}
	if err != nil {
		use(ctx)
	} else {
		return err
	}
	if nil != cfg {
		return err
	}
	if cfg != nil {
		return validate(cfg)
	}
	return nil
}

// Config is a configuration to validate.
type Config struct{}

func validate(*Config) error { return nil }

func use(context.Context) {}

var errSkip = teamerrors.New("skip")

// A function whose last result is not an error has no error path.
func build(ctx context.Context) *Config {
	ctx, span := tracer.Start(ctx, "build") // ok
	defer span.End()
	use(ctx)
	return &Config{}
}

// A span started in a loop that leaks at an error return is TL201's; the
// next iteration does not make the return TL204's.
func loopLeak(ctx context.Context, items []string) error {
	for _, it := range items {
		ctx, span := tracer.Start(ctx, it) // want `span "span" is not ended on every path.*\(TL201\)`
		if err := put(ctx); err != nil {
			return err
		}
		span.End()
	}
	return nil
}
