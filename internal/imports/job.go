package imports

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/jobs"
	"github.com/jolproject/jol/internal/tabular"
)

// Handle is the job handler of JobKind: it runs the import a run
// describes, into its target, as the user who asked for it, with that user's rights as they
// are now, and records the totals and the rejected rows. A reason the
// import cannot run (the user deactivated, the file unreadable, no right
// to the organisation any more) fails the run at once; other errors are
// retried by the queue, the run failing with the job's last attempt.
func (s *Service) Handle(ctx context.Context, j *jobs.Job, progress jobs.Progress) (string, error) {
	var pl jobPayload
	if err := j.Decode(&pl); err != nil {
		return "", err
	}
	run, err := scanRun(s.db.R.QueryRowContext(ctx, s.q.Run, pl.Run))
	if errors.Is(err, sql.ErrNoRows) {
		return "no such run", nil
	}
	if err != nil {
		return "", err
	}
	if run.Finished() {
		return "already " + run.Status, nil
	}
	// Bookkeeping goes on after shutdown began, as the queue's does.
	wctx := context.WithoutCancel(ctx)
	defer func() {
		// The queue fails the job of a handler that panics; the run fails
		// with it rather than stay running, which would block the upload.
		if p := recover(); p != nil {
			_, _ = s.db.W.ExecContext(wctx, s.q.FinishRun, run.ID, jobs.Failed, 0, 0, 0, 0, 0, 0, "error.internal", "[]", s.clock())
			panic(p)
		}
	}()
	res, reasons, failure, err := s.execute(ctx, run, pl, progress)
	switch {
	case err != nil && ctx.Err() == nil && j.Attempts >= j.MaxAttempts:
		failure = errs.New(errs.Internal, "error.internal")
	case err != nil:
		if _, werr := s.db.W.ExecContext(wctx, s.q.RequeueRun, run.ID); werr != nil {
			err = errors.Join(err, werr)
		}
		return "", err
	}
	status := jobs.Done
	key, args := "", []any{}
	if failure != nil {
		status, key = jobs.Failed, failure.Key
		args = append(args, failure.Args...)
	}
	enc, jerr := json.Marshal(args)
	if jerr != nil {
		return "", jerr
	}
	_, werr := s.db.W.ExecContext(wctx, s.q.FinishRun, run.ID, status, res.Read, res.Created, res.Updated,
		res.Unchanged, res.Rejected, reasons, key, string(enc), s.clock())
	if werr != nil {
		return "", errors.Join(err, werr)
	}
	if err != nil {
		return "", err
	}
	if failure != nil {
		return "failed: " + failure.Key, nil
	}
	line := res.Line()
	if !run.DryRun && res.Created+res.Updated > 0 {
		for _, fn := range s.committed {
			// The import stands whatever a listener does; the job's
			// result says what went wrong after it.
			if lerr := fn(wctx, run.Target); lerr != nil {
				line += "; after the import: " + lerr.Error()
			}
		}
	}
	return line, nil
}

// execute runs the import. It returns failure, not err, for a reason the
// import cannot be done that a retry would not change.
func (s *Service) execute(ctx context.Context, run RunRecord, pl jobPayload, progress jobs.Progress) (
	res Result, reasons int, failure *errs.Error, err error) {
	u, err := s.Accounts.Lookup(ctx, pl.User)
	if errs.CodeOf(err) == errs.NotFound || err == nil && !u.Active {
		return res, 0, errs.New(errs.Forbidden, "imports.user_inactive"), nil
	} else if err != nil {
		return res, 0, nil, err
	}
	p := u.Principal()
	up, err := s.upload(ctx, run.UploadID)
	if err != nil {
		return res, 0, nil, err
	}
	switch {
	case up.Purged:
		return res, 0, errPurged, nil
	case canImport(p, up.OrgPath) != nil:
		return res, 0, errs.New(errs.Forbidden, "error.forbidden"), nil
	}
	t, err := s.Target(run.Target)
	if err != nil {
		failure, err = split(err)
		return res, 0, failure, err
	}
	ck, err := s.begin(ctx, run)
	if err != nil {
		return res, 0, nil, err
	}
	defer ck.close()
	f := s.file(ctx, up)
	rd, err := tabular.OpenIn(s.TempDir, up.Name, f, up.Size)
	if err != nil {
		failure, err = split(err)
		return res, 0, failure, err
	}
	defer rd.Close()
	// A checkpoint that cannot be kept stops the run: the batches after it
	// would be written again by the retry, and count as unchanged.
	sm, err := s.SchoolMap(ctx, up.ID)
	if err != nil {
		return res, 0, nil, err
	}
	rctx, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	res, probs, err := Run(rctx, t, p, rd,
		Options{OrgID: run.OrgID, DryRun: run.DryRun, Template: run.Template, Source: up.Name, Resume: ck.resume,
			Schools: sm, Campaign: up.Preview.Campaign, Run: run.ID, Hold: s.hold, MaxHold: s.hold,
			Checkpoint: func(ctx context.Context, tx *sql.Tx, pr Progress) error {
				if s.beforeCheckpoint != nil {
					if err := s.beforeCheckpoint(ctx, pr); err != nil {
						return err
					}
				}
				return ck.saveIn(ctx, tx, pr, f.Reached())
			}},
		ck.add, func(pr Progress) {
			progress.Set(f.Reached(), f.Size())
			if ck.saved(pr) {
				return // with the rows
			}
			if err := ck.save(ctx, pr, f.Reached()); err != nil && ck.err == nil {
				ck.err = err
			}
			if ck.err != nil {
				stop(ck.err)
			}
		})
	if ck.err != nil {
		return res, 0, nil, fmt.Errorf("keep the run's checkpoint: %w", ck.err)
	}
	if errors.Is(err, ErrHeader) {
		for _, pr := range probs {
			if pr.Key != "import.header_unknown" {
				return res, 0, &errs.Error{Code: errs.Invalid, Key: pr.Key, Args: pr.Args}, nil
			}
		}
	}
	if err != nil {
		failure, err = split(err)
		return res, 0, failure, err
	}
	progress.Set(up.Size, up.Size)
	return res, ck.seq, nil, nil
}

// split tells a domain error in err, which a retry would not change, from
// any other error, which it might.
func split(err error) (*errs.Error, error) {
	if e := errs.As(err); e != nil && e.Code != errs.Internal {
		return e, nil
	}
	return nil, err
}
