package values

import (
	"encoding/json"
	"example.com/tracelinttest/piiattrs/privacy"
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

// Contact prints its e-mail address, then its phone number.
type Contact struct{ Email, Phone, Tier string }

func (c Contact) String() string { return c.Tier + " <" + c.Email + "> " + c.Phone }

// Tier prints nothing personal.
type Tier struct{ Email, Level string }

func (t Tier) String() string { return t.Level }

// Session holds a pseudonymous identifier, which TL404 judges by key only.
type Session struct{ UserID, Region string }

// Notice prints its topic and a fixed sender, not its own address.
type Notice struct{ Email, Topic string }

var defaults = Notice{Email: "noreply@example.com"}

func (n *Notice) String() string { return (*n).Topic + " from " + defaults.Email }

// Member names its pseudonymous identifier before its e-mail address.
type Member struct{ UserID, Email string }

// Recipient has no String method: fmt prints its fields.
type Recipient struct{ Email, Floor string }

// Shipment nests its recipient by value.
type Shipment struct {
	Carrier string
	To      Recipient
}

// Badge prints nothing of itself; its receiver has no name.
type Badge struct{ Email string }

func (Badge) String() string { return "badge" }

// Card prints a field of a nested struct.
type Card struct{ Owner Recipient }

func (c Card) String() string { return c.Owner.Floor + "/" + c.Owner.Email }

// Label prints a field through a pointer.
type Label struct{ To *Recipient }

func (l *Label) String() string { return l.To.Floor + " " + l.To.Email }

// Deep keeps its e-mail address three levels down, below what is read.
type Deep struct{ A DeepA }

// DeepA is the first level of Deep.
type DeepA struct{ B DeepB }

// DeepB is the second level of Deep.
type DeepB struct{ C Recipient }

// FarA holds a DeepB one level further down than Both does.
type FarA struct{ X DeepB }

// Both reaches DeepB twice: once below the depth read, once within it.
type Both struct {
	Far  FarA
	Near DeepB
}

// More whole values: nested by value, pseudonymous, below the depth read.
func serialisedMore(span trace.Span, s Session, sh Shipment, b Badge, cd Card, d Deep, l *Label, bo Both, mb Member, nt *Notice) {
	span.SetAttributes(
		attrutil.Object("session", s),                       // ok: a pseudonymous identifier only
		attribute.Stringer("notice", nt),                    // ok: String reads the receiver's topic only
		attrutil.Object("member", mb),                       // want `the value mb of attribute "member" is personal data \(contact: Member.Email, serialised whole\).*\(TL403\)`
		attribute.String("shipment", fmt.Sprintf("%v", sh)), // want `the value sh of attribute "shipment" is personal data \(contact: Recipient.Email, serialised whole\).*\(TL403\)`
		attribute.Stringer("contact.email", cd),             // want `attribute "contact.email" records personal data \(contact: email\).*\(TL402\)`
		attribute.Stringer("badge", b),                      // ok: String prints no field
		attribute.Stringer("card", cd),                      // want `the value cd of attribute "card" is personal data .*printed by its String method.*\(TL403\)`
		attrutil.Object("deep", d),                          // ok: deeper than two levels
		attrutil.Object("both", bo),                         // want `the value bo of attribute "both" is personal data \(contact: Recipient.Email, serialised whole\).*\(TL403\)`
	)
}

// Whole values serialised into one attribute carry every field they hold.
func serialised(span trace.Span, o *Order, u *Customer, p Profile, c Contact, t Tier, tk Ticket) {
	b, _ := json.Marshal(o)
	span.SetAttributes(
		attrutil.Object("order", o),                                   // want `the value o of attribute "order" is personal data \(contact: Customer.Email, serialised whole\).*\(TL403\)`
		attrutil.Dump("order", *o),                                    // ok: fmt prints the nested *Customer as an address
		attrutil.Dump("customer", u),                                  // want `the value u of attribute "customer" is personal data \(contact: Customer.Email, serialised whole\).*\(TL403\)`
		attrutil.Str("order.contact", u.Email),                        // want `the value u.Email of attribute "order.contact" is personal data \(contact: email\).*\(TL403\)`
		attrutil.Object("order.total", o.Total),                       // ok: a number
		attrutil.Object("customer", privacy.Mask(u)),                  // ok: masked by a redactor
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
	dump, label := fmt.Sprint(u), "customer"
	span.SetAttributes(attribute.String(label, dump)) // want `the attribute value u is personal data \(contact: Customer.Email, serialised whole\).*\(TL403\)`
	var note string
	note = fmt.Sprint(note)                                  // assigned once, from itself
	span.SetAttributes(attribute.String("order.note", note)) // ok
	s := fmt.Sprint(o.Total)
	s = fmt.Sprintf("%s!", s)                              // a variable defined from itself must not send piiattrs round in circles
	span.SetAttributes(attribute.String("order.total", s)) // ok
}
