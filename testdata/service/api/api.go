// Package api serves orders over HTTP.
package api

import (
	"context"
	"net/http"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"

	"example.com/tracelinttest/service/store"
)

var tracer = otel.Tracer("example.com/service/api")

// Handler serves the order API.
type Handler struct{ Store *store.Store }

// ServeHTTP serves one request.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx, span := tracer.Start(r.Context(), "GET /orders")
	id := r.URL.Query().Get("id")
	if id == "" {
		http.Error(w, "missing id", http.StatusBadRequest)
		return
	}
	defer span.End()
	o, err := h.Store.Get(ctx, id)
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	_, _ = w.Write([]byte(o.ID))
}

// audit records an access in the caller's span.
func audit(ctx context.Context, id string) {
	span := trace.SpanFromContext(ctx)
	span.AddEvent("audit " + id)
	span.End()
}

// Batch reads several orders.
func (h *Handler) Batch(ctx context.Context, ids []string) {
	for _, id := range ids {
		ctx, span := tracer.Start(ctx, "batch.item")
		defer span.End()
		audit(ctx, id)
	}
}

// Warm fills caches in the background.
func (h *Handler) Warm(ctx context.Context) {
	tracer.Start(ctx, "warm")
	go func() {
		ctx, span := tracer.Start(context.WithoutCancel(ctx), "warm.async")
		defer span.End()
		_, _ = h.Store.Get(ctx, "hot")
	}()
}

// Ping answers a health probe and never ends its span.
func (h *Handler) Ping(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "ping")
	span.AddEvent("probe")
	_, err := h.Store.Get(ctx, "ping")
	return err
}
