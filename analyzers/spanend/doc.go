// Package spanend defines an Analyzer that checks that every span a function
// starts is ended, exactly once, on every path.
//
// # Analyzer spanend
//
// spanend: check that started spans are ended on every path
//
// A span is exported to the tracing backend only when it ends. spanend finds
// the span starts of OpenTelemetry (any Tracer.Start implementation),
// OpenCensus (trace.StartSpan) and Datadog (tracer.StartSpan,
// StartSpanFromContext, v1 and v2), of the functions listed in
// spanend.start-funcs, and of wrappers it infers: a function that returns a
// span it started without ending it is itself a span starter, in the same
// package or, read from source, in another package of the same module.
//
// For each start it follows the function's control-flow graph and reports,
// once, at the start call.
//
// The rules, each with what it reports, what it leaves alone and its
// options, are listed by the Analyzer's Doc (tracelint help NAME) and on
// their pages, docs/rules/TLnnn.md, both generated from the catalogue in
// rules.go.
//
// A span counts as handled when it is ended (directly, deferred, in a
// deferred closure) or handed over: returned, stored, sent, passed to a
// function, captured by a closure, or its End method taken as a value. Paths
// that end in panic, os.Exit, log.Fatal, t.Fatal and the like do not leak.
//
// spanend declares no facts and requires only the inspect pass, so the
// standalone driver loads dependencies from export data.
package spanend
