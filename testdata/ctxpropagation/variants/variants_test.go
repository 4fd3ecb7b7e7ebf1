package variants

import (
	"context"
	"log/slog"
	"testing"
)

func TestLogs(t *testing.T) {
	ctx := context.Background()
	slog.Info("in a test") // ok
	_ = ctx
}
