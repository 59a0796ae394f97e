package letters

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/jobs"
	"github.com/jolproject/jol/internal/store"
)

// Run is one run of a campaign's letters of a kind.
type Run struct {
	ID         int64      `json:"id"`
	OrgID      int64      `json:"org_id"`
	CampaignID int64      `json:"campaign_id"`
	Kind       Kind       `json:"kind"`
	Status     string     `json:"status"` // queued | running | done | failed
	JobID      int64      `json:"job_id,omitempty"`
	Total      int64      `json:"total"`   // letters the run has to write, those written included
	Written    int64      `json:"written"` // letters written so far
	Combined   bool       `json:"combined"`
	Failed     bool       `json:"failed,omitempty"`
	CreatedBy  int64      `json:"created_by,omitempty"`
	CreatedAt  time.Time  `json:"created_at"`
	FinishedAt *time.Time `json:"finished_at,omitempty"`
}

// The statuses of a run.
const (
	RunQueued  = "queued"
	RunRunning = "running"
	RunDone    = "done"
	RunFailed  = "failed"
)

// runJob is the payload of a run's job.
type runJob struct {
	RunID int64 `json:"run_id"`
}

// campaignFor returns campaign id when p may do a on its letters: staff
// of the organiser's subtree who see the campaign.
func (s *Service) campaignFor(ctx context.Context, p access.Principal, id int64, a access.Action) (campaign.Campaign, error) {
	c, err := s.Campaigns.Get(ctx, p, id)
	if err != nil {
		return c, err
	}
	if err := access.Can(p, a, p.Scope()); err != nil {
		return c, err
	}
	if access.Can(p, a, c.Target()) != nil {
		return c, errs.ErrNotFound
	}
	return c, nil
}

// Start starts a run of campaign id's letters of kind k: one job that
// writes a letter to every recipient not yet written to. A run that
// failed is resumed (the same run, from where it stopped); one still
// queued or running is not started twice (error.letter_run_busy).
func (s *Service) Start(ctx context.Context, p access.Principal, id int64, k Kind) (Run, error) {
	c, err := s.campaignFor(ctx, p, id, access.ManageLetters)
	if err != nil {
		return Run{}, err
	}
	if k != SponsorLetter {
		return Run{}, errs.Validation(errs.Field("kind", "error.letter_kind_unavailable"))
	}
	var run Run
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		last, err := s.lastRun(ctx, tx, c.ID, k)
		switch {
		case err != nil:
			return err
		case last.Status == RunQueued || last.Status == RunRunning:
			return errs.New(errs.Conflict, "error.letter_run_busy")
		case last.Status == RunFailed:
			run = last
		default:
			if err := tx.QueryRowContext(ctx, s.q.InsertRun, c.OrganiserID, c.ID, string(k), store.NullID(p.UserID),
				s.Now().UTC()).Scan(&run.ID); err != nil {
				return err
			}
		}
		job, err := s.Jobs.Enqueue(ctx, tx, JobKind, runJob{RunID: run.ID}, jobs.CreatedBy(p.UserID))
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q.SetRunStatus, run.ID, RunQueued, job); err != nil {
			return err
		}
		if run, err = s.run(ctx, tx, run.ID); err != nil {
			return err
		}
		return s.Audit.Record(ctx, tx, p, audit.Change{Action: "create", Entity: "letter_run", EntityID: itoa(run.ID),
			OrgPath: c.Target().OrgPath, After: run})
	})
	return run, err
}

// lastRun is the latest run of campaign id's letters of kind k, a zero
// Run when there is none.
func (s *Service) lastRun(ctx context.Context, q store.Querier, id int64, k Kind) (Run, error) {
	runs, err := store.Select(ctx, q, scanRun, s.q.Runs, id)
	for _, r := range runs {
		if r.Kind == k {
			return r, err
		}
	}
	return Run{}, err
}

func (s *Service) run(ctx context.Context, q store.Querier, id int64) (Run, error) {
	r, err := scanRun(q.QueryRowContext(ctx, s.q.RunByID, id))
	return r, store.NotFound(err)
}

func scanRun(sc store.Scanner) (Run, error) {
	var r Run
	var job, by sql.NullInt64
	var fin sql.NullTime
	var msg string
	err := sc.Scan(&r.ID, &r.OrgID, &r.CampaignID, &r.Kind, &r.Status, &job, &r.Total, &r.Written, &r.Combined,
		&msg, &by, &r.CreatedAt, &fin)
	r.JobID, r.CreatedBy, r.Failed, r.CreatedAt = job.Int64, by.Int64, msg != "", r.CreatedAt.UTC()
	if fin.Valid {
		t := fin.Time.UTC()
		r.FinishedAt = &t
	}
	return r, err
}

// Handle is the job of a run: it writes the letters left to write, then
// assembles the combined file. A run stopped half-way (the process shut
// down, an error) is marked failed and, when its job is tried again or it
// is started again, goes on with those not yet thanked.
func (s *Service) Handle(ctx context.Context, j *jobs.Job, progress jobs.Progress) (string, error) {
	var pl runJob
	if err := j.Decode(&pl); err != nil {
		return "", err
	}
	run, err := s.run(ctx, s.db.R, pl.RunID)
	if err != nil {
		return "", err
	}
	if run.Status == RunDone {
		return "done before", nil
	}
	n, err := s.write(ctx, run, progress)
	if err != nil {
		msg := err.Error()
		if errors.Is(err, context.Canceled) {
			msg = "interrupted"
		}
		// The run's row says it stopped; a fresh context, as ctx may be
		// what stopped it.
		_, _ = s.db.W.ExecContext(context.WithoutCancel(ctx), s.q.FinishRun, run.ID, RunFailed, n, nil, msg,
			s.Now().UTC())
		return "", err
	}
	return "letters written: " + itoa(n), nil
}
