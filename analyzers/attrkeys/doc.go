// Package attrkeys defines an Analyzer that checks attribute keys and value
// types against the telemetry contract: the OpenTelemetry semantic
// conventions, bundled, and the team's own Weaver registries.
//
// # Analyzer attrkeys
//
// attrkeys: check attribute keys against the telemetry contract
//
// Every attribute.KeyValue the code builds is checked: attribute.String and
// its kin, attribute.Key(k).Int(v) and the other methods of attribute.Key,
// and attribute.KeyValue{Key: k, Value: v} literals. That covers span start
// options, SetAttributes, events, links, metric and log attributes alike.
// Keys are resolved as the compiler sees them, so a literal, a constant from
// another file or package and a named string type all count; a key built as
// a constant prefix plus a name ("http.request.header."+h) is matched against
// the contract's templates.
//
// The rules, each with what it reports, what it leaves alone and its
// options, are listed by the Analyzer's Doc (tracelint help NAME) and on
// their pages, docs/rules/TLnnn.md, both generated from the catalogue in
// rules.go.
//
// Keys of the go.opentelemetry.io/otel/semconv packages' constants are
// correct by construction: only their value types and enum values are
// checked. Keys a package's imported semconv version defines are accepted,
// so code pinned to an older version is judged by what it uses.
package attrkeys
