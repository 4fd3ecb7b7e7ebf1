package piiattrs

import "github.com/tracelint/tracelint/internal/rules"

const optionAllow = "piiattrs.allow"

const optionRedactors = "piiattrs.redactors"

const optionExtraPatterns = "piiattrs.extra-patterns"

const optionCategories = "piiattrs.categories"

var allOptions = []string{optionAllow, optionRedactors, optionExtraPatterns, optionCategories}

// TL401 reports a secret in telemetry.
var TL401 = &rules.Rule{
	ID:       "TL401",
	Analyzer: "piiattrs",
	Title:    "never record secrets or credentials in telemetry",
	Why: "Trace and log backends keep data for weeks, are read by many people and are often a third party. " +
		"A password, token, API key or session cookie recorded there is a leaked credential: anyone with access to the " +
		"backend can use it until it is rotated.",
	Bad:        `span.SetAttributes(attribute.String("http.request.header.authorization", r.Header.Get("Authorization")))`,
	Good:       `span.SetAttributes(attribute.Bool("auth.present", r.Header.Get("Authorization") != ""))`,
	Default:    true,
	DefaultWhy: "a recorded secret must be rotated; there is no safe exception",
	NotFlagged: []string{
		"keys that describe a secret rather than hold it: `password_policy`, `token_count`, `api_key_id`, `secret_name`, `password_hash`",
		"constant and boolean values, and values passed through a configured redactor",
		"keys in infrastructure namespaces (`k8s.secret.name`, `aws.*`)",
		"a token's signature or fingerprint (`refresh_token_signature`), a lookup key rather than the token",
	},
	KnownProblems: []string{
		"A bare `token` is not a credential word (`gen_ai.usage.input_tokens`): name the kind (`access_token`, `session_token`) " +
			"or add a phrase with `piiattrs.extra-patterns`.",
		"A URL under a URL key (`url.full`, `http.target`, `*_url`) is judged by its query parameters: those spelled in the literals " +
			"it is built from, and, for a URL taken whole (`r.URL.String()`, `r.RequestURI`), those the function reads or sets by name " +
			"(`r.URL.Query().Get(\"access_token\")`). A parameter read in another function of the handler is not seen.",
	},
	Options: allOptions,
}

// TL402 reports personal data under a personal-data key.
var TL402 = &rules.Rule{
	ID:       "TL402",
	Analyzer: "piiattrs",
	Title:    "do not record personal data under a personal-data key",
	Why: "A key such as `user.email`, `customer.phone` or `shipping_address` says that its value identifies or locates a " +
		"person. Recording it copies personal data into a system outside the privacy controls of the service's database: " +
		"retention, access, deletion requests.",
	Bad:        `span.SetAttributes(attribute.String("user.email", u.Email))`,
	Good:       `span.SetAttributes(attribute.String("user.email", privacy.Redact(u.Email)))`,
	Default:    true,
	DefaultWhy: "the key itself declares the data personal",
	NotFlagged: []string{
		"metadata about the data: `email_verified`, `email_count`, `phone_model`, `card_brand`, `user.email_hash`",
		"a bare `name`, `address` or `ip` outside a person namespace (`service.name`, `server.address`, `host.ip`)",
		"constant values, values passed through a configured redactor, keys in `piiattrs.allow`",
		"keys a registry annotates with `privacy: none`",
		"an address key (`remote_addr`, `client_ip`) whose value is the remote address of a connection the code dialled: a server's",
	},
	Options: allOptions,
}

// TL403 reports personal data as the value of a neutral key.
var TL403 = &rules.Rule{
	ID:       "TL403",
	Analyzer: "piiattrs",
	Title:    "do not record personal data under a neutral key",
	Why: "Personal data under an innocent key (`customer`, `contact`, a log record's body) escapes every key-based " +
		"scrubber of the backend. The value's own expression gives it away: `order.Customer.Email`, `req.Password`, `u.Phone()`. " +
		"The same holds for a span's status description and a recorded error (`span.RecordError(fmt.Errorf(\"user %s not found\", email))`, " +
		"also through an error variable built with `fmt.Errorf` or `errors.New`): both are stored with the span and shown in every trace view.",
	Bad:        `span.SetAttributes(attribute.String("order.contact", order.Customer.Email))`,
	Good:       `span.SetAttributes(attribute.String("order.customer_id", order.Customer.ID))`,
	Default:    true,
	DefaultWhy: "the value's name, or its struct tag, says it is personal",
	NotFlagged: []string{
		"values passed through a configured redactor, constants and booleans",
		"a network address under a key about machines (`server.address`, `host.ip`, `k8s.*`): it is a server's, " +
			"the one a client dialled, whatever the Go expression that holds it is called (`remoteAddr` in client code)",
		"the remote address of a connection the code dialled (`conn.RemoteAddr()` after `net.Dial`), under any key, and any address " +
			"recorded by a function that dials, takes no `*http.Request` and accepts no connection: client code talks to servers",
		"a name or address that is personal only through an owner that may be a business (`customer`, `member`, `subscriber`, ...) " +
			"whose type holds no personal field of its own (`Customer{ID, Name, Location}` of a B2B service)",
		"calls with arguments (`hashEmail(e)`, `len(u.Email)`, `events.NewSessionJWTIssued(ctx, id)`), other than the string " +
			"functions piiattrs looks through (`strings.ToLower`, `fmt.Sprintf`, ...); getters (`u.Phone()`) are judged by their name",
	},
	KnownProblems: []string{
		"Values are judged by the last name in their expression (and a struct tag `pii:\"...\"` or `sensitive:\"true\"` on a field); " +
			"data that passes through a variable with a neutral name is not followed.",
	},
	Options: allOptions,
}

// TL404 reports personal data or a secret in baggage or tracestate.
var TL404 = &rules.Rule{
	ID:       "TL404",
	Analyzer: "piiattrs",
	Title:    "keep personal data and secrets out of baggage and tracestate",
	Why: "Baggage and tracestate travel in clear-text headers to every downstream service, including third-party APIs, " +
		"and are copied into their telemetry. The W3C Trace Context specification forbids personal data in tracestate. " +
		"It is the severest leak: it leaves the organisation.",
	Bad: `m, _ := baggage.NewMember("user.email", u.Email)
bag, _ := baggage.New(m)
ctx = baggage.ContextWithBaggage(ctx, bag)`,
	Good: `m, _ := baggage.NewMember("tenant.tier", tenant.Tier)
bag, _ := baggage.New(m)
ctx = baggage.ContextWithBaggage(ctx, bag)`,
	Default:    true,
	DefaultWhy: "what enters baggage leaves the process and the organisation",
	NotFlagged: []string{
		"constant values, values passed through a configured redactor, keys in `piiattrs.allow`",
		"pseudonymous identifiers (`user.id`): TL406's, opt-in",
	},
	Options: allOptions,
}

// TL405 reports personal data in a span or event name.
var TL405 = &rules.Rule{
	ID:       "TL405",
	Analyzer: "piiattrs",
	Title:    "keep personal data out of span and event names",
	Why: "Span and event names are indexed, grouped on and shown in every trace view, service map and alert, and no " +
		"attribute scrubber touches them. A name built from an e-mail address also gives every request its own name.",
	Bad:        `ctx, span := tracer.Start(ctx, "checkout "+user.Email)`,
	Good:       `ctx, span := tracer.Start(ctx, "checkout")`,
	Default:    true,
	DefaultWhy: "names are the most widely shown part of a trace",
	NotFlagged: []string{
		"constant names, and names built from values with neutral names",
	},
	Options: allOptions,
}

// TL406 reports a pseudonymous identifier in telemetry.
var TL406 = &rules.Rule{
	ID:       "TL406",
	Analyzer: "piiattrs",
	Title:    "review pseudonymous identifiers in telemetry",
	Why: "A user, customer, session or device ID names no one, but it links every event of one person together and " +
		"can be joined back to them: data protection law treats it as personal data. Many teams record it on purpose.",
	Bad:        `span.SetAttributes(attribute.String("user.id", u.ID))`,
	Good:       `span.SetAttributes(attribute.String("user.id", privacy.Pseudonymize(u.ID)))`,
	Default:    false,
	DefaultWhy: "recording user IDs is often deliberate and covered by the retention policy; turn it on to review them",
	NotFlagged: []string{
		"IDs of things, not people: `order.id`, `request.id`, `trace.id`",
	},
	Options: allOptions,
}

// Rules is the piiattrs catalogue, in ID order.
var Rules = []*rules.Rule{TL401, TL402, TL403, TL404, TL405, TL406}
