package imports

import (
	"context"
	"database/sql"
	"encoding/json"
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/jobs"
	"github.com/jolproject/jol/internal/store"
)

// RunRecord is one dry run or import of an upload, done by a background
// job. Its Status follows the job's: jobs.Queued, jobs.Running, jobs.Done
// or jobs.Failed.
type RunRecord struct {
	ID            int64
	UploadID      int64
	OrgID         int64
	OrgPath       string
	Target        string // the name of the target the list is for
	DryRun        bool
	Template      Template // the answers for the headers Jol does not know
	JobID         int64
	Status        string
	Result        Result // Read grows while the run goes on, and the rest with each batch of an import
	ResumeLine    int    // the last line a committed batch of an import wrote; 0 before the first
	Reasons       int    // how many reasons the rejected rows have, one per stored reject
	BytesRead     int64  // how far into the file the run has read
	ErrorKey      string // why a failed run failed
	ErrorArgs     []any
	CreatedByName string
	CreatedAt     time.Time
	StartedAt     *time.Time
	FinishedAt    *time.Time
}

// Finished reports whether the run is over, done or failed.
func (r RunRecord) Finished() bool { return r.Status == jobs.Done || r.Status == jobs.Failed }

// jobPayload is what the job of a run carries.
type jobPayload struct {
	Run      int64    `json:"run"`
	Target   string   `json:"target,omitempty"` // "" in jobs queued before targets: the people list
	Upload   int64    `json:"upload"`
	Org      int64    `json:"org"`
	DryRun   bool     `json:"dry_run"`
	User     int64    `json:"user"`
	Template Template `json:"template,omitempty"`
}

// Start queues a dry run or an import of upload uploadID for p into its
// target, with tpl answering the headers the target does not know, and
// returns the run. The header
// must be usable with tpl (see Fatal); an upload with a run already queued
// or running is a Conflict.
func (s *Service) Start(ctx context.Context, p access.Principal, uploadID int64, tpl Template, dry bool) (RunRecord, error) {
	up, err := s.Upload(ctx, p, uploadID)
	if err != nil {
		return RunRecord{}, err
	}
	if up.Purged {
		return RunRecord{}, errPurged
	}
	t, err := s.Target(up.Target)
	if err != nil {
		return RunRecord{}, err
	}
	for _, c := range tpl {
		if !t.Has(c) {
			return RunRecord{}, errs.New(errs.Invalid, "error.invalid_choice")
		}
	}
	if _, probs := t.MapHeader(up.Preview.Header, tpl); Fatal(probs) {
		return RunRecord{}, errs.New(errs.Invalid, "imports.header_unusable")
	}
	if tpl == nil {
		tpl = Template{}
	}
	org, err := s.Orgs.Get(ctx, p, up.OrgID) // its place, for the change log
	if err != nil {
		return RunRecord{}, err
	}
	mapping, err := json.Marshal(tpl)
	if err != nil {
		return RunRecord{}, err
	}
	run := RunRecord{UploadID: up.ID, OrgID: up.OrgID, OrgPath: up.OrgPath, Target: up.Target, DryRun: dry, Template: tpl,
		Status: jobs.Queued, CreatedByName: p.Name, CreatedAt: s.clock()}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		var busy int
		if err := tx.QueryRowContext(ctx, s.q.Busy, up.ID).Scan(&busy); err != nil {
			return err
		}
		if busy > 0 {
			return errs.New(errs.Conflict, "imports.busy")
		}
		err := tx.QueryRowContext(ctx, s.q.InsertRun, up.ID, up.OrgID, up.OrgPath, dry, string(mapping), jobs.Queued,
			store.NullID(p.UserID), p.Name, run.CreatedAt, up.Target).Scan(&run.ID)
		if err != nil {
			return err
		}
		pl := jobPayload{Run: run.ID, Target: up.Target, Upload: up.ID, Org: up.OrgID, DryRun: dry, User: p.UserID, Template: tpl}
		if run.JobID, err = s.Jobs.Enqueue(ctx, tx, JobKind, pl, jobs.CreatedBy(p.UserID)); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q.SetRunJob, run.JobID, run.ID); err != nil {
			return err
		}
		action := "import"
		if dry {
			action = "dry_run"
		}
		return s.Audit.Record(ctx, tx, p, audit.Change{Action: action, Entity: "import_upload",
			EntityID: strconv.FormatInt(up.ID, 10), OrgPath: up.OrgPath, RegionPath: org.RegionPath,
			After: map[string]any{"run": run.ID, "target": up.Target, "template": tpl}})
	})
	return run, err
}

// Run returns run runID of upload uploadID if p may see the upload.
func (s *Service) Run(ctx context.Context, p access.Principal, uploadID, runID int64) (RunRecord, error) {
	r, err := scanRun(s.db.R.QueryRowContext(ctx, s.q.Run, runID))
	if err != nil {
		return RunRecord{}, store.NotFound(err)
	}
	if r.UploadID != uploadID || canImport(p, r.OrgPath) != nil {
		return RunRecord{}, errs.ErrNotFound
	}
	return r, nil
}

// Runs lists the runs of an upload p may see, newest first.
func (s *Service) Runs(ctx context.Context, p access.Principal, uploadID int64) ([]RunRecord, error) {
	if _, err := s.Upload(ctx, p, uploadID); err != nil {
		return nil, err
	}
	return store.Select(ctx, s.db.R, scanRun, s.q.Runs, uploadID)
}

func scanRun(sc store.Scanner) (RunRecord, error) {
	var r RunRecord
	var mapping, args string
	var job sql.NullInt64
	var started, finished sql.NullTime
	err := sc.Scan(&r.ID, &r.UploadID, &r.OrgID, &r.OrgPath, &r.DryRun, &mapping, &job, &r.Status, &r.Result.Read,
		&r.BytesRead, &r.Result.Created, &r.Result.Updated, &r.Result.Unchanged, &r.Result.Rejected, &r.Reasons,
		&r.ErrorKey, &args, &r.CreatedByName, &r.CreatedAt, &started, &finished, &r.Target, &r.ResumeLine)
	if err != nil {
		return r, err
	}
	r.JobID = job.Int64
	if started.Valid {
		r.StartedAt = &started.Time
	}
	if finished.Valid {
		r.FinishedAt = &finished.Time
	}
	if err := json.Unmarshal([]byte(mapping), &r.Template); err != nil {
		return r, err
	}
	r.ErrorArgs, err = decodeArgs(args)
	return r, err
}
