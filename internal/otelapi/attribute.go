package otelapi

import (
	"go/types"
	"strings"
)

// Attribute is the OpenTelemetry attribute package, whose KeyValue every
// span, event, link, metric and log attribute is.
const Attribute = "go.opentelemetry.io/otel/attribute"

// SemconvPrefix starts the import path of every generated semantic
// conventions package: go.opentelemetry.io/otel/semconv/v1.37.0.
const SemconvPrefix = "go.opentelemetry.io/otel/semconv/"

// ValueKind is what an attribute constructor stores, as the Weaver type of
// the value: "string", "int", "double", "boolean", their arrays ("int[]"),
// or, for values that only the type any describes, "bytes", "slice" or "map".
type ValueKind string

// Constructor describes a function or method that builds an
// attribute.KeyValue.
type Constructor struct {
	// Method is set for the methods of attribute.Key, whose receiver is the
	// key; otherwise the key is the first argument and the value the second.
	Method bool
	// Value is the kind of value stored.
	Value ValueKind
}

// constructorValues maps the names of attribute's constructors, which are
// also the names of attribute.Key's methods, to what they store.
var constructorValues = map[string]string{
	"String": "string", "Stringer": "string", "StringSlice": "string[]",
	"Int": "int", "Int64": "int", "IntSlice": "int[]", "Int64Slice": "int[]",
	"Float64": "double", "Float64Slice": "double[]",
	"Bool": "boolean", "BoolSlice": "boolean[]",
	"ByteSlice": "bytes", "Slice": "slice", "Map": "map",
}

// AttributeConstructor reports whether fn builds an attribute.KeyValue from
// a key and a value: attribute.String(k, v) and its kin, or a method of
// attribute.Key such as attribute.Key(k).Int(v) (Stringer exists only as a
// function).
func AttributeConstructor(fn *types.Func) (Constructor, bool) {
	value, ok := constructorValues[fn.Name()]
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != Attribute {
		return Constructor{}, false
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		return Constructor{Value: ValueKind(value)}, true
	}
	if isNamed(recv.Type(), Attribute+".Key") {
		return Constructor{Method: true, Value: ValueKind(value)}, true
	}
	return Constructor{}, false
}

// AttributeValueFunc reports what fn, an attribute.XValue function (as in
// attribute.KeyValue{Key: k, Value: attribute.IntValue(1)}), stores: the
// same as the constructor X.
func AttributeValueFunc(fn *types.Func) (ValueKind, bool) {
	if fn.Pkg() == nil || fn.Pkg().Path() != Attribute || fn.Signature().Recv() != nil {
		return "", false
	}
	return ValueFuncKind(fn.Name())
}

// ValueFuncKind reports what the attribute.XValue function called name
// stores, for code read without types too.
func ValueFuncKind(name string) (ValueKind, bool) {
	name, ok := strings.CutSuffix(name, "Value")
	value, known := constructorValues[name]
	if !ok || !known || name == "Stringer" {
		return "", false
	}
	return ValueKind(value), true
}

// IsKeyValue reports whether t is attribute.KeyValue.
func IsKeyValue(t types.Type) bool { return isNamed(t, Attribute+".KeyValue") }

// IsAttributeKey reports whether t is attribute.Key.
func IsAttributeKey(t types.Type) bool { return isNamed(t, Attribute+".Key") }

// IsSemconvPackage reports whether path is a generated semantic conventions
// package of OpenTelemetry Go.
func IsSemconvPackage(path string) bool { return strings.HasPrefix(path, SemconvPrefix+"v") }

// ConstructorValue reports what the attribute constructor (or
// attribute.Key method) called name stores, for code read without types.
func ConstructorValue(name string) (ValueKind, bool) {
	v, ok := constructorValues[name]
	return ValueKind(v), ok
}
