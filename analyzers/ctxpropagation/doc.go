// Package ctxpropagation defines an Analyzer for dropped request contexts: fresh root contexts where a context is in scope, APIs called without their context-taking variant, discarded span contexts, hand-written propagation headers (rules TL1xx).
//
// The analyzer is registered so that its name, flags and configuration
// section are stable, but it has no rules yet: it reports nothing.
package ctxpropagation
