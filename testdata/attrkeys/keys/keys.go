// Package keys declares attribute keys for keyforms to import.
package keys

import "go.opentelemetry.io/otel/attribute"

// Key is a named string type that holds attribute keys.
type Key string

// Keys of another package, in every form a constant can take.
const (
	Method         = "http.request.mthod"
	Status         = attribute.Key("http.response.status_code")
	Route      Key = "http.route"
	Deprecated     = "http.url"
)

// Typed keys, as packages that keep their keys in a named type write them.
const (
	KeyMethod Key = "http.request.metho"
	KeyRoute  Key = "http.route"
)

// String returns the key.
func (k Key) String() string { return string(k) }
