// Package ctxpropagation defines an Analyzer that checks that the request's
// context.Context is passed on, so that downstream spans stay in the
// request's trace.
//
// # Analyzer ctxpropagation
//
// ctxpropagation: check that the request's context is passed on
//
// A context is available at a point of the code when a trace-bearing one is
// in scope there: a context.Context parameter not named _, a parameter whose
// type has a Context() context.Context method (*http.Request, framework
// contexts, gRPC streams; not long-lived clients, connections or servers;
// the testing types only with ctxpropagation.testing-context), or a local
// variable derived from one of
// those or filled by a propagator's Extract, declared before that point.
// Closures and goroutines see what the enclosing function has, except a
// function literal stored as a callback (a struct field). A context the
// function made from a root of its own, the context of a command line
// command (cobra, urfave/cli), receivers, struct fields, package variables
// and locally built requests carry no trace and are not offered.
// Where no context is available, nothing is reported. Test code (_test.go
// files and test scaffolding packages) is skipped unless ctxpropagation.tests
// is set.
//
// The rules, each with what it reports, what it leaves alone and its
// options, are listed by the Analyzer's Doc (tracelint help NAME) and on
// their pages, docs/rules/TLnnn.md, both generated from the catalogue in
// rules.go.
//
// ctxpropagation declares no facts and requires only the inspect pass, so
// the standalone driver loads dependencies from export data.
package ctxpropagation
