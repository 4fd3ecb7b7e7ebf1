// Package piiattrs defines an Analyzer that keeps personal data and secrets
// out of telemetry: span attributes, span and event names, baggage,
// tracestate and log records.
//
// # Analyzer piiattrs
//
// piiattrs: report personal data and secrets in telemetry
//
// A key is sensitive when it is one of a curated list (user.email, the
// Authorization header), when its words name a category of personal data
// or a secret ("password", "card number", "first name"; bare "name" only
// after a person word such as user or customer), or when the team's
// registry annotates it with privacy: secret, personal or pseudonymous
// (privacy: none clears it). Metadata words ("count", "verified", "hash")
// and infrastructure namespaces (server., host., k8s.) turn a match off. A
// value is sensitive when it ends in a variable, field or method with such
// a name (order.Customer.Email, req.Password, u.Phone()), or in a struct
// field tagged pii:"..." or sensitive:"true"; a value passed through a
// configured redactor is safe.
//
// The rules, each with what it reports, what it leaves alone and its
// options, are listed by the Analyzer's Doc (tracelint help NAME) and on
// their pages, docs/rules/TLnnn.md, both generated from the catalogue in
// rules.go.
package piiattrs
