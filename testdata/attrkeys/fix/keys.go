package fix

// Keys declared in another file of the package: the fix edits the literal
// here. A key built from other constants has no literal to edit.
const (
	statusKey  = "http.status_code"
	hostPrefix = "net."
	hostKey    = hostPrefix + "host.name"
)
