package selection

import (
	"context"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/valid"
)

// Decision is a coordinator's answer to an appeal.
type Decision struct {
	Upheld bool
	Score  float64 // the corrected score, when upheld
	Reason string  // required when rejected
}

// Decide answers open appeal aid. Upheld, the young person's score
// becomes d.Score and the selection is ranked anew; rejected, d.Reason
// says why. Both are audited, the score's change with the score before.
func (s *Service) Decide(ctx context.Context, p access.Principal, aid int64, d Decision) (Appeal, error) {
	if err := access.Can(p, access.ManageSelection, p.Scope()); err != nil {
		return Appeal{}, err
	}
	a, err := s.appeal(ctx, s.db.R, s.q.AppealByID, aid)
	if err != nil {
		return Appeal{}, err
	}
	if !access.Within(p, access.Target{OrgPath: a.OrgPath, RegionPath: a.RegionPath}) {
		return Appeal{}, errs.ErrNotFound
	}
	sel, err := s.writable(ctx, p, a.SelectionID, Appeals)
	if err != nil {
		return Appeal{}, err
	}
	d.Reason = strings.TrimSpace(d.Reason)
	fs := valid.Note(nil, "decision", d.Reason)
	if !d.Upheld {
		fs = valid.Required(fs, "decision", d.Reason)
	}
	if err := errs.Validation(fs...); err != nil {
		return Appeal{}, err
	}
	err = s.db.Atomic(ctx, func(tx *store.Tx) error {
		if err := tx.Lock(ctx, "selection:"+itoa(sel.ID)); err != nil {
			return err
		}
		var before float64
		if err := tx.QueryRowContext(ctx, s.q.ScoreOf, sel.ID, a.YouthID).Scan(&before, new(string), new(string), new(string)); err != nil {
			return err
		}
		state, after := "rejected", any(nil)
		if d.Upheld {
			state, after = "upheld", d.Score
			if err := s.correct(ctx, tx, p, sel.ID, a.YouthID, d.Score); err != nil {
				return err
			}
			if _, err := s.rerank(ctx, tx, sel); err != nil {
				return err
			}
		}
		res, err := tx.ExecContext(ctx, s.q.DecideAppeal, state, d.Reason, before, after, nullUser(p), s.now().UTC(), aid)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n != 1 {
			return errs.New(errs.Conflict, "error.selection_appeal_decided")
		}
		action := "reject"
		if d.Upheld {
			action = "approve"
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: action, Entity: "selection_appeal", EntityID: itoa(aid),
			OrgPath: a.OrgPath, RegionPath: a.RegionPath, Before: map[string]any{"score": before},
			After: map[string]any{"state": state, "score": after, "decision": d.Reason}})
	})
	if err != nil {
		return Appeal{}, err
	}
	return s.appeal(ctx, s.db.R, s.q.AppealByID, aid)
}
