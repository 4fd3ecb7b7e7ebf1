package tracelint

// The rule pages under docs/rules and the rule table in README.md are
// generated from the rule catalogue; catalogue_test.go fails when they are
// stale.
//go:generate go run ./internal/cmd/gendocs
