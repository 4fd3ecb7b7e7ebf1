package keys

import (
	"fmt"
	"os"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

// Values read by a constant index, flags named after personal data, and an
// attribute with no value.
func shapes(span trace.Span, claims map[string]string, emailVerified bool) {
	span.SetAttributes(
		attribute.String("auth.subject", claims["email"]),         // want `the value claims\["email"\] of attribute "auth.subject" is personal data \(contact: email\).*\(TL403\)`
		attribute.String("auth.flags", fmt.Sprint(emailVerified)), // ok: a flag says nothing of the address
		attribute.KeyValue{Key: "user.email"},                     // ok: no value to carry it
		attribute.String("auth.subject", currentEmail()),          // want `the value currentEmail\(\) of attribute "auth.subject" is personal data \(contact: email\).*\(TL403\)`
		attribute.String("process.command", os.Args[0]),           // ok
	)
}

func currentEmail() string { return "" }

// Handle says by its tags that its fields hold nothing personal, whatever
// the words in their names.
type Handle struct {
	MobileLabel string `pii:"false"`
	PhoneModel  string `pii:"-"`
}

func handles(span trace.Span, h Handle) {
	span.SetAttributes(
		attribute.String("device.label", h.MobileLabel), // ok: pii:"false"
		attribute.String("device.model", h.PhoneModel),  // ok: pii:"-"
	)
}
