// Package otelapi is tracelint's knowledge of the tracing APIs it checks:
// which functions start spans, which merely fetch the span already in a
// context, which never return. Functions are keyed by the full name go/types
// gives them ([types.Func.FullName]), so aliased imports, dot imports and
// method values all resolve to the same entry.
package otelapi

import (
	"go/types"
	"strings"
)

// Import paths of the tracing packages tracelint knows.
const (
	OTelTrace   = "go.opentelemetry.io/otel/trace"
	OpenCensus  = "go.opencensus.io/trace"
	DatadogV1   = "gopkg.in/DataDog/dd-trace-go.v1/ddtrace/tracer"
	DatadogV1I  = "gopkg.in/DataDog/dd-trace-go.v1/ddtrace"
	DatadogV2   = "github.com/DataDog/dd-trace-go/v2/ddtrace/tracer"
	otelSpanObj = OTelTrace + ".Span"
)

// TracingPackages are the packages whose presence among a package's
// transitive imports makes span analysis worthwhile.
var TracingPackages = []string{OTelTrace, OpenCensus, DatadogV1, DatadogV1I, DatadogV2}

// knownStarters are span-starting functions other than OpenTelemetry's
// Tracer.Start, which is recognised by signature (see IsStart).
var knownStarters = map[string]bool{
	"(" + OTelTrace + ".Tracer).Start":                                  true,
	OpenCensus + ".StartSpan":                                           true,
	OpenCensus + ".StartSpanWithRemoteParent":                           true,
	DatadogV1 + ".StartSpan":                                            true,
	DatadogV1 + ".StartSpanFromContext":                                 true,
	"(" + DatadogV1I + ".Tracer).StartSpan":                             true,
	DatadogV2 + ".StartSpan":                                            true,
	DatadogV2 + ".StartSpanFromContext":                                 true,
	"(*" + DatadogV2 + ".Span).StartChild":                              true,
	"(" + DatadogV2 + ".Tracer).StartSpan":                              true,
	"(*go.opentelemetry.io/otel/sdk/trace.tracer).Start":                true,
	"(go.opentelemetry.io/otel/trace/noop.Tracer).Start":                true,
	"(go.opentelemetry.io/otel/bridge/opentracing.WrapperTracer).Start": true,
}

// table is a set of functions keyed by full name, with the set of their
// short names in front: FullName builds a string, and most calls a package
// makes are to functions whose name alone rules them out.
type table struct {
	names map[string]bool
	full  map[string]bool
}

func newTable(fullNames map[string]bool) table {
	t := table{names: make(map[string]bool), full: fullNames}
	for full := range fullNames {
		t.names[full[strings.LastIndex(full, ".")+1:]] = true
	}
	return t
}

func (t table) has(fn *types.Func) bool { return t.names[fn.Name()] && t.full[fn.FullName()] }

var (
	starterTable  = newTable(knownStarters)
	getterTable   = newTable(spanGetters)
	noReturnTable = newTable(noReturn)
)

// IsStart reports whether fn is a known span starter: one of the table's
// functions, or any method named Start whose results are
// (context.Context, go.opentelemetry.io/otel/trace.Span), which is every
// implementation of the OpenTelemetry Tracer interface, embedded or generic.
func IsStart(fn *types.Func) bool {
	if starterTable.has(fn) {
		return true
	}
	if fn.Name() != "Start" {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || sig.Results().Len() != 2 {
		return false
	}
	return IsContext(sig.Results().At(0).Type()) && isNamed(sig.Results().At(1).Type(), otelSpanObj)
}

// spanGetters return the span a context already carries; they start nothing.
var spanGetters = map[string]bool{
	OTelTrace + ".SpanFromContext": true,
	OpenCensus + ".FromContext":    true,
	DatadogV1 + ".SpanFromContext": true,
	DatadogV2 + ".SpanFromContext": true,
}

// IsSpanGetter reports whether fn returns a span that some other code
// started, such as trace.SpanFromContext.
func IsSpanGetter(fn *types.Func) bool { return getterTable.has(fn) }

// spanTypes are the span types of the tracing APIs, as "path.Name".
var spanTypes = map[string]bool{
	otelSpanObj:          true,
	OpenCensus + ".Span": true,
	DatadogV1I + ".Span": true,
	DatadogV2 + ".Span":  true,
}

// IsSpanType reports whether t is a span type of a known tracing API
// (trace.Span, *trace.Span for OpenCensus, Datadog's Span), or a pointer
// to one.
func IsSpanType(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return false
	}
	return spanTypes[named.Obj().Pkg().Path()+"."+named.Obj().Name()]
}

// EndMethods are the names of the methods that end a span: End for
// OpenTelemetry and OpenCensus, Finish for Datadog.
var EndMethods = map[string]bool{"End": true, "Finish": true}

// EndMethodOf returns the name of the method that ends a span of type t
// ("End" or "Finish"), or "" when t has neither.
func EndMethodOf(t types.Type) string {
	for _, name := range []string{"End", "Finish"} {
		obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name)
		if _, ok := obj.(*types.Func); ok {
			return name
		}
	}
	return ""
}

// SpanResult returns the index of the first result of sig whose type can be
// ended (has an End or Finish method), or -1.
func SpanResult(sig *types.Signature) int {
	for i := range sig.Results().Len() {
		if EndMethodOf(sig.Results().At(i).Type()) != "" {
			return i
		}
	}
	return -1
}

// ContextResult returns the index of the first context.Context result of
// sig, or -1.
func ContextResult(sig *types.Signature) int {
	for i := range sig.Results().Len() {
		if IsContext(sig.Results().At(i).Type()) {
			return i
		}
	}
	return -1
}

// IsContext reports whether t is context.Context.
func IsContext(t types.Type) bool { return isNamed(t, "context.Context") }

// IsNamedType reports whether t, or what it points to (through aliases), is
// the named type path.name: *http.Request for ("net/http", "Request").
func IsNamedType(t types.Type, path, name string) bool {
	if t == nil {
		return false
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	return isNamed(t, path+"."+name)
}

// isNamed reports whether t, or the type an alias stands for, is the named
// type with the given "path.Name".
func isNamed(t types.Type, qualified string) bool {
	named, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	obj := named.Obj()
	return obj.Pkg() != nil && obj.Pkg().Path()+"."+obj.Name() == qualified
}

// noReturn are functions that never return normally; a path through a call
// to one of them leaks nothing.
var noReturn = map[string]bool{
	"os.Exit":                                     true,
	"syscall.Exit":                                true,
	"runtime.Goexit":                              true,
	"log.Fatal":                                   true,
	"log.Fatalf":                                  true,
	"log.Fatalln":                                 true,
	"log.Panic":                                   true,
	"log.Panicf":                                  true,
	"log.Panicln":                                 true,
	"(*log.Logger).Fatal":                         true,
	"(*log.Logger).Fatalf":                        true,
	"(*log.Logger).Fatalln":                       true,
	"(*log.Logger).Panic":                         true,
	"(*log.Logger).Panicf":                        true,
	"(*log.Logger).Panicln":                       true,
	"(*testing.common).Fatal":                     true,
	"(*testing.common).Fatalf":                    true,
	"(*testing.common).FailNow":                   true,
	"(*testing.common).Skip":                      true,
	"(*testing.common).Skipf":                     true,
	"(*testing.common).SkipNow":                   true,
	"(testing.TB).Fatal":                          true,
	"(testing.TB).Fatalf":                         true,
	"(testing.TB).FailNow":                        true,
	"(testing.TB).Skip":                           true,
	"(testing.TB).Skipf":                          true,
	"(testing.TB).SkipNow":                        true,
	"k8s.io/klog/v2.Fatal":                        true,
	"k8s.io/klog/v2.Fatalf":                       true,
	"k8s.io/klog/v2.Exit":                         true,
	"k8s.io/klog/v2.Exitf":                        true,
	"github.com/sirupsen/logrus.Fatal":            true,
	"github.com/sirupsen/logrus.Fatalf":           true,
	"github.com/sirupsen/logrus.Panic":            true,
	"github.com/sirupsen/logrus.Panicf":           true,
	"(*github.com/sirupsen/logrus.Logger).Fatal":  true,
	"(*github.com/sirupsen/logrus.Logger).Fatalf": true,
	"(*github.com/sirupsen/logrus.Entry).Fatal":   true,
	"(*github.com/sirupsen/logrus.Entry).Fatalf":  true,
	"(*go.uber.org/zap.Logger).Fatal":             true,
	"(*go.uber.org/zap.Logger).Panic":             true,
	"(*go.uber.org/zap.SugaredLogger).Fatal":      true,
	"(*go.uber.org/zap.SugaredLogger).Fatalf":     true,
	"(*go.uber.org/zap.SugaredLogger).Fatalw":     true,
	"(*go.uber.org/zap.SugaredLogger).Panic":      true,
	"(*go.uber.org/zap.SugaredLogger).Panicf":     true,
	"(*go.uber.org/zap.SugaredLogger).Panicw":     true,
}

// NoReturn reports whether a call to obj never returns: the builtin panic,
// or a function of the built-in table such as os.Exit, log.Fatal or
// (*testing.T).Fatal.
func NoReturn(obj types.Object) bool {
	switch obj := obj.(type) {
	case *types.Builtin:
		return obj.Name() == "panic"
	case *types.Func:
		return noReturnTable.has(obj)
	}
	return false
}

// ImportsAny reports whether pkg is, or imports directly or transitively, a
// package whose path is in paths.
func ImportsAny(pkg *types.Package, paths []string) bool {
	want := make(map[string]bool, len(paths))
	for _, p := range paths {
		want[p] = true
	}
	seen := make(map[*types.Package]bool)
	var visit func(*types.Package) bool
	visit = func(p *types.Package) bool {
		if seen[p] {
			return false
		}
		seen[p] = true
		if want[p.Path()] {
			return true
		}
		for _, imp := range p.Imports() {
			if visit(imp) {
				return true
			}
		}
		return false
	}
	return visit(pkg)
}

// FuncPackage returns the import path in a fully qualified function name
// such as "(*example.com/x.T).M" or "example.com/x.F".
func FuncPackage(fullName string) string {
	name := strings.TrimPrefix(fullName, "(")
	name = strings.TrimPrefix(name, "*")
	if i := strings.Index(name, ")"); i >= 0 {
		name = name[:i]
	}
	if i := strings.LastIndex(name, "."); i > strings.LastIndex(name, "/") {
		return name[:i]
	}
	return name
}

// ErrorRecorders are the span methods that record an error or a failed
// status, by name, with the index of the argument that carries its text:
// span.RecordError(err), span.SetStatus(codes.Error, description).
var ErrorRecorders = map[string]int{RecordError: 0, SetStatus: 1}

// The names of the span methods that record errors.
const (
	RecordError = "RecordError"
	SetStatus   = "SetStatus"
)

// CodesPackage is the package of OpenTelemetry's status codes, and
// CodeError the value of its codes.Error.
const (
	CodesPackage = "go.opentelemetry.io/otel/codes"
	CodeError    = 1
)
