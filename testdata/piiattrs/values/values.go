// Package values covers personal data recognised by the value's own
// expression, struct tags and redactors.
package values

import (
	"fmt"
	"strings"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"

	"example.com/tracelinttest/piiattrs/privacy"
)

// Customer is a customer.
type Customer struct {
	ID    string
	Name  string
	Email string
	Notes string `pii:"true"`
	Token string `sensitive:"true"`
	Plan  string
}

// Phone returns the customer's phone number.
func (c *Customer) Phone() string { return "" }

// Order is an order.
type Order struct {
	Customer *Customer
	Total    float64
}

// Login is a login request.
type Login struct {
	Username string
	Password string
}

// ListUsersRequest is a request about users, not a user.
type ListUsersRequest struct{ StoreId string }

// GetStoreId returns the store's ID.
func (r *ListUsersRequest) GetStoreId() string { return r.StoreId }

func customerEmail(o *Order) string { return o.Customer.Email }

func values(span trace.Span, o *Order, req Login, u *Customer, email string, req2 *ListUsersRequest) {
	span.SetAttributes(
		attribute.String("order.contact", o.Customer.Email),                                  // want `the value o.Customer.Email of attribute "order.contact" is personal data \(contact: email\): telemetry is stored for weeks and read by many; drop it, or pass the value through a redactor listed in piiattrs.redactors \(TL403\)`
		attribute.String("login.attempt", req.Password),                                      // want `the value req.Password of attribute "login.attempt" is a credential \(password\): secrets must never reach telemetry; drop it \(TL401\)`
		attribute.String("order.callback", u.Phone()),                                        // want `the value u.Phone\(\) of attribute "order.callback" is personal data \(contact: phone\).*\(TL403\)`
		attribute.String("order.recipient", u.Name),                                          // want `the value u.Name.* \(person-name: customer name\).*\(TL403\)`
		attribute.String("order.note", u.Notes),                                              // want `the value u.Notes .* personal data \(tag pii:"true"\).* \(TL403\)`
		attribute.String("order.ref", u.Token),                                               // want `the value u.Token .* a credential \(tag sensitive:"true"\).* \(TL401\)`
		attribute.String("order.who", strings.ToLower(email)),                                // want `the value email of attribute "order.who".*\(TL403\)`
		attribute.String("order.who", fmt.Sprintf("<%s>", email)),                            // want `\(TL403\)`
		attribute.String("order.who", "to: "+email),                                          // want `\(TL403\)`
		attribute.StringSlice("order.cc", []string{email}),                                   // want `\(TL403\)`
		attribute.KeyValue{Key: "order.who", Value: attribute.StringValue(o.Customer.Email)}, // want `\(TL403\)`
		attribute.String("order.who", privacy.Initials(email)),                               // ok: the call's own name decides
		attribute.String("user.email", lookupAddress(privacy.Redact(email))),                 // want `attribute "user.email" records .*\(TL402\)`
		attribute.String("user.email", fmt.Sprint(privacy.Redact(email), email)),             // want `attribute "user.email" records .*\(TL402\)`
		attribute.Int(email, 1),                                                              // want `the attribute key email is personal data \(contact: email\).*\(TL403\)`
	)
	// Safe values.
	span.SetAttributes(
		attribute.String("order.contact", privacy.Redact(o.Customer.Email)),                        // ok: a configured redactor
		attribute.String("user.email", privacy.Redact(email)),                                      // ok
		attribute.String("user.email", strings.ToLower(privacy.Redact(email))),                     // ok: still redacted
		attribute.KeyValue{Key: "user.email", Value: attribute.StringValue(privacy.Redact(email))}, // ok: redacted
		attribute.Int("order.contact_length", len(o.Customer.Email)),                               // ok
		attribute.String("customer.plan", u.Plan),                                                  // ok
		attribute.Float64("order.total", o.Total),                                                  // ok
		attribute.String("order.customer_id", u.ID),                                                // ok: TL406 is opt-in
		attribute.String("order.who", hashEmail(email)),                                            // ok
		attribute.String("order.product", product().Name),                                          // ok
		attribute.String("user.name", "anonymous"),                                                 // ok: a constant
		attribute.String("store_id", req2.GetStoreId()),                                            // ok: the type's last word is not a person
		attribute.String("order.who", customerEmail(o)),                                            // ok: a call with arguments is not judged by its name
	)
}

// Account is a business customer of a B2B service (jaeger's HotROD
// customers are shops): its name is a company's.
type Account struct {
	ID       string
	Name     string
	Location string
}

// Patient is always a person.
type Patient struct {
	ID   string
	Name string
}

// Ledger's field says whose name it holds.
type Ledger struct{ HolderName, Label string }

// Names under an owner that may be a business are personal only when the
// owner's type holds personal data of its own.
func owners(span trace.Span, customer *Account, member Account, p *Patient, u *Customer, l Ledger) {
	span.SetAttributes(
		attribute.String("ledger.label", l.HolderName),     // want `the value l.HolderName of attribute "ledger.label" is personal data \(person-name: holder name\).*\(TL403\)`
		attribute.String("ledger.label", l.Label),          // ok
		attribute.String("order.shop", customer.Name),      // ok: an ambiguous owner whose type holds no personal field
		attribute.String("order.shop", member.Name),        // ok: the same
		attribute.String("order.place", customer.Location), // ok: the same
		attribute.String("visit.who", p.Name),              // want `the value p.Name of attribute "visit.who" is personal data \(person-name: patient name\).*\(TL403\)`
		attribute.String("order.who", u.Name),              // want `the value u.Name of attribute "order.who" is personal data \(person-name: customer name\).*\(TL403\)`
	)
}

func hashEmail(s string) string { return s }

type item struct{ Name string }

func product() item { return item{} }

// A boolean or a constant says nothing personal, whatever its name.
func flags(span trace.Span, email bool) {
	const phone = "withheld"
	span.SetAttributes(
		attribute.String("app.note", fmt.Sprint(email)),                // ok: a boolean
		attribute.String("app.contact", fmt.Sprint(phone, 1)),          // ok: a constant
		attribute.String("app.help", fmt.Sprint(privacy.ContactEmail)), // ok: a constant of another package
	)
}

// lookupAddress returns the address a redacted token stands for.
func lookupAddress(token string) string { return token }

// Buyer is an account of a marketplace: a name and a key, nothing that
// says it is a person.
type Buyer struct{ Name, APIKey string }

func buyer(span trace.Span, b Buyer) {
	span.SetAttributes(attribute.String("app.buyer", b.Name)) // ok: a credential is no evidence of a person
}
