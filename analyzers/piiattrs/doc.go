// Package piiattrs defines an Analyzer for personal data and secrets in span attributes, names, events, baggage and tracestate (rules TL4xx).
//
// The analyzer is registered so that its name, flags and configuration
// section are stable, but it has no rules yet: it reports nothing.
package piiattrs
