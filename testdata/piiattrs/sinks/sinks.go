// Package sinks covers span and event names, baggage, tracestate and log
// records.
package sinks

import (
	"context"
	"fmt"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/baggage"
	"go.opentelemetry.io/otel/log"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("sinks")

// User is a user.
type User struct {
	ID, Email, Plan string
}

func newSessionJWTIssued(context.Context, string) (string, trace.EventOption) {
	return "SessionTokenizedAsJWT", trace.WithAttributes()
}

func names(ctx context.Context, user *User, route string) {
	ctx, span := tracer.Start(ctx, "checkout "+user.Email) // want `the span name includes user.Email, personal data \(contact: email\): names are indexed and shown in every trace view; use a constant name \(TL405\)`
	defer span.End()
	span.SetName(fmt.Sprintf("checkout %s", user.Email)) // want `the span name includes user.Email.* \(TL405\)`
	span.AddEvent("mail sent to " + user.Email)          // want `the event name includes user.Email.* \(TL405\)`
	_, child := tracer.Start(ctx, "GET "+route)          // ok
	child.End()
	span.AddEvent("retry", trace.WithAttributes(attribute.String("user.email", user.Email))) // want `\(TL402\)`
	span.AddEvent("plan " + user.Plan)                                                       // ok
	span.AddEvent(newSessionJWTIssued(ctx, user.ID))                                         // ok: a call with arguments
}

func propagated(ctx context.Context, user *User, ts trace.TraceState) context.Context {
	m1, _ := baggage.NewMember("user.email", user.Email)          // want `baggage entry "user.email" carries personal data \(contact: user.email\) to every downstream service, third parties included, in clear text; keep it inside the process \(TL404\)`
	m2, _ := baggage.NewMember("contact", user.Email)             // want `the value user.Email of baggage entry "contact" carries personal data \(contact: email\).* \(TL404\)`
	p, _ := baggage.NewKeyValueProperty("session_token", user.ID) // want `baggage entry "session_token" carries a credential \(session token\).* \(TL404\)`
	m3, _ := baggage.NewMember("tenant.plan", user.Plan, p)       // ok
	m4, _ := baggage.NewMember("user.email", "none")              // ok: a constant
	m5, _ := baggage.NewMember("user.id", user.ID)                // ok: TL406 is opt-in
	flag, _ := baggage.NewKeyProperty("user.email")               // ok: a property with no value carries none
	m6, _ := baggage.NewMember("tenant.flags", "x", flag)         // ok
	bag, _ := baggage.New(m1, m2, m3, m4, m5, m6)
	ts, _ = ts.Insert("shop", user.Email) // want `the value user.Email of tracestate entry "shop" carries personal data.* \(TL404\)`
	ts, _ = ts.Insert("shop", "v1")       // ok
	_ = ts
	return baggage.ContextWithBaggage(ctx, bag)
}

func logs(user *User) {
	var r log.Record
	r.SetEventName("signup " + user.Email)                      // want `the log event name includes user.Email.* \(TL405\)`
	r.SetBody(attribute.StringValue("welcome " + user.Email))   // want `the log record's body user.Email is personal data \(contact: email\).* \(TL403\)`
	r.AddAttributes(attribute.String("user.email", user.Email)) // want `\(TL402\)`
	r.SetBody(attribute.StringValue("welcome"))                 // ok
	r.SetEventName("signup")                                    // ok
}
