package otelapi

import (
	"go/types"
	"strings"
)

// freshRoots start a context with no parent: no deadline, no values, no span.
var freshRoots = newTable(map[string]bool{
	"context.Background": true,
	"context.TODO":       true,
})

// IsFreshRoot reports whether fn creates a root context: context.Background
// or context.TODO.
func IsFreshRoot(fn *types.Func) bool { return freshRoots.has(fn) }

// traceCarriers put an existing span or span context into a context, so a
// fresh root passed to them still continues (or links to) a trace.
var traceCarriers = newTable(map[string]bool{
	OTelTrace + ".ContextWithSpanContext":       true,
	OTelTrace + ".ContextWithRemoteSpanContext": true,
	OTelTrace + ".ContextWithSpan":              true,
	OpenCensus + ".NewContext":                  true,
	DatadogV1 + ".ContextWithSpan":              true,
	DatadogV2 + ".ContextWithSpan":              true,
})

// CarriesTrace reports whether a fresh root context passed as fn's first
// argument comes back carrying a trace: trace.ContextWithSpanContext and its
// kin, or a propagator's Extract (any method Extract(context.Context, ...)
// context.Context), which continues the trace found in a carrier.
func CarriesTrace(fn *types.Func) bool {
	if traceCarriers.has(fn) {
		return true
	}
	if fn.Name() != "Extract" {
		return false
	}
	sig := fn.Signature()
	return sig.Params().Len() > 0 && IsContext(sig.Params().At(0).Type()) &&
		sig.Results().Len() == 1 && IsContext(sig.Results().At(0).Type())
}

// spanLinkers link a new span to another span, the way to keep a trace
// connected when work is deliberately detached from the request.
var spanLinkers = newTable(map[string]bool{
	OTelTrace + ".WithLinks":       true,
	OTelTrace + ".LinkFromContext": true,
	OpenCensus + ".WithLinks":      true,
})

// LinksSpans reports whether fn links spans: trace.WithLinks,
// trace.LinkFromContext, or an AddLink method of any span type.
func LinksSpans(fn *types.Func) bool {
	if spanLinkers.has(fn) {
		return true
	}
	return fn.Name() == "AddLink" && fn.Signature().Recv() != nil
}

// PropagationHeaders are the header names of the trace propagation formats,
// lower case: W3C Trace Context and Baggage, B3 single and multi, Jaeger.
var PropagationHeaders = []string{
	"traceparent", "tracestate", "baggage",
	"b3", "x-b3-traceid", "x-b3-spanid", "x-b3-parentspanid", "x-b3-sampled", "x-b3-flags",
	"uber-trace-id",
}

// IsPropagationHeader reports whether name, in any case, is one of
// PropagationHeaders or of extra (lower case), or a Jaeger baggage header
// (uberctx-*).
func IsPropagationHeader(name string, extra []string) bool {
	lower := strings.ToLower(name)
	for _, h := range PropagationHeaders {
		if lower == h {
			return true
		}
	}
	for _, h := range extra {
		if lower == strings.ToLower(h) {
			return true
		}
	}
	return strings.HasPrefix(lower, "uberctx-")
}

// NameRole is what a call does to contexts, judged by the callee's bare
// name alone, for code read from source without types (a callee in another
// package of the module).
type NameRole int

// The roles a bare name can have.
const (
	NoRole        NameRole = iota
	LinksRole              // links spans: WithLinks, LinkFromContext, AddLink
	CarriesRole            // carries a trace into a context: ContextWithSpanContext, Extract, ...
	FreshRootRole          // creates a root context: Background, TODO
)

// RoleOfName returns the role of a callee called name, from the same tables
// LinksSpans, CarriesTrace and IsFreshRoot use.
func RoleOfName(name string) NameRole {
	switch {
	case spanLinkers.names[name] || name == "AddLink":
		return LinksRole
	case traceCarriers.names[name] || name == "Extract":
		return CarriesRole
	case freshRoots.names[name]:
		return FreshRootRole
	}
	return NoRole
}

// ContextVariantSuffixes are the suffixes Go APIs give the context-taking
// variant of a function: Query and QueryContext, Do and DoWithContext.
var ContextVariantSuffixes = []string{"Context", "WithContext"}

// ContextAttachers are the names of the methods that give a value (a
// request, a query) its context: req.WithContext(ctx), q.SetContext(ctx),
// req.Clone(ctx).
var ContextAttachers = map[string]bool{"WithContext": true, "SetContext": true, "Clone": true}
