package dashboard

import (
	"context"
	"database/sql"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/jobs"
)

// JobKind is the job that refreshes a campaign's snapshot.
const JobKind = "dashboard.refresh"

// refreshJob is the job's payload.
type refreshJob struct {
	CampaignID int64 `json:"campaign_id"`
}

// queueRefresh asks the job queue for a fresh snapshot of campaign id,
// once per snapshot: a second view before the job has run asks nothing.
func (s *Service) queueRefresh(ctx context.Context, id int64, now time.Time) error {
	if s.d.Jobs == nil {
		return nil
	}
	return s.d.DB.Tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q.MarkQueued, id, now.UTC())
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return err
		}
		_, err = s.d.Jobs.Enqueue(ctx, tx, JobKind, refreshJob{CampaignID: id})
		return err
	})
}

// HandleRefresh is the job handler of JobKind.
func (s *Service) HandleRefresh(ctx context.Context, j *jobs.Job, progress jobs.Progress) (string, error) {
	var pl refreshJob
	if err := j.Decode(&pl); err != nil {
		return "", err
	}
	progress.Set(0, 1)
	if err := s.Refresh(ctx, pl.CampaignID); err != nil {
		return "", err
	}
	progress.Set(1, 1)
	return "", nil
}

// AskRefresh queues a fresh count of campaign id's figures for p, who
// must be allowed to ask for one and to see the campaign.
func (s *Service) AskRefresh(ctx context.Context, p access.Principal, id int64) error {
	if err := access.Can(p, access.RefreshDashboard, p.Scope()); err != nil {
		return err
	}
	if _, err := s.d.Campaigns.Get(ctx, p, id); err != nil {
		return err
	}
	if s.d.Jobs == nil {
		return s.Refresh(ctx, id)
	}
	_, err := s.d.Jobs.Enqueue(ctx, s.d.DB.W, JobKind, refreshJob{CampaignID: id}, jobs.CreatedBy(p.UserID))
	return err
}
