// Package consumer handles messages from a queue.
package consumer

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("example.com/service/consumer")

// Message is a queue message with its headers.
type Message struct {
	Headers map[string]string
	Body    []byte
}

// Consume handles each message in the trace its producer started.
func Consume(ctx context.Context, msgs <-chan Message, handle func(context.Context, Message) error) {
	for msg := range msgs {
		msgCtx := otel.GetTextMapPropagator().Extract(ctx, propagation.MapCarrier(msg.Headers))
		msgCtx, span := tracer.Start(msgCtx, "consume")
		_ = handle(msgCtx, msg)
		span.End()
	}
}

// Forward republishes a message, copying its trace by hand.
func Forward(ctx context.Context, in Message, publish func(context.Context, Message)) {
	out := Message{Headers: map[string]string{}, Body: in.Body}
	out.Headers["traceparent"] = in.Headers["traceparent"]
	publish(ctx, out)
}

// Replay handles stored messages one after another.
func Replay(ctx context.Context, msgs []Message, handle func(context.Context, Message) error) {
	for _, msg := range msgs {
		var span trace.Span
		ctx, span = tracer.Start(ctx, "replay")
		_ = handle(ctx, msg)
		span.End()
	}
}
