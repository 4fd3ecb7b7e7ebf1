// Package profile updates a customer's profile and tells the mailer.
package profile

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/baggage"
	"go.opentelemetry.io/otel/trace"

	"example.com/tracelinttest/service/privacy"
)

var tracer = otel.Tracer("profile")

// Customer is a customer's profile.
type Customer struct {
	ID    string
	Email string
	Phone string `pii:"contact"`
	Tier  string
}

// Update records a profile update and passes the customer on to the mailer.
func Update(ctx context.Context, c *Customer) context.Context {
	ctx, span := tracer.Start(ctx, "profile.update")
	defer span.End()
	span.SetAttributes(
		attribute.String("user.email", privacy.Redact(c.Email)),
		attribute.String("customer.tier", c.Tier),
		attribute.String("customer.contact", c.Phone),
	)
	span.AddEvent("mail queued for " + c.Email)

	member, _ := baggage.NewMember("customer.email", c.Email)
	tier, _ := baggage.NewMember("customer.tier", c.Tier)
	bag, _ := baggage.New(member, tier)
	ctx = baggage.ContextWithBaggage(ctx, bag)

	ts, _ := trace.SpanContextFromContext(ctx).TraceState().Insert("shop", c.Tier)
	ts, _ = ts.Insert("mail", c.Email)
	_ = ts
	return ctx
}
