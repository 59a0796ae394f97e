package imports

import (
	"context"
	"database/sql"
	"encoding/json"
)

// checkpoint keeps where a run stands in the database: the rejected rows
// found so far and, for an import, the last line it wrote with the totals
// up to it. An import saves it in each transaction of the target's
// session that commits rows, with them (see Options.Checkpoint), and
// after a batch that wrote nothing; a dry run after each batch. A run
// interrupted by a restart, a crash or an error the queue retries resumes
// after that line with those totals (see Options.Resume): the rows
// committed before count as what they were, not as unchanged, and none is
// counted twice.
type checkpoint struct {
	s       *Service
	run     RunRecord
	resume  Progress // where the run starts
	pending *spool   // rejected rows found since the last save; nil for none
	seq     int      // the rejected rows stored
	line    int      // the line of the last save of an import; -1 before the first
	err     error    // the first failure to keep rejected rows
}

// begin starts run, or resumes it when an earlier attempt of the import
// committed batches.
func (s *Service) begin(ctx context.Context, run RunRecord) (*checkpoint, error) {
	ck := &checkpoint{s: s, run: run, line: -1}
	if run.ResumeLine > 0 && !run.DryRun {
		if _, err := s.db.W.ExecContext(ctx, s.q.ResumeRun, run.ID); err != nil {
			return nil, err
		}
		if _, err := s.db.W.ExecContext(ctx, s.q.DeleteRejectsAfter, run.ID, run.ResumeLine); err != nil {
			return nil, err
		}
		var n int
		if err := s.db.R.QueryRowContext(ctx, s.q.MaxRejectSeq, run.ID).Scan(&ck.seq, &n); err != nil {
			return nil, err
		}
		ck.resume = Progress{Line: run.ResumeLine, Result: run.Result}
		return ck, nil
	}
	if _, err := s.db.W.ExecContext(ctx, s.q.StartRun, run.ID, s.clock()); err != nil {
		return nil, err
	}
	if _, err := s.db.W.ExecContext(ctx, s.q.DeleteRejects, run.ID); err != nil {
		return nil, err
	}
	return ck, nil
}

// add keeps a rejected row until the next save, in a spool: a batch may
// have as many as it has rows.
func (ck *checkpoint) add(e RowError) {
	if ck.pending == nil && ck.err == nil {
		ck.pending, ck.err = newSpool(ck.s.TempDir)
	}
	if ck.pending != nil {
		ck.pending.add(e)
	}
}

// close removes the spool of rejected rows not saved.
func (ck *checkpoint) close() {
	if ck.pending != nil {
		_ = ck.pending.close() // a temporary file left behind is the worst
		ck.pending = nil
	}
}

// save stores, in a transaction of its own, the rejected rows found since
// the last save and where the run stands after a batch; bytes is how far
// into the file it has read.
func (ck *checkpoint) save(ctx context.Context, pr Progress, bytes int64) error {
	tx, err := ck.s.db.W.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() { _ = tx.Rollback() }()
	if err := ck.saveIn(ctx, tx, pr, bytes); err != nil {
		return err
	}
	return tx.Commit()
}

// saveIn stores in tx the rejected rows found since the last save and
// where the run stands, pr. A dry run keeps no line to resume from: it
// starts again. What is kept in memory of the save assumes tx commits: a
// run whose transaction fails ends there, and the next attempt starts
// from what the database holds.
func (ck *checkpoint) saveIn(ctx context.Context, tx *sql.Tx, pr Progress, bytes int64) error {
	line := pr.Line
	if ck.run.DryRun {
		line = 0
	}
	seq := ck.seq
	if ck.pending != nil {
		err := ck.pending.each(func(_ int, e RowError) error {
			args, err := json.Marshal(e.Args)
			if err != nil {
				return err
			}
			seq++
			_, err = tx.ExecContext(ctx, ck.s.q.InsertReject, ck.run.ID, seq, e.Line, e.Column, e.Value, e.Key, string(args))
			return err
		})
		if err != nil {
			return err
		}
	}
	r := pr.Result
	if _, err := tx.ExecContext(ctx, ck.s.q.Checkpoint, ck.run.ID, line, r.Read, r.Created, r.Updated, r.Unchanged,
		r.Rejected, bytes); err != nil {
		return err
	}
	ck.seq, ck.line = seq, pr.Line
	ck.close()
	return nil
}

// saved reports whether an import's checkpoint at pr was saved already,
// with the rows that brought the run there.
func (ck *checkpoint) saved(pr Progress) bool {
	return !ck.run.DryRun && ck.line == pr.Line
}
