package allocation

import (
	"context"
	"database/sql"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/store"
)

// Run is an allocation run as kept: a dry run's figures, or a committed
// run's, whose served lines hold stock under its id.
type Run struct {
	ID          int64     `json:"id"`
	CampaignID  int64     `json:"campaign_id"`
	Kind        string    `json:"kind"` // plan, or waitlist: served the waiting list as stock arrived
	Committed   bool      `json:"committed"`
	Objective   int64     `json:"objective"`
	Distance    int64     `json:"distance"`
	Lines       int       `json:"lines"`
	Served      int       `json:"served"`
	Waitlisted  int       `json:"waitlisted"`
	Kept        int       `json:"kept"`
	Digest      string    `json:"digest"`
	CreatedBy   int64     `json:"created_by,omitempty"`
	CreatedName string    `json:"created_name"`
	Via         string    `json:"via,omitempty"`
	CreatedAt   time.Time `json:"created_at"`
}

// The kinds of run.
const (
	KindPlan     = "plan"
	KindWaitlist = "waitlist"
)

// DryRun plans campaign id's allocation as a commit would, from one
// snapshot of the requests, results and stock, and changes nothing but
// the history of runs, where it is kept with its figures. p must be
// allowed to allocate the campaign, and the campaign open.
func (s *Service) DryRun(ctx context.Context, p access.Principal, id int64, via string) (*Plan, error) {
	c, err := s.allocatable(ctx, p, id)
	if err != nil {
		return nil, err
	}
	src, err := s.sources(ctx, c)
	if err != nil {
		return nil, err
	}
	plan, err := s.plan(ctx, c, src)
	if err != nil {
		return nil, err
	}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		run, err := s.insertRun(ctx, tx, p, c, plan, KindPlan, false, via)
		if err != nil {
			return err
		}
		return s.Audit.Record(ctx, tx, p, audit.Change{Action: "dry_run", Entity: "allocation_run",
			EntityID: itoa(run.ID), OrgPath: c.Target().OrgPath, After: run})
	})
	return plan, err
}

// Instance reads campaign id's instance as a dry run would, from one
// snapshot, when p may allocate the campaign: for benchmarks and for
// checking a plan with another solver (DecideNetworks).
func (s *Service) Instance(ctx context.Context, p access.Principal, id int64) (*Instance, error) {
	c, err := s.campaignFor(ctx, p, id, ManageAction)
	if err != nil {
		return nil, err
	}
	src, err := s.sources(ctx, c)
	if err != nil {
		return nil, err
	}
	var in *Instance
	err = s.snapshot(ctx, func(tx *sql.Tx) error {
		in, err = s.read(ctx, tx, c, src, s.inTx(ctx, tx, c.ID))
		return err
	})
	return in, err
}

// snapshot runs fn in a read-only transaction that sees one state of the
// database throughout: SQLite's read transactions do; PostgreSQL's need
// repeatable read.
func (s *Service) snapshot(ctx context.Context, fn func(tx *sql.Tx) error) error {
	opts := &sql.TxOptions{ReadOnly: true}
	if s.db.Engine == store.Postgres {
		opts.Isolation = sql.LevelRepeatableRead
	}
	tx, err := s.db.R.BeginTx(ctx, opts)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return fn(tx)
}

// insertRun keeps a run of plan for campaign c.
func (s *Service) insertRun(ctx context.Context, tx store.Querier, p access.Principal, c campaign.Campaign, plan *Plan,
	kind string, committed bool, via string) (Run, error) {
	r := Run{CampaignID: c.ID, Kind: kind, Committed: committed, Objective: plan.Objective, Distance: plan.Distance,
		Lines: plan.Lines, Served: plan.Served, Waitlisted: plan.Waitlisted, Kept: plan.Kept, Digest: plan.Digest,
		CreatedBy: p.UserID, CreatedName: p.Name, Via: via, CreatedAt: s.Now().UTC()}
	err := tx.QueryRowContext(ctx, s.q.InsertRun, r.CampaignID, r.Kind, r.Committed, r.Objective, r.Distance, r.Lines,
		r.Served, r.Waitlisted, r.Kept, r.Digest, c.Target().OrgPath, store.NullID(p.UserID), r.CreatedName, r.Via,
		r.CreatedAt).Scan(&r.ID)
	return r, err
}

// Runs lists campaign id's latest runs (at most limit), the latest first.
func (s *Service) Runs(ctx context.Context, p access.Principal, id int64, limit int) ([]Run, error) {
	if _, err := s.campaignFor(ctx, p, id, ViewAction); err != nil {
		return nil, err
	}
	return store.Select(ctx, s.db.R, scanRun, s.q.Runs, id, max(limit, 1))
}

// Run returns run runID of campaign id with the outcome of every line a
// committed run decided.
func (s *Service) Run(ctx context.Context, p access.Principal, id, runID int64) (Run, []Result, error) {
	if _, err := s.campaignFor(ctx, p, id, ViewAction); err != nil {
		return Run{}, nil, err
	}
	r, err := scanRun(s.db.R.QueryRowContext(ctx, s.q.RunByID, runID))
	if err != nil || r.CampaignID != id {
		return Run{}, nil, store.NotFound(cmpNoRows(err))
	}
	res, err := store.Select(ctx, s.db.R, scanResult, s.q.RunLines, runID)
	return r, res, err
}

// cmpNoRows is err, or sql.ErrNoRows when err is nil (a run of another
// campaign is not found either).
func cmpNoRows(err error) error {
	if err == nil {
		return sql.ErrNoRows
	}
	return err
}

func scanRun(sc store.Scanner) (Run, error) {
	var r Run
	err := sc.Scan(&r.ID, &r.CampaignID, &r.Kind, &r.Committed, &r.Objective, &r.Distance, &r.Lines, &r.Served,
		&r.Waitlisted, &r.Kept, &r.Digest, &r.CreatedBy, &r.CreatedName, &r.Via, &r.CreatedAt)
	r.CreatedAt = r.CreatedAt.UTC()
	return r, err
}

func scanResult(sc store.Scanner) (Result, error) {
	var r Result
	err := sc.Scan(&r.RequestID, &r.Line, &r.ItemID, &r.Size, &r.Region, &r.WarehouseID, &r.Outcome, &r.Priority, &r.RankRegion,
		&r.Rank, &r.Of, &r.Cutoff, &r.Quota, &r.QuotaRegion, &r.Cost)
	return r, err
}
