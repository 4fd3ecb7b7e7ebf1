// Package headersplain builds message headers without importing anything
// that reaches context: TL105 still applies.
package headersplain

// Message is a queue message with string headers.
type Message struct {
	Headers map[string]string
	Body    []byte
}

// NewMessage copies the caller's trace by hand.
func NewMessage(traceparent string, body []byte) Message {
	return Message{
		Headers: map[string]string{"traceparent": traceparent}, // want `"traceparent" is written by hand.*\(TL105\)`
		Body:    body,
	}
}
