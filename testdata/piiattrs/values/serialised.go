package values

import (
	"encoding/json"
	"fmt"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"

	"example.com/tracelinttest/attrutil"
)

// Profile keeps its e-mail address out of JSON.
type Profile struct {
	Plan  string
	Email string `json:"-"`
	Beta  bool
}

// Ticket keeps its requester's e-mail address in an unexported field,
// which JSON does not see.
type Ticket struct {
	Subject string
	email   string
}

// Contact prints its e-mail address.
type Contact struct{ Email, Tier string }

func (c Contact) String() string { return c.Tier + " <" + c.Email + ">" }

// Tier prints nothing personal.
type Tier struct{ Email, Level string }

func (t Tier) String() string { return t.Level }

// Whole values serialised into one attribute carry every field they hold.
func serialised(span trace.Span, o *Order, u *Customer, p Profile, c Contact, t Tier, tk Ticket) {
	b, _ := json.Marshal(o)
	span.SetAttributes(
		attrutil.Object("order", o),                                   // want `the value o of attribute "order" is personal data \(contact: Customer.Email, serialised whole\).*\(TL403\)`
		attrutil.Dump("order", *o),                                    // ok: fmt prints the nested *Customer as an address
		attrutil.Dump("customer", u),                                  // want `the value u of attribute "customer" is personal data \(contact: Customer.Email, serialised whole\).*\(TL403\)`
		attrutil.Str("order.contact", u.Email),                        // want `the value u.Email of attribute "order.contact" is personal data \(contact: email\).*\(TL403\)`
		attrutil.Object("order.total", o.Total),                       // ok: a number
		attrutil.Object("order.profile", p),                           // ok: json skips the e-mail address
		attrutil.Object("ticket", tk),                                 // ok: json sees no unexported field
		attribute.String("ticket", fmt.Sprintf("%+v", tk)),            // want `the value tk of attribute "ticket" is personal data \(contact: Ticket.email, serialised whole\).*\(TL403\)`
		attrutil.Fixed(u.Email),                                       // ok: not a site; the wrapper's own body is checked where it is written
		attribute.String("order", string(b)),                          // want `the value o of attribute "order" is personal data \(contact: Customer.Email, serialised whole\).*\(TL403\)`
		attribute.String("order.profile", fmt.Sprint(p)),              // want `the value p of attribute "order.profile" is personal data \(contact: Profile.Email, serialised whole\).*\(TL403\)`
		attribute.String("order.profile", fmt.Sprintf("%+v", p.Plan)), // ok
		attribute.Stringer("order.contact", c),                        // want `the value c of attribute "order.contact" is personal data \(contact: Contact.Email, printed by its String method\).*\(TL403\)`
		attribute.Stringer("order.tier", t),                           // ok: String prints the level only
		attribute.String("order.contact", fmt.Sprint(c)),              // ok: fmt prints it through String; attribute.Stringer is where the method is read
	)
	s := fmt.Sprint(o.Total)
	s = fmt.Sprintf("%s!", s)                              // a variable defined from itself must not send piiattrs round in circles
	span.SetAttributes(attribute.String("order.total", s)) // ok
}
