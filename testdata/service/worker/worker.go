// Package worker consumes order events.
package worker

import (
	"context"
	"log"

	"go.opentelemetry.io/otel"

	"example.com/tracelinttest/service/store"
)

var tracer = otel.Tracer("example.com/service/worker")

// Event is an order event from the queue.
type Event struct{ OrderID string }

// Consume handles events until the channel closes.
func Consume(ctx context.Context, s *store.Store, events <-chan Event) {
	for ev := range events {
		ctx, span := tracer.Start(ctx, "consume")
		if ev.OrderID == "" {
			continue
		}
		if err := s.Delete(ctx, ev.OrderID); err != nil {
			log.Fatalf("delete %s: %v", ev.OrderID, err)
		}
		span.End()
	}
}

// Replay handles one event twice, for at-least-once tests.
func Replay(ctx context.Context, s *store.Store, ev Event) error {
	ctx, span := tracer.Start(ctx, "replay.first")
	if err := s.Delete(ctx, ev.OrderID); err != nil {
		return err
	}
	ctx, span = tracer.Start(ctx, "replay.second")
	defer span.End()
	return s.Delete(ctx, ev.OrderID)
}
