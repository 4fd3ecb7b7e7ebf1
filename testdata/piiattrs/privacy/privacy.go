// Package privacy holds the redactor the piiattrs tests configure.
package privacy

// Redact returns a value safe to record.
func Redact(s string) string { return "redacted" }

// Initials is not configured as a redactor.
func Initials(s string) string { return s[:1] }

// Mask returns v with its personal fields blanked.
func Mask[T any](v T) T { return v }

// ContactEmail is the address users write to about their data.
const ContactEmail = "privacy@example.com"
