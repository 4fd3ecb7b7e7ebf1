package keyforms

import (
	"strings"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

// transport spells a member of network.transport in capitals, through a
// constant: no literal here to fix.
const transport = "TCP"

// Values of open enums: near misses are reported, extensions are not.
func enums(span trace.Span) {
	span.SetAttributes(
		attribute.String("network.transport", "ucp"), // want `value "ucp" is not a member of the enum "network.transport" \(.*\); did you mean "tcp"\? The enum is open.*\(TL306\)`
		// two edits from "tcp" and from "pipe": the suggestion is the first in
		// alphabetical order, whatever the order of the members
		attribute.String("network.transport", "tcipe"),              // want `value "tcipe" is not a member of the enum "network.transport" \(.*\); did you mean "pipe"\? The enum is open.*\(TL306\)`
		attribute.String("network.transport", transport),            // want `value "TCP" is not a member of the enum "network.transport" \(.*\); did you mean "tcp"\? The enum is open.*\(TL306\)`
		attribute.String("network.transport", "tcp_over_tls"),       // ok: an extension, however it begins
		attribute.String(strings.ToLower("http.request.methd"), ""), // ok: not a constant key (TL305 is off)
	)
}
