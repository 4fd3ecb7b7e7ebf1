package datadog

import (
	"context"

	"github.com/DataDog/dd-trace-go/v2/ddtrace/tracer"
)

// current is a package-level span: no function threads it.
var current *tracer.Span

// A span started after the root was not there to be dropped.
func late(q string) error {
	err := query(context.Background(), q) // ok
	span := tracer.StartSpan("late")
	defer span.Finish()
	return err
}
