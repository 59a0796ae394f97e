package imports

import (
	"context"
	"database/sql"
	"log/slog"
	"time"

	"github.com/jolproject/jol/internal/store"
)

// PurgeEvery purges what expired (see Purge) at once and then every
// period until ctx ends, logging failures to logger.
func (s *Service) PurgeEvery(ctx context.Context, every time.Duration, logger *slog.Logger) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if n, err := s.Purge(ctx, s.clock().Add(-Retention)); err != nil && ctx.Err() == nil {
			logger.Warn("purge expired uploads", "err", err)
		} else if n > 0 {
			logger.Info("purged expired uploads", "count", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Purge deletes what the uploads made before cutoff hold of children's
// data — the file's chunks, the preview, the rejected rows of their runs
// and where their unknown schools' rows go — and returns how many uploads it purged. The upload and run rows
// stay, so the list of imports keeps its history. Save calls it with
// Retention before each upload, and the server every hour (PurgeEvery). Each upload goes in its own transaction, so the write
// lock is never held for long.
func (s *Service) Purge(ctx context.Context, cutoff time.Time) (int, error) {
	ids, err := s.oldUploads(ctx, cutoff.UTC().Truncate(time.Second))
	if err != nil {
		return 0, err
	}
	for _, id := range ids {
		err := s.db.Tx(ctx, func(tx *sql.Tx) error {
			for _, q := range []string{s.q.PurgeChunks, s.q.PurgeRejects, s.q.PurgeSchoolMap, s.q.PurgeUpload} {
				if _, err := tx.ExecContext(ctx, q, id); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return 0, err
		}
		s.schools.drop(id)
	}
	return len(ids), nil
}

// oldUploads lists the unpurged uploads made before cutoff, reading them
// all before any is purged: on SQLite the write connection is needed next.
func (s *Service) oldUploads(ctx context.Context, cutoff time.Time) ([]int64, error) {
	return store.Select(ctx, s.db.R, store.ScanID, s.q.OldUploads, cutoff)
}
