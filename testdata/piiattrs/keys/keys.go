// Package keys covers the categories of sensitive keys, each with its
// look-alikes.
package keys

import (
	"net/http"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

func secrets(span trace.Span, r *http.Request, pw, token string) {
	span.SetAttributes(
		attribute.String("http.request.header.authorization", r.Header.Get("Authorization")), // want `attribute "http.request.header.authorization" records a credential \(authorization header\): secrets must never reach telemetry, which is stored for weeks and read by many; drop the attribute \(TL401\)`
		attribute.StringSlice("http.request.header.cookie", r.Header.Values("Cookie")),       // want `\(TL401\)`
		attribute.String("db.password", pw),                                                  // want `attribute "db.password" records a credential \(password\).*\(TL401\)`
		attribute.String("shop.api_key", token),                                              // want `records a credential \(api key\).*\(TL401\)`
		attribute.String("oauth.refresh_token", token),                                       // want `records a credential \(refresh token\).*\(TL401\)`
		attribute.String("auth.jwt", token),                                                  // want `\(TL401\)`
		attribute.String("tls.private_key", token),                                           // want `\(TL401\)`
	)
	// Look-alikes: they describe a secret, they do not hold one.
	span.SetAttributes(
		attribute.Int("llm.token_count", 3),                                                // ok
		attribute.Int("gen_ai.usage.input_tokens", 3),                                      // ok
		attribute.String("auth.password_policy", pw),                                       // ok
		attribute.Int("auth.password_length", len(pw)),                                     // ok
		attribute.String("shop.api_key_id", token),                                         // ok
		attribute.String("vault.secret_name", token),                                       // ok
		attribute.String("auth.password_hash", pw),                                         // ok
		attribute.String("k8s.secret.name", token),                                         // ok
		attribute.String("http.request.header.content-type", r.Header.Get("Content-Type")), // ok
		attribute.String("db.password", "***"),                                             // ok: a constant
		attribute.String("auth.token_type", token),                                         // ok
		attribute.Bool("auth.password", pw != ""),                                          // ok: a boolean holds no secret
		attribute.Bool("use:credential_identifier_filter", token != ""),                    // ok
		attribute.String("oauth.refresh_token_signature", token),                           // ok: a lookup key, not the token
	)
}

// Key is a named string type that holds attribute keys.
type Key string

// String returns the key.
func (k Key) String() string { return string(k) }

// KeyEmail is the customer's e-mail address.
const KeyEmail Key = "customer.email"

func personal(span trace.Span, s string, n int) {
	span.SetAttributes(
		attribute.String("user.email", s),             // want `attribute "user.email" records personal data \(contact: user.email\): telemetry is stored for weeks and read by many; drop it, or pass the value through a redactor listed in piiattrs.redactors \(TL402\)`
		attribute.String("user.full_name", s),         // want `records personal data \(person-name: user.full_name\).*\(TL402\)`
		attribute.String("customer.phone_number", s),  // want `records personal data \(contact: phone number\).*\(TL402\)`
		attribute.String("customer.ssn", s),           // want `\(government-id: ssn\).*\(TL402\)`
		attribute.String("payment.card_number", s),    // want `\(financial: card number\).*\(TL402\)`
		attribute.String("customer.first_name", s),    // want `\(person-name: first name\).*\(TL402\)`
		attribute.String("customer.name", s),          // want `\(person-name: customer name\).*\(TL402\)`
		attribute.String("patient.date_of_birth", s),  // want `\(birth-date: date of birth\).*\(TL402\)`
		attribute.String("order.shipping_address", s), // want `\(postal-address: shipping address\).*\(TL402\)`
		attribute.String("request.client_ip", s),      // want `\(network-identity: client ip\).*\(TL402\)`
		attribute.String("traveller.passport", s),     // want `\(TL402\)`
		attribute.String("payout.iban", s),            // want `\(TL402\)`
		attribute.Int("customer.age", n),              // want `\(birth-date: customer age\).*\(TL402\)`
		attribute.String(KeyEmail.String(), s),        // want `attribute "customer.email" records personal data \(contact: email\).*\(TL402\)`
	)
	// Look-alikes.
	span.SetAttributes(
		attribute.Bool("user.email_verified", true),          // ok
		attribute.Int("notify.email_count", n),               // ok
		attribute.String("notify.email_template", s),         // ok
		attribute.String("device.phone_model", s),            // ok
		attribute.String("payment.card_brand", s),            // ok
		attribute.String("service.name", s),                  // ok
		attribute.String("product.name", s),                  // ok
		attribute.String("user_agent.name", s),               // ok
		attribute.String("repo.author", s),                   // ok
		attribute.Int("passenger_count", n),                  // ok
		attribute.String("server.address", s),                // ok
		attribute.String("network.ip_version", s),            // ok
		attribute.String("host.ip", s),                       // ok
		attribute.Int("cache.age", n),                        // ok
		attribute.String("user.email_hash", s),               // ok
		attribute.String("messaging.consumer.group.name", s), // ok
		attribute.String("user.id", s),                       // ok: TL406 is opt-in
		attribute.String("order.id", s),                      // ok
		attribute.String("organization.address", s),          // ok: a company's address, under an organisation's key
		attribute.String("company.billing_name", s),          // ok
		attribute.Int("user.email_length", n),                // ok: a length of personal data
		attribute.Bool("customer.phone_present", s != ""),    // ok: a boolean about it
	)
}

// Company is an organisation: its address is not a person's.
type Company struct{ Name, Address string }

func companies(span trace.Span, c Company, org *Company) {
	span.SetAttributes(
		attribute.String("vendor.address", c.Address), // ok
		attribute.String("vendor.name", org.Name),     // ok
	)
}
