// Package store is the service's storage layer.
package store

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("example.com/service/store")

// ErrNotFound is returned for a missing order.
var ErrNotFound = errors.New("not found")

// Order is a customer order.
type Order struct {
	ID    string
	Items int
}

// Store keeps orders in memory.
type Store struct{ orders map[string]Order }

// StartOp starts the span of a storage operation; callers end it.
func StartOp(ctx context.Context, op string) (context.Context, trace.Span) {
	return tracer.Start(ctx, "store."+op)
}

// Get returns an order.
func (s *Store) Get(ctx context.Context, id string) (Order, error) {
	_, span := StartOp(ctx, "get")
	o, ok := s.orders[id]
	if !ok {
		return Order{}, ErrNotFound
	}
	span.End()
	return o, nil
}

// Put stores an order.
func (s *Store) Put(ctx context.Context, o Order) error {
	_, span := StartOp(ctx, "put")
	defer span.End()
	if o.ID == "" {
		return errors.New("order without id")
	}
	s.orders[o.ID] = o
	return nil
}

// Delete removes an order.
func (s *Store) Delete(ctx context.Context, id string) error {
	_, span := tracer.Start(ctx, "store.delete")
	defer span.End()
	if _, ok := s.orders[id]; !ok {
		span.SetStatus(codes.Error, "missing")
		return ErrNotFound
	}
	delete(s.orders, id)
	return nil
}
