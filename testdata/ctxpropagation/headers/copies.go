package headers

import (
	"context"
	"net/http"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
)

func copyOf(h http.Header) http.Header { return h.Clone() }

// A propagator that wrote into a copy did not write into the request: its
// header read back is by hand.
func injectedIntoCopy(ctx context.Context, req *http.Request) {
	otel.GetTextMapPropagator().Inject(ctx, propagation.HeaderCarrier(copyOf(req.Header)))
	_ = req.Header.Get("traceparent") // want `trace header "traceparent" is read by hand.*\(TL105\)`
}
