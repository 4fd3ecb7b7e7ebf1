package roots

import (
	"context"
	"net/http"
)

// A handler kept in a package-level variable is a function like any other.
var handle = func(ctx context.Context) error {
	return use(context.Background()) /* fix */ // want `context.Background\(\) starts a new trace although "ctx" is in scope.*\(TL101\)`
}

// A context from a function value, or from a request the function builds,
// carries no trace of the caller's.
func fromValue(derive func() context.Context) {
	ctx := derive()
	use(ctx)
	use(context.Background()) // ok
}

func newRequest() *http.Request {
	r, _ := http.NewRequest(http.MethodGet, "/", nil)
	return r
}

func builtRequest() {
	ctx := newRequest().Context()
	use(ctx)
	use(context.Background()) // ok: the request was built here
}

type replayer struct{ reqs []*http.Request }

func (s *replayer) request(i int) *http.Request { return s.reqs[i] }

// An accessor takes no arguments: s.request(0) is a lookup.
func replay(s *replayer) {
	ctx := s.request(0).Context()
	use(ctx)
	use(context.Background()) // ok
}

func runNow(f func()) { f() }

// A literal given to a call runs here, with the caller's context in scope.
func runsHere(ctx context.Context) {
	runNow(func() {
		use(context.Background()) /* fix */ // want `context.Background\(\) starts a new trace although "ctx" is in scope.*\(TL101\)`
	})
}

// Error methods have no package.
func describe(ctx context.Context, err error) string {
	_ = use(ctx)
	return err.Error()
}

type valueKey struct{}

// A context made from a root, carrying a parameter's value, carries no
// trace: the caller passed no context.
func rootFromValue(id string) {
	ctx := context.WithValue(context.Background(), valueKey{}, id)
	_ = use(ctx)
	_ = use(context.Background()) // ok
}

// A request the function builds is not an accessor of a parameter.
func localRequest() {
	req, _ := http.NewRequest(http.MethodGet, "/", nil)
	ctx := req.Context()
	_ = use(ctx)
	_ = use(context.Background()) // ok
}

type settings struct{ tenant string }

// A value read out of a parameter is no context, so a context made from a
// root carrying it carries no trace either.
func rootFromField(s settings) {
	tenant := s.tenant
	ctx := context.WithValue(context.Background(), valueKey{}, tenant)
	_ = use(ctx)
	_ = use(context.Background()) // ok
}

type counter struct{ n int }

// Only a literal's own destination counts: a literal assigned to a local,
// in a statement that also sets a field, runs here.
func setAndRun(ctx context.Context, c *counter) {
	var run func()
	c.n, run = 1, func() {
		_ = use(context.Background()) /* fix */ // want `context.Background\(\) starts a new trace although "ctx" is in scope.*\(TL101\)`
	}
	run()
}

// A root marked deliberate is judged by the comments of its own file; each
// file of the package has one, whatever order they are parsed in.
func markedShapes(ctx context.Context) {
	_ = use(ctx)
	_ = use(context.Background()) // ok: detached on purpose
}

// Only a nil check of a context, around the root, makes a defensive default.
func notNilChecks(ctx context.Context, err error, debug bool) {
	if ctx != nil {
		_ = use(context.Background()) /* fix */ // want `starts a new trace although "ctx" is in scope.*\(TL101\)`
	}
	if err == nil {
		_ = use(context.Background()) /* fix */ // want `starts a new trace although "ctx" is in scope.*\(TL101\)`
	}
	if debug {
		_ = use(context.TODO()) /* fix */ // want `starts a new trace although "ctx" is in scope.*\(TL101\)`
	}
	if ctx == nil {
		ctx = context.Background() // ok: a defensive default
	} else {
		_ = use(context.TODO()) /* fix */ // want `starts a new trace although "ctx" is in scope.*\(TL101\)`
	}
}

// TestConnection is no test: it lives in a non-test file.
func TestConnection(ctx context.Context) error {
	return use(context.Background()) /* fix */ // want `starts a new trace although "ctx" is in scope.*\(TL101\)`
}

type tally struct{ count int }

// A root is kept for later only when the variable itself is stored.
func notStored(ctx context.Context, s *tally) {
	bg := context.Background() /* fix */ // want `starts a new trace although "ctx" is in scope.*\(TL101\)`
	_ = &tally{count: 1}
	s.count = 2
	var keep context.Context
	keep = bg
	_ = use(keep)
}

// A root used only as a signal (Done, Err) carries no work; one read for a
// value does.
func signals(ctx context.Context) {
	stop, cancel := context.WithCancel(context.Background()) // ok: only a signal
	for stop.Err() == nil {
		_ = use(ctx)
		cancel()
	}
	vals := context.Background() /* fix */ // want `starts a new trace although "ctx" is in scope.*\(TL101\)`
	_ = vals.Value(valueKey{})
}

// A root given to a function value is judged like any other.
func throughValue(ctx context.Context, derive func(context.Context) context.Context) {
	_ = use(derive(context.Background())) /* fix */ // want `starts a new trace although "ctx" is in scope.*\(TL101\)`
}
