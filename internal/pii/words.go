package pii

// curated are the keys of the semantic conventions (and their usual
// spellings) whose value is sensitive whatever the words say (layer 1).
var curated = map[string]Category{
	"user.email":          Contact,
	"user.full_name":      PersonName,
	"user.name":           PersonName,
	"user.id":             Pseudonymous,
	"enduser.id":          Pseudonymous,
	"enduser.pseudo.id":   Pseudonymous,
	"session.id":          Pseudonymous,
	"session.previous_id": Pseudonymous,
}

// curatedHeaderPrefixes lead to a header or metadata name in a key.
var curatedHeaderPrefixes = []string{
	"http.request.header.", "http.response.header.",
	"rpc.request.metadata.", "rpc.response.metadata.",
	"rpc.grpc.request.metadata.", "rpc.grpc.response.metadata.",
}

// sensitiveHeaders are the header names whose value is a credential.
var sensitiveHeaders = map[string]Category{
	"authorization":       Credentials,
	"proxy-authorization": Credentials,
	"cookie":              Credentials,
	"set-cookie":          Credentials,
	"x-api-key":           Credentials,
	"x-auth-token":        Credentials,
	"x-csrf-token":        Credentials,
	"x-forwarded-for":     NetworkIdentity,
	"x-real-ip":           NetworkIdentity,
}

// infraNamespaces hold keys about machines and software, not people.
var infraNamespaces = []string{
	"server", "host", "k8s", "cloud", "network.local", "container", "os", "process", "service",
	"deployment", "telemetry", "otel", "faas", "aws", "gcp", "azure", "heroku", "oci", "cicd",
	"vcs", "artifact", "code", "thread", "system", "hw", "jvm", "v8js", "dotnet", "cpython",
	"nodejs", "go", "webengine", "openshift", "cloudfoundry", "zos", "mainframe", "linux", "oracle_cloud",
}

// builtinPhrases are layer 2's words and phrases, by category, written as
// Words splits them. Plurals match too (emails, passwords).
var builtinPhrases = map[Category][]string{
	Credentials: {
		"password", "passwd", "passphrase", "secret", "api key", "apikey", "access token",
		"refresh token", "id token", "session token", "auth token", "bearer token", "jwt",
		"private key", "otp", "credential", "client secret", "secret key", "access key secret",
		"authorization header", "bearer", "pin code", "pincode", "pin number", "personal identification number",
	},
	Contact: {
		"email", "e mail", "email address", "phone", "phone number", "telephone", "mobile number",
		"mobile phone", "msisdn", "fax number",
	},
	GovernmentID: {
		"ssn", "social security number", "national id", "national insurance number", "passport",
		"passport number", "driver licence", "driver license", "drivers license", "driving licence",
		"tax id", "taxpayer id", "vat number", "tax number", "tax identification number",
		"taxpayer identification number", "itin", "national identification number", "national identity number",
		"identity card number", "id card number", "social insurance number", "national insurance",
	},
	Financial: {
		"card number", "credit card", "debit card", "pan", "cvv", "cvc", "cvv2", "cvc2", "cvn", "iban",
		"card verification code", "card verification value", "card security code",
		"account number", "routing number", "bank account", "sort code", "card holder", "cardholder",
	},
	PersonName: {
		"full name", "first name", "last name", "given name", "family name", "surname",
		"middle name", "maiden name", "firstname", "lastname", "fullname", "username", "user name",
		// Names whose field says whose they are: a person's, even under a neutral key.
		"account owner name", "account holder name", "holder name", "sender name", "author name",
		"beneficiary name", "contact name", "patient name", "guardian name", "emergency contact",
	},
	BirthDate: {
		"birth date", "birthdate", "date of birth", "dob", "birthday",
	},
	PostalAddress: {
		"street", "street address", "home address", "billing address", "shipping address",
		"postal address", "mailing address", "postal code", "zip code", "zipcode", "postcode",
		"address line",
	},
	NetworkIdentity: {
		"client ip", "remote ip", "user ip", "x forwarded for", "mac address", "remote addr",
		"client ip address", "ip address", "real ip",
	},
	Pseudonymous: {
		"session id", "device id", "visitor id", "anonymous id", "anon id",
		"advertising id", "ad id",
	},
}

// personNamespaces make the words of personOnly personal: user.name,
// customer_address, patient.id.
var personNamespaces = map[string]bool{
	"user": true, "enduser": true, "customer": true, "patient": true, "person": true,
	"employee": true, "member": true, "contact": true, "recipient": true, "buyer": true,
	"payer": true, "guest": true, "passenger": true, "student": true, "subscriber": true,
	"cardholder": true, "applicant": true, "identity": true,
}

// ambiguousOwners are person words that name businesses as often as
// people (a B2B customer, a member organisation): a bare name or address
// under them is a person's only with more evidence.
var ambiguousOwners = map[string]bool{
	"customer": true, "member": true, "subscriber": true, "buyer": true, "payer": true,
	"recipient": true, "identity": true,
}

// personModifiers may stand between a person word and a word of
// personOnly: customer.display_name, user.home_address.
var personModifiers = map[string]bool{
	"display": true, "legal": true, "preferred": true, "nick": true, "home": true, "full": true,
	"real": true, "public": true, "external": true,
}

// personOnly are the words that are personal data only after a person word.
var personOnly = map[string]Category{
	"name":     PersonName,
	"address":  PostalAddress,
	"ip":       NetworkIdentity,
	"id":       Pseudonymous,
	"uid":      Pseudonymous,
	"uuid":     Pseudonymous,
	"login":    PersonName,
	"handle":   PersonName,
	"age":      BirthDate,
	"gender":   Personal,
	"location": PostalAddress,
}

// stopWords describe the data instead of holding it: a key with one of
// them is not sensitive (email_verified, token_count, password_policy).
var stopWords = map[string]bool{
	"count": true, "verified": true, "enabled": true, "disabled": true, "policy": true,
	"type": true, "kind": true, "version": true, "length": true, "len": true, "size": true,
	"hash": true, "hashed": true, "sha256": true, "digest": true, "masked": true, "mask": true,
	"redacted": true, "template": true, "required": true, "status": true, "brand": true,
	"model": true, "format": true, "valid": true, "validated": true, "present": true,
	"missing": true, "exists": true, "provided": true, "changed": true, "updated": true,
	"expiry": true, "expires": true, "expiration": true, "ttl": true, "domain": true,
	"provider": true, "scheme": true, "algorithm": true, "algo": true, "strength": true,
	"rotation": true, "attempts": true, "retries": true, "error": true, "reason": true,
	"mode": true, "issuer": true, "scope": true, "audience": true, "configured": true,
	"field": true, "encrypted": true, "is": true, "has": true, "result": true, "check": true,
	"checked": true, "strategy": true, "source": true, "country": true,
}

// credentialRefs name a secret rather than hold it when they follow a
// credential word: api_key_id, secret_name, private_key_path.
var credentialRefs = map[string]bool{
	"id": true, "name": true, "ref": true, "arn": true, "path": true, "file": true,
	"location": true, "url": true, "uri": true, "label": true, "alias": true, "store": true,
	"vault": true, "env": true, "var": true, "identifier": true, "signature": true, "sig": true,
	"fingerprint": true, "thumbprint": true, "kid": true,
}
