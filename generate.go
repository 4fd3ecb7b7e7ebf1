package tracelint

// The rule pages under docs/rules, the rule table in README.md and the
// code-review checklist, docs/checklist.md, are generated from the rule
// catalogue; catalogue_test.go and checklist_test.go fail when they are
// stale.
//go:generate go run ./internal/cmd/gendocs
