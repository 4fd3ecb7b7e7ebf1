package otelapi

import (
	"go/types"
)

// SinkKind says what a call sends out of the process.
type SinkKind uint8

// The sinks piiattrs watches besides attributes.
const (
	// SinkName is a span or event name, or a log record's event name.
	SinkName SinkKind = iota + 1
	// SinkPropagated is a baggage member or property, or a tracestate entry:
	// it travels to every downstream service.
	SinkPropagated
	// SinkLogBody is a log record's body.
	SinkLogBody
	// SinkStatus is a span's status description or a recorded error: it is
	// stored with the span and shown in every trace view.
	SinkStatus
)

// Sink describes a call that sends data out: which arguments hold the key,
// the value or the name (-1 when the call has none).
type Sink struct {
	Kind                SinkKind
	Key, Value, NameArg int
	// Where names what a SinkPropagated call fills: "baggage" or
	// "tracestate".
	Where string
}

const (
	baggagePkg = "go.opentelemetry.io/otel/baggage"
	logPkg     = "go.opentelemetry.io/otel/log"
)

// sinks are the sinks known by full name.
var sinks = map[string]Sink{
	baggagePkg + ".NewMember":               {Kind: SinkPropagated, Key: 0, Value: 1, NameArg: -1, Where: "baggage"},
	baggagePkg + ".NewMemberRaw":            {Kind: SinkPropagated, Key: 0, Value: 1, NameArg: -1, Where: "baggage"},
	baggagePkg + ".NewKeyValueProperty":     {Kind: SinkPropagated, Key: 0, Value: 1, NameArg: -1, Where: "baggage"},
	baggagePkg + ".NewKeyValuePropertyRaw":  {Kind: SinkPropagated, Key: 0, Value: 1, NameArg: -1, Where: "baggage"},
	baggagePkg + ".NewKeyProperty":          {Kind: SinkPropagated, Key: 0, Value: -1, NameArg: -1, Where: "baggage"},
	"(" + OTelTrace + ".TraceState).Insert": {Kind: SinkPropagated, Key: 0, Value: 1, NameArg: -1, Where: "tracestate"},
	"(*" + logPkg + ".Record).SetEventName": {Kind: SinkName, Key: -1, Value: -1, NameArg: 0},
	"(*" + logPkg + ".Record).SetBody":      {Kind: SinkLogBody, Key: -1, Value: 0, NameArg: -1},
	"(" + otelSpanObj + ").SetName":         {Kind: SinkName, Key: -1, Value: -1, NameArg: 0},
	"(" + otelSpanObj + ").AddEvent":        {Kind: SinkName, Key: -1, Value: -1, NameArg: 0},
	"(" + otelSpanObj + ").SetStatus":       {Kind: SinkStatus, Key: -1, Value: 1, NameArg: -1},
	"(" + otelSpanObj + ").RecordError":     {Kind: SinkStatus, Key: -1, Value: 0, NameArg: -1},
}

var sinkTable = newTable(func() map[string]bool {
	m := make(map[string]bool, len(sinks))
	for name := range sinks {
		m[name] = true
	}
	return m
}())

// SinkOf reports whether a call to fn sends data out of the process other
// than through attributes: a span's name (at its start too), an event's
// name, a span's status description or recorded error, baggage,
// tracestate, a log record's event name or body.
func SinkOf(fn *types.Func) (Sink, bool) {
	if IsStart(fn) {
		// The span name is the first string parameter: Start(ctx, name),
		// StartSpan(ctx, name) for OpenCensus, StartSpan(name) for Datadog.
		params := fn.Signature().Params()
		for i := range params.Len() {
			if b, ok := params.At(i).Type().Underlying().(*types.Basic); ok && b.Kind() == types.String {
				return Sink{Kind: SinkName, Key: -1, Value: -1, NameArg: i}, true
			}
		}
		return Sink{}, false
	}
	if !sinkTable.has(fn) {
		return Sink{}, false
	}
	return sinks[fn.FullName()], true
}
