// Package privacy redacts personal data before it is recorded.
package privacy

// Redact returns a value safe to record: the first character and a mask.
func Redact(s string) string {
	if s == "" {
		return ""
	}
	return s[:1] + "***"
}
