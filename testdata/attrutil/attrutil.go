// Package attrutil holds a team's attribute-constructor wrappers: each call
// of them is an attribute site for attrkeys and piiattrs.
package attrutil

import (
	"encoding/json"
	"fmt"

	"go.opentelemetry.io/otel/attribute"
)

// Object records v as JSON under k.
func Object(k string, v any) attribute.KeyValue {
	b, err := json.Marshal(v)
	if err != nil {
		return attribute.String(k, err.Error())
	}
	return attribute.String(k, string(b))
}

// Str records v under k.
func Str(k, v string) attribute.KeyValue { return attribute.String(k, v) }

// Count records n under k.
func Count(k string, n int) attribute.KeyValue { return attribute.Key(k).Int(n) }

// Dump records v as Go syntax under k.
func Dump(k string, v any) attribute.KeyValue {
	return attribute.KeyValue{Key: attribute.Key(k), Value: attribute.StringValue(fmt.Sprintf("%+v", v))}
}

// Fixed records v under a key of its own: its key is checked where it is
// written, so its calls are not sites.
func Fixed(v string) attribute.KeyValue { return attribute.String("shop.note", v) }
