// Package orders serves order listings and exports over HTTP, backed by
// database/sql.
package orders

import (
	"context"
	"database/sql"
	"log/slog"
	"net/http"
	"os/exec"

	"go.opentelemetry.io/otel"
	"golang.org/x/sync/errgroup"

	"example.com/tracelinttest/service/jobs"
)

var tracer = otel.Tracer("example.com/service/orders")

// Server serves the order listings.
type Server struct{ DB *sql.DB }

// List writes the IDs of all orders.
func (s *Server) List(w http.ResponseWriter, r *http.Request) {
	rows, err := s.DB.Query("SELECT id FROM orders")
	if err != nil {
		slog.Error("query failed", "err", err)
		return
	}
	defer rows.Close()
	jobs.Reindex()
	w.WriteHeader(http.StatusOK)
}

// Export exports orders in parallel.
func (s *Server) Export(ctx context.Context, ids []string) error {
	_, span := tracer.Start(ctx, "export")
	defer span.End()
	g, gctx := errgroup.WithContext(ctx)
	for _, id := range ids {
		g.Go(func() error {
			return exec.CommandContext(ctx, "export", id).Run()
		})
	}
	g.Go(func() error { return s.ping(gctx) })
	if err := exec.Command("sync").Run(); err != nil {
		return err
	}
	return g.Wait()
}

func (s *Server) ping(ctx context.Context) error {
	return s.DB.PingContext(context.Background())
}
