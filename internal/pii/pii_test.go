package pii

import (
	"slices"
	"testing"

	"github.com/tracelint/tracelint/internal/contract"
)

// keyCases are keys and their expected category: "" for none. The traps of
// substring matching are here on purpose (token_count, author,
// passenger_count, email_verified, ip_version).
var keyCases = []struct{ key, want string }{
	// Layer 1: curated keys.
	{"user.email", "contact"},
	{"user.full_name", "person-name"},
	{"user.name", "person-name"},
	{"user.id", "pseudonymous"},
	{"enduser.id", "pseudonymous"},
	{"session.id", "pseudonymous"},
	{"http.request.header.authorization", "credentials"},
	{"http.request.header.Authorization", "credentials"},
	{"http.request.header.cookie", "credentials"},
	{"http.response.header.set-cookie", "credentials"},
	{"http.request.header.proxy-authorization", "credentials"},
	{"http.request.header.x-api-key", "credentials"},
	{"rpc.request.metadata.authorization", "credentials"},
	{"rpc.response.metadata.set-cookie", "credentials"},
	{"rpc.request.metadata.x-api-key", "credentials"},
	{"http.request.header.x-forwarded-for", "network-identity"},
	{"http.request.header.content-type", ""},
	{"http.request.header.user-agent", ""},
	{"http.response.header.content-length", ""},
	{"rpc.request.metadata.x-request-id", ""},
	{"user.roles", ""},
	{"user.hash", ""},

	// Credentials.
	{"db.password", "credentials"},
	{"card.pin_code", "credentials"},
	{"atm.pinCode", "credentials"},
	{"user.personal_identification_number", "credentials"},
	{"login.passwd", "credentials"},
	{"vault.passphrase", "credentials"},
	{"app.client_secret", "credentials"},
	{"shop.api_key", "credentials"},
	{"shop.apiKey", "credentials"},
	{"shop.ApiKey", "credentials"},
	{"X-Api-Key", "credentials"},
	{"oauth.access_token", "credentials"},
	{"oauth.refresh_token", "credentials"},
	{"oidc.id_token", "credentials"},
	{"auth.session_token", "credentials"},
	{"auth.auth_token", "credentials"},
	{"auth.bearer_token", "credentials"},
	{"auth.jwt", "credentials"},
	{"tls.private_key", "credentials"},
	{"mfa.otp", "credentials"},
	{"aws.secret_access_key", ""}, // infrastructure namespace
	{"shop.secret_key", "credentials"},
	{"user.password", "credentials"},
	{"user.passwords", "credentials"},
	{"resetPasswordToken", "credentials"},
	{"shop.credentials", "credentials"},
	// Credential look-alikes.
	{"gen_ai.usage.input_tokens", ""},
	{"llm.token_count", ""},
	{"tls.pinned_cert", ""},
	{"map.pin", ""},
	{"auth.token_type", ""},
	{"auth.password_policy", ""},
	{"auth.password_length", ""},
	{"auth.password_hash", ""},
	{"auth.password_changed", ""},
	{"auth.password_expiry", ""},
	{"shop.api_key_id", ""},
	{"vault.secret_name", ""},
	{"vault.secret_path", ""},
	{"tls.private_key_file", ""},
	{"k8s.secret.name", ""},
	{"auth.secrets.count", ""},
	{"auth.token", "credentials"}, // "auth token" across the dot
	{"llm.token", ""},             // a bare token is too vague
	{"jwt.algorithm", ""},
	{"jwt.issuer", ""},
	{"otp.attempts", ""},
	{"auth.has_password", ""},
	{"aspnetcore.identity.password_check_result", ""},
	{"passthrough.mode", ""},
	{"compass.heading", ""},

	// Contact.
	{"customer.email", "contact"},
	{"order.contact_email", "contact"},
	{"notify.emails", "contact"},
	{"user.emailAddress", "contact"},
	{"user.e-mail", "contact"},
	{"customer.phone", "contact"},
	{"customer.phone_number", "contact"},
	{"sms.msisdn", "contact"},
	{"customer.mobile_number", "contact"},
	{"contact.telephone", "contact"},
	// Contact look-alikes.
	{"user.email_verified", ""},
	{"user.emailVerified", ""},
	{"notify.email_count", ""},
	{"notify.email_template", ""},
	{"notify.email_enabled", ""},
	{"notify.email_provider", ""},
	{"user.email_domain", ""},
	{"device.phone_model", ""},
	{"device.phone_brand", ""},
	{"mail.server", ""},
	{"mobile.platform", ""},
	{"telemetry.phone_home", ""},
	{"user.email_hash", ""},

	// Government IDs.
	{"customer.ssn", "government-id"},
	{"applicant.social_security_number", "government-id"},
	{"citizen.national_id", "government-id"},
	{"traveller.passport", "government-id"},
	{"traveller.passport_number", "government-id"},
	{"driver.driver_licence", "government-id"},
	{"driver.driver_license", "government-id"},
	{"company.tax_id", "government-id"},
	{"customer.taxIdentificationNumber", "government-id"},
	{"employee.national_insurance_number", "government-id"},
	{"applicant.itin", "government-id"},
	{"citizen.id_card_number", "government-id"},
	// Look-alikes.
	{"traveller.passport_country", ""},
	{"tax.rate", ""},
	{"tax.amount", ""},
	{"order.tax_total", ""},
	{"driver.version", ""},
	{"db.driver", ""},

	// Financial.
	{"payment.card_number", "financial"},
	{"payment.credit_card", "financial"},
	{"payment.pan", "financial"},
	{"payment.cvv", "financial"},
	{"payment.cvc", "financial"},
	{"payment.cvc2", "financial"},
	{"payment.card_verification_code", "financial"},
	{"payment.cardSecurityCode", "financial"},
	{"payout.iban", "financial"},
	{"payout.account_number", "financial"},
	{"payout.routing_number", "financial"},
	{"payment.cardholder", "financial"},
	// Look-alikes.
	{"payment.card_brand", ""},
	{"payment.card_type", ""},
	{"payment.card_count", ""},
	{"camera.span", ""},
	{"payment.pan_masked", ""},
	{"payout.account_number_hash", ""},
	{"payment.method", ""},
	{"payment.amount", ""},
	{"payment.currency", ""},

	// Person names.
	{"customer.full_name", "person-name"},
	{"customer.first_name", "person-name"},
	{"customer.last_name", "person-name"},
	{"customer.given_name", "person-name"},
	{"customer.family_name", "person-name"},
	{"customer.surname", "person-name"},
	{"customer.name", "person-name"},
	{"patient.name", "person-name"},
	{"customer.display_name", "person-name"},
	{"firstName", "person-name"},
	{"user.username", "person-name"},
	// Look-alikes: a bare name outside a person namespace.
	{"service.name", ""},
	{"product.name", ""},
	{"span.name", ""},
	{"db.collection.name", ""},
	{"messaging.consumer.group.name", ""},
	{"user_agent.name", ""},
	{"user_agent.original", ""},
	{"author", ""},
	{"repo.author", ""},
	{"name", ""},
	{"file.name", ""},
	{"feature_flag.provider.name", ""},

	// Birth dates.
	{"patient.birth_date", "birth-date"},
	{"patient.date_of_birth", "birth-date"},
	{"customer.dob", "birth-date"},
	{"customer.birthday", "birth-date"},
	{"customer.age", "birth-date"},
	// Look-alikes.
	{"cache.age", ""},
	{"http.response.header.age", ""},

	// Postal addresses.
	{"shipping.street", "postal-address"},
	{"order.shipping_address", "postal-address"},
	{"order.billing_address", "postal-address"},
	{"customer.home_address", "postal-address"},
	{"customer.postal_code", "postal-address"},
	{"customer.zip_code", "postal-address"},
	{"customer.address", "postal-address"},
	{"geo.postal_code", "postal-address"},
	// Look-alikes: network and memory addresses.
	{"server.address", ""},
	{"client.address", ""},
	{"network.peer.address", ""},
	{"destination.address", ""},
	{"memory.address", ""},
	{"url.domain", ""},

	// Network identity.
	{"http.client_ip", "network-identity"},
	{"request.remote_ip", "network-identity"},
	{"request.user_ip", "network-identity"},
	{"request.x_forwarded_for", "network-identity"},
	{"device.mac_address", "network-identity"},
	{"user.ip", "network-identity"},
	// Look-alikes.
	{"network.local.address", ""},
	{"ip_version", ""},
	{"network.ip_version", ""},
	{"host.ip", ""},
	{"host.mac", ""},
	{"server.ip_address", ""},
	{"k8s.pod.ip", ""},

	// Pseudonymous identifiers.
	{"customer.id", "pseudonymous"},
	{"customer_id", "pseudonymous"},
	{"patient.uuid", "pseudonymous"},
	{"app.session_id", "pseudonymous"},
	{"device.id", "pseudonymous"},
	{"analytics.visitor_id", "pseudonymous"},
	// Look-alikes.
	{"order.id", ""},
	{"trace.id", ""},
	{"request.id", ""},
	{"passenger_count", ""},
	{"customer.count", ""},
	{"user.agent", ""},
	{"userAgent", ""},
	{"user.id_type", ""},
	{"identity.id", "pseudonymous"},
	{"identity.provider", ""},
	{"shipping.tracking.id", ""},
	{"ListUsersRequest.id", ""},
	{"users.list.id", ""},
	// Found on real services.
	{"use:credential_identifier_filter", ""},
	{"OAuth2RefreshTokenSignature", ""},
	{"OAuth2AccessTokenSignature", ""},
}

func TestKey(t *testing.T) {
	if len(keyCases) < 150 {
		t.Fatalf("%d keys; the table should hold at least 150", len(keyCases))
	}
	m := NewMatcher(nil)
	for _, tc := range keyCases {
		got, ok := m.Key(tc.key)
		gotName := ""
		if ok {
			gotName = got.Category.String()
		}
		if gotName != tc.want {
			t.Errorf("Key(%q) = %q (%s), want %q", tc.key, gotName, got.Why, tc.want)
		}
	}
}

// semconvFlagged are the semantic conventions keys the matcher flags, each
// defensible: the value identifies or locates a person, or is a secret.
var semconvFlagged = []string{
	"device.id",           // pseudonymous: a device is usually one person's
	"enduser.id",          // curated
	"enduser.pseudo.id",   // curated
	"geo.postal_code",     // the postal code of the client's location
	"http.client_ip",      // deprecated key for the client's IP address
	"mcp.session.id",      // a session identifier, pseudonymous like session.id
	"session.id",          // curated
	"session.previous_id", // curated
	"user.email",          // curated
	"user.full_name",      // curated
	"user.id",             // curated
	"user.name",           // curated
}

func TestSemconvKeys(t *testing.T) {
	m := NewMatcher(nil)
	var got []string
	for _, a := range contract.Semconv().Attributes() {
		if _, ok := m.Key(a.Key); ok {
			got = append(got, a.Key)
		}
	}
	if !slices.Equal(got, semconvFlagged) {
		t.Errorf("flagged semantic conventions keys:\n%q\nwant:\n%q", got, semconvFlagged)
	}
}

func TestName(t *testing.T) {
	m := NewMatcher(map[Category][]string{Credentials: {"pin code"}})
	for _, tc := range []struct{ owner, name, want string }{
		{"Customer", "Email", "contact"},
		{"req", "Password", "credentials"},
		{"u", "Phone", "contact"},
		{"User", "Name", "person-name"},
		{"Product", "Name", "none"},
		{"", "email", "contact"},
		{"", "emailCount", "none"},
		{"", "hashEmail", "none"},
		{"", "maskEmail", "none"},
		{"Card", "PinCode", "credentials"},
		{"", "userAgent", "none"},
		{"Customer", "ID", "pseudonymous"},
		{"ListUsersRequest", "Id", "none"},
		{"CustomerProfile", "Name", "none"},
		{"Account", "OwnerName", "person-name"}, // an account owner's name
		{"Account", "AccountOwnerName", "person-name"},
		{"Card", "HolderName", "financial"}, // "card holder"
		{"Payment", "HolderName", "person-name"},
		{"Message", "SenderName", "person-name"},
		{"Repo", "OwnerName", "none"},
	} {
		got, _ := m.Name(tc.owner, tc.name)
		if got.Category.String() != tc.want {
			t.Errorf("Name(%q, %q) = %s, want %s", tc.owner, tc.name, got.Category, tc.want)
		}
	}
}

func TestWords(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"http.request.header.X-Api-Key", []string{"http", "request", "header", "x", "api", "key"}},
		{"userEmailAddress", []string{"user", "email", "address"}},
		{"SSNLast4", []string{"ssn", "last4"}},
		{"customer_first-name here", []string{"customer", "first", "name", "here"}},
		{"HTTPServer", []string{"http", "server"}},
		{"", nil},
	} {
		if got := Words(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("Words(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestParseCategory(t *testing.T) {
	for c := Credentials; c <= Pseudonymous; c++ {
		if got, ok := ParseCategory(c.String()); !ok || got != c {
			t.Errorf("ParseCategory(%q) = %v, %v", c.String(), got, ok)
		}
	}
	if _, ok := ParseCategory("none"); ok {
		t.Error(`ParseCategory("none") succeeds`)
	}
}
