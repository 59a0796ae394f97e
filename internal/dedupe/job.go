package dedupe

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/jobs"
	"github.com/jolproject/jol/internal/store"
)

// JobKind is the job that scans the registry for duplicates.
const JobKind = "dedupe.scan"

// scanJob is the job's payload.
type scanJob struct {
	Reason string `json:"reason"`
	By     int64  `json:"by,omitempty"`
}

// Handle is the job handler of JobKind. A scan is whole or not at all,
// so a retry after a failure starts over.
func (s *Service) Handle(ctx context.Context, j *jobs.Job, progress jobs.Progress) (string, error) {
	var pl scanJob
	if err := j.Decode(&pl); err != nil {
		return "", err
	}
	progress.Set(0, 1)
	sc, err := s.Run(ctx, pl.Reason, pl.By)
	if err != nil {
		return "", err
	}
	progress.Set(1, 1)
	return fmt.Sprintf("%d persons, %d pairs, %d new", sc.Persons, sc.Pairs, sc.NewPairs), nil
}

// Ask queues a scan of the registry for p, who must be allowed to start
// one; it returns the job's id (0 when there is no job queue and the scan
// ran at once).
func (s *Service) Ask(ctx context.Context, p access.Principal) (int64, error) {
	if err := access.Can(p, access.ScanDuplicates, p.Scope()); err != nil {
		return 0, err
	}
	if err := s.d.Audit.Record(ctx, s.d.DB.W, p, audit.Change{Action: "scan", Entity: "duplicate_scan",
		OrgPath: p.OrgPath, RegionPath: p.RegionPath}); err != nil {
		return 0, err
	}
	return s.enqueue(ctx, ByRequest, p.UserID)
}

// AfterImport queues a scan once an import has written to the registry;
// the import service calls it (see imports.Service.OnCommit).
func (s *Service) AfterImport(ctx context.Context) error {
	_, err := s.enqueue(ctx, ByImport, 0)
	return err
}

// Scheduled queues the scan the server runs on its schedule.
func (s *Service) Scheduled(ctx context.Context) error {
	_, err := s.enqueue(ctx, BySchedule, 0)
	return err
}

func (s *Service) enqueue(ctx context.Context, reason string, by int64) (int64, error) {
	if s.d.Jobs == nil {
		_, err := s.Run(ctx, reason, by)
		return 0, err
	}
	return s.d.Jobs.Enqueue(ctx, s.d.DB.W, JobKind, scanJob{Reason: reason, By: by}, jobs.CreatedBy(by),
		jobs.MaxAttempts(2))
}

// LastScan returns the latest finished scan; ok is false before the
// first. Anyone who may review the queue may see it.
func (s *Service) LastScan(ctx context.Context, p access.Principal) (sc Scan, ok bool, err error) {
	if err := access.Can(p, access.ReviewDuplicates, p.Scope()); err != nil {
		return Scan{}, false, err
	}
	var fin sql.NullTime
	err = s.d.DB.R.QueryRowContext(ctx, s.q.LastScan).Scan(&sc.ID, &sc.StartedAt, &fin, &sc.Reason, &sc.Persons,
		&sc.Pairs, &sc.NewPairs, &sc.TookMS)
	if errors.Is(err, sql.ErrNoRows) {
		return Scan{}, false, nil
	} else if err != nil {
		return Scan{}, false, fmt.Errorf("read the last duplicate scan: %w", err)
	}
	sc.StartedAt, sc.FinishedAt = sc.StartedAt.UTC(), store.TimeOf(fin)
	return sc, true, nil
}

// ScanEvery queues a scan every interval until ctx is done, the first
// one interval after it starts (a restart does not scan at once).
func (s *Service) ScanEvery(ctx context.Context, every time.Duration, logger *slog.Logger) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if err := s.Scheduled(ctx); err != nil && ctx.Err() == nil {
			logger.Warn("queue the duplicate scan", "err", err)
		}
	}
}
