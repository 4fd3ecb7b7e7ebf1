package contract

import "sync"

//go:generate go run ../cmd/gensemconv -model ../../../shared/otel-semconv/model -o semconv_table.go

// Semconv returns the bundled OpenTelemetry semantic conventions. The
// contract is built on first use and shared: do not change it.
var Semconv = sync.OnceValue(func() *Contract { return New(semconvTable) })

// SemconvSchemaURL is the schema URL of the semantic conventions release the
// bundled table was generated from.
const SemconvSchemaURL = semconvSchemaURL
