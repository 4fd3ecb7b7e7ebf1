// Package attrkeys defines an Analyzer for attribute keys and value types checked against the telemetry contract: the OpenTelemetry semantic conventions and the team's Weaver registries (rules TL3xx).
//
// The analyzer is registered so that its name, flags and configuration
// section are stable, but it has no rules yet: it reports nothing.
package attrkeys
