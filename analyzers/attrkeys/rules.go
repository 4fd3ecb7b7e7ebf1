package attrkeys

import (
	"github.com/tracelint/tracelint/internal/config"
	"github.com/tracelint/tracelint/internal/keydrift"
	"github.com/tracelint/tracelint/internal/rules"
)

const optionMinStability = "attrkeys.min-stability"

const optionRegistries = "attrkeys.registries"

const optionSemconv = "attrkeys.semconv"

const optionAllow = "attrkeys.allow"

const optionDeny = "attrkeys.deny"

const optionIgnoreNamespaces = "attrkeys.ignore-namespaces"

// TL301 reports a key that is not in the contract.
var TL301 = &rules.Rule{
	ID:       "TL301",
	Analyzer: "attrkeys",
	Title:    "use attribute keys defined in the telemetry contract",
	Why: "Dashboards, alerts and cross-service queries join on attribute keys. A key nobody agreed on " +
		"(`http.request.methd`, `order_id` in one service and `shop.order.id` in the next) records data no query finds. " +
		"The contract is the OpenTelemetry semantic conventions plus the team's Weaver registries.",
	Bad:        `span.SetAttributes(attribute.String("http.request.methd", r.Method))`,
	Good:       `span.SetAttributes(attribute.String("http.request.method", r.Method))`,
	Default:    true,
	DefaultWhy: "without registries only misspellings inside the semantic conventions' namespaces are reported, so a team gets no noise",
	Autofix:    false,
	NotFlagged: []string{
		"without `attrkeys.registries`, keys outside the namespaces the semantic conventions define keys in (`shop.order.id`): " +
			"the key's parent, or a deeper prefix of two segments or more (`messaging.kafka.producer.success` squats `messaging.kafka`); " +
			"a top-level namespace alone does not count for a deeper key (`app.product.id`)",
		"keys of the `go.opentelemetry.io/otel/semconv` packages the code imports, so code pinned to an older version is judged by what it uses",
		"keys matched by `attrkeys.allow` or under `attrkeys.ignore-namespaces`",
	},
	KnownProblems: []string{
		"The message names the nearest contract key (\"did you mean\") when one is within two edits, three for long keys. " +
			"It is not offered as a fix: a near key is a guess, and golangci-lint's `--fix` would apply it unasked.",
		"Keys listed in `attrkeys.deny` are reported under this rule, with the configured reason.",
		"The defect is the key: a package gets one finding per key, at its first use, with every other use as a related place " +
			"and their number in the message (a key repeated on 23 spans is one finding, not 23).",
	},
	Options: []string{optionRegistries, optionSemconv, optionAllow, optionDeny, optionIgnoreNamespaces},
}

// TL302 reports a value whose type does not match the contract.
var TL302 = &rules.Rule{
	ID:       "TL302",
	Analyzer: "attrkeys",
	Title:    "store the value type the contract gives the key",
	Why: "Backends index an attribute by key and type: `http.response.status_code` recorded as a string in one " +
		"service and an int in another splits every query and breaks numeric comparisons and histograms.",
	Bad:        `span.SetAttributes(attribute.String("http.response.status_code", strconv.Itoa(code)))`,
	Good:       `span.SetAttributes(attribute.Int("http.response.status_code", code))`,
	Default:    true,
	DefaultWhy: "a mistyped attribute is lost to every query on its key",
	NotFlagged: []string{
		"`attribute.Int64` for `int`, `attribute.IntSlice` for `int[]`, `attribute.Stringer` for `string`",
		"a string enum's key with `attribute.String`, an int enum's with `attribute.Int`",
		"any value for a key of type `any`",
	},
	KnownProblems: []string{
		"The semconv packages' helper functions (`semconv.ServerPort(8080)`) are typed by Go and not checked again.",
	},
	Options: []string{optionRegistries, optionSemconv},
}

// TL303 reports a deprecated key.
var TL303 = &rules.Rule{
	ID:       "TL303",
	Analyzer: "attrkeys",
	Title:    "replace deprecated attribute keys",
	Why: "A deprecated key is one the rest of the organisation, and the backends' built-in views, have moved away from: " +
		"data recorded under it drops out of dashboards built on the new key.",
	Bad:        `span.SetAttributes(attribute.String("http.method", r.Method))`,
	Good:       `span.SetAttributes(attribute.String("http.request.method", r.Method))`,
	Default:    true,
	DefaultWhy: "the replacement is known and usually a rename",
	Autofix:    true,
	NotFlagged: []string{
		"constants of the `go.opentelemetry.io/otel/semconv` packages: upgrading the semconv version is the fix, and its own change",
		"a literal key that is a key of a semconv package the package imports (code pinned to, or deliberately emitting, that version during a migration): " +
			"it is judged like that package's constant; in an external test package (`p_test`), the semconv packages `p` imports count too, " +
			"since its tables compare against what `p` emits",
		"a semantic-conventions key with nowhere better to go: obsolete with no replacement (`message.type`), renamed to a key still in development " +
			"(`peer.service` to `service.peer.name`), or moved out of the conventions (`gen_ai.*`); moving off it buys no stability, " +
			"so it is left to the opt-in TL307. Deprecations in the team's registries are always reported",
	},
	KnownProblems: []string{
		"The fix is offered when the reason is `renamed`, the new key has the same type and the key is spelled by a literal of the package; " +
			"when that literal is a constant's value, the constant's declaration changes, and every use with it.",
	},
	Options: []string{optionRegistries, optionSemconv},
}

// TL304 reports a key that breaks the naming convention.
var TL304 = &rules.Rule{
	ID:       "TL304",
	Analyzer: "attrkeys",
	Title:    "name attribute keys as lowercase dotted namespaces",
	Why: "OpenTelemetry keys are lowercase, dot-separated namespaces with snake_case words (`shop.order.item_count`). " +
		"`OrderID`, `order-id` and `orderId` each make a separate column, and keys without a namespace collide across teams. " +
		"When the key's last word is the last segment of semantic conventions keys (`method`, `host`, `code`), the message names them.",
	Bad:          `span.SetAttributes(attribute.String("OrderID", id))`,
	Good:         `span.SetAttributes(attribute.String("shop.order.id", id))`,
	DefaultIf:    func(cfg *config.Config) bool { return len(cfg.Attrkeys.Registries) > 0 },
	DefaultIfDoc: "with a contract (an `attrkeys.registries` entry)",
	DefaultWhy: "a team that declared a contract has chosen its spelling, so a key outside it that breaks the convention is a slip; " +
		"without one, a team's own spelling is its convention (on bench/'s eleven services 458 of 466 TL304 findings were not worth acting on), " +
		"so the rule waits to be enabled",
	NotFlagged: []string{
		"keys in the contract, whatever their spelling",
		"a key TL301 already reports",
	},
	KnownProblems: []string{
		"The suggested spelling needs a namespace chosen by the team, so there is no automatic fix.",
		"One finding per key and package, at its first use, with the other uses as related places.",
	},
	Options: []string{optionIgnoreNamespaces},
}

// TL307 reports a key whose stability is below attrkeys.min-stability.
var TL307 = &rules.Rule{
	ID:       "TL307",
	Analyzer: "attrkeys",
	Title:    "keep attribute keys at the stability the team chose",
	Why: "The semantic conventions mark each key `development`, `release_candidate` or `stable`. A key still in development " +
		"may be renamed or change meaning in the next release, and every dashboard and alert built on it breaks with it. " +
		"A team that keeps its telemetry on stable conventions sets `attrkeys.min-stability` and turns this rule on.",
	Bad:        `span.SetAttributes(attribute.String("gen_ai.request.model", model)) // development`,
	Good:       `span.SetAttributes(attribute.String("http.request.method", r.Method)) // stable`,
	Default:    false,
	DefaultWhy: "most services use development keys on purpose (messaging, databases, cloud); the level is the team's choice",
	NotFlagged: []string{
		"deprecated keys that TL303 reports; the semantic-conventions deprecations TL303 leaves alone (obsolete with no replacement, " +
			"renamed to a key still in development, moved out of the conventions) are reported here, below every level",
		"keys without a stability level (a team registry that gives none)",
	},
	Options: []string{optionMinStability, optionRegistries, optionSemconv},
}

// TL305 reports a key that is not a constant.
var TL305 = &rules.Rule{
	ID:       "TL305",
	Analyzer: "attrkeys",
	Title:    "use constant attribute keys",
	Why: "A key computed at run time cannot be checked against the contract, and a key built from data " +
		"(`\"order.\" + id`) creates a new attribute per value, which backends bill and index as separate columns.",
	Bad:        `span.SetAttributes(attribute.Int("item." + sku, qty))`,
	Good:       `span.SetAttributes(attribute.String("shop.item.sku", sku), attribute.Int("shop.item.quantity", qty))`,
	Default:    false,
	DefaultWhy: "libraries that forward caller-chosen keys are legitimate; turn it on for services",
	NotFlagged: []string{
		"a constant prefix that leads into a template of the contract (`\"http.request.header.\" + name`)",
		"a package-level variable of the package that it never assigns again nor takes the address of " +
			"(`var orderKey = attribute.Key(\"shop.order.id\")`): it is a constant in all but name, and every rule checks its key",
	},
	Options: []string{optionRegistries},
}

// TL306 reports a constant value that is not a member of the key's enum.
var TL306 = &rules.Rule{
	ID:       "TL306",
	Analyzer: "attrkeys",
	Title:    "use a member of the key's enum",
	Why: "Enum keys are compared by value: `http.request.method` recorded as `get` or `GETT` is not counted with `GET`. " +
		"Weaver enums are open, so a deliberate extension is allowed, but a near miss is a bug.",
	Bad:        `span.SetAttributes(attribute.String("http.request.method", "get"))`,
	Good:       `span.SetAttributes(attribute.String("http.request.method", "GET"))`,
	Default:    true,
	DefaultWhy: "only constant values close to a member are checked: a near miss is a bug a reviewer fixes",
	Autofix:    true,
	NotFlagged: []string{
		"values that are not constants",
		"array-typed enum keys",
		"a constant far from every member, which is an extension of the open enum (`db.system.name` \"prometheus\"); " +
			"close means equal but for case, one containing the other (`postgres`/`postgresql`) or within two edits (one for values of four bytes or less)",
	},
	KnownProblems: []string{
		"The fix is offered when exactly one member differs from the value only in case; other near members are named in the message only.",
	},
	Options: []string{optionRegistries, optionSemconv},
}

// TL308 reports one concept spelled several ways.
var TL308 = &rules.Rule{
	ID:       "TL308",
	Analyzer: "attrkeys",
	Title:    "spell each concept with one attribute key",
	Why: "Drift is the defect behind most naming noise: `tenantID` on one span, `tenant_id` on the next and `orgID` on a third " +
		"split one concept over three columns, and every query, dashboard and alert sees a third of the data. " +
		"Picking one spelling (the contract's, when one of them is in it) joins them again.",
	Bad: `span.SetAttributes(attribute.String("tenantID", t))
// elsewhere in the package
span.SetAttributes(attribute.String("tenant_id", t))`,
	Good:    `span.SetAttributes(attribute.String("shop.tenant.id", t)) // everywhere`,
	Default: false,
	DefaultWhy: "renaming a key breaks the queries built on it, so a team turns the rule on when it settles its spelling; " +
		"`tracelint keys ./...` shows the groups of the whole module first",
	NotFlagged: []string{
		"keys that differ by more than case, separators, a final `id` and the synonyms listed on this page",
		"keys in different packages: a pass sees one package; `tracelint keys ./...` groups the whole module",
	},
	KnownProblems: []string{
		"Keys are grouped when their words, without case or separators and with a final `id` dropped, are the same once these synonyms " +
			"are made one: " + keydrift.SynonymsDoc() + ".",
		"One finding per group, at the group's first site in the package, with every other site as a related place.",
	},
	Options: []string{optionRegistries, optionSemconv},
}

// Rules is the attrkeys catalogue, in ID order.
var Rules = []*rules.Rule{TL301, TL302, TL303, TL304, TL305, TL306, TL307, TL308}
