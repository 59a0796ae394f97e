package selection

import (
	"context"
	"database/sql"
	"errors"
	"math"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/valid"
)

// Bounds of a score and a round's name.
const (
	MaxScore     = 1e6
	MaxRoundName = 100
)

// Score is one candidate's result in a regional round.
type Score struct {
	Round   string  // the regional round's name, made on first use
	YouthID int64   // a registered young person
	Score   float64 // 0 to MaxScore, the higher the better
	Rank    int     // their rank in the round, as the round gave it; 0 for none
}

// Enter records in, entered by hand or read from a list, in selection
// id. The selection must still be collecting or ranked (a ranked one goes
// back to collecting: it must be ranked anew). A young person out of the
// selection's scope (not followed by its organisation, or living in a
// region no macro-region holds) is refused, and so is one already scored
// in the selection: their score is corrected instead (Correct).
func (s *Service) Enter(ctx context.Context, p access.Principal, id int64, in Score) error {
	return s.enterAll(ctx, p, id, "manual", 0, []Score{in}, nil)
}

// enterAll enters every score of ins in one transaction, as round source
// ref. With reject nil the first refusal fails them all; otherwise the
// index of a refused score is given to reject and the others are entered.
func (s *Service) enterAll(ctx context.Context, p access.Principal, id int64, source string, ref int64,
	ins []Score, reject func(int, error)) error {
	sel, err := s.writable(ctx, p, id, Collecting, Ranked)
	if err != nil {
		return err
	}
	return s.db.Atomic(ctx, func(tx *store.Tx) error {
		if err := tx.Lock(ctx, "selection:"+itoa(id)); err != nil {
			return err
		}
		macros, err := s.macroMap(ctx, tx)
		if err != nil {
			return err
		}
		rounds := map[string]int64{}
		for i, in := range ins {
			err := s.enter(ctx, tx, p, sel, source, ref, rounds, macros, in)
			if e := errs.As(err); e != nil && e.Code != errs.Internal && reject != nil {
				reject(i, err)
				continue
			}
			if err != nil {
				return err
			}
		}
		if sel.State == Ranked {
			return s.setState(ctx, tx, sel, Collecting, sel.AppealsClose)
		}
		return nil
	})
}

// enter checks and inserts one score.
func (s *Service) enter(ctx context.Context, tx *store.Tx, p access.Principal, sel Selection, source string,
	ref int64, rounds map[string]int64, macros map[string]Macro, in Score) error {
	in.Round = strings.TrimSpace(in.Round)
	fs := valid.Line(valid.Required(nil, "round", in.Round), "round", in.Round, MaxRoundName)
	if math.IsNaN(in.Score) || in.Score < 0 || in.Score > MaxScore {
		fs = append(fs, errs.Field("score", "error.selection_score", "Max", int64(MaxScore)))
	}
	if err := errs.Validation(fs...); err != nil {
		return err
	}
	var orgPath, regionPath string
	err := tx.QueryRowContext(ctx, s.q.YouthPlace, in.YouthID).Scan(&orgPath, &regionPath)
	if errors.Is(err, sql.ErrNoRows) {
		return errs.Validation(errs.Field("youth_id", "error.selection_youth", "ID", itoa(in.YouthID)))
	} else if err != nil {
		return err
	}
	t := access.Target{OrgPath: orgPath, RegionPath: regionPath}
	if !strings.HasPrefix(orgPath, sel.OrgPath) || !access.Within(p, t) {
		return errs.Validation(errs.Field("youth_id", "error.selection_out_of_scope", "ID", itoa(in.YouthID)))
	}
	if _, ok := macros[topCode(regionPath)]; !ok {
		return errs.Validation(errs.Field("youth_id", "error.selection_unmapped", "ID", itoa(in.YouthID), "Region", topCode(regionPath)))
	}
	round, ok := rounds[in.Round]
	if !ok {
		if _, err := tx.ExecContext(ctx, s.q.InsertRound, sel.ID, in.Round, source, ref, s.now().UTC()); err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, s.q.RoundByName, sel.ID, in.Round).Scan(&round); err != nil {
			return err
		}
		rounds[in.Round] = round
	}
	var scoreID int64
	err = tx.QueryRowContext(ctx, s.q.InsertScore, sel.ID, round, in.YouthID, orgPath, regionPath, in.Score,
		max(in.Rank, 0), nullUser(p), s.now().UTC()).Scan(&scoreID)
	if errors.Is(err, sql.ErrNoRows) {
		var prev float64
		var prevRound string
		if err := tx.QueryRowContext(ctx, s.q.ScoreOf, sel.ID, in.YouthID).Scan(&prev, &prevRound, new(string), new(string)); err != nil {
			return err
		}
		return errs.Validation(errs.Field("youth_id", "error.selection_twice", "ID", itoa(in.YouthID), "Round", prevRound))
	} else if err != nil {
		return err
	}
	return s.log.Record(ctx, tx, p, audit.Change{Action: "record_results", Entity: "selection_score",
		EntityID: itoa(scoreID), OrgPath: orgPath, RegionPath: regionPath, After: in})
}

// Correct sets the score of young person youth in selection id to score,
// while it is collecting or ranked (a ranked one goes back to
// collecting). After the ranking, a score changes through an upheld
// appeal only.
func (s *Service) Correct(ctx context.Context, p access.Principal, id, youth int64, score float64) error {
	sel, err := s.writable(ctx, p, id, Collecting, Ranked)
	if err != nil {
		return err
	}
	return s.db.Atomic(ctx, func(tx *store.Tx) error {
		if err := s.correct(ctx, tx, p, sel.ID, youth, score); err != nil {
			return err
		}
		if sel.State == Ranked {
			return s.setState(ctx, tx, sel, Collecting, sel.AppealsClose)
		}
		return nil
	})
}

// correct changes one score and logs it with the score before.
func (s *Service) correct(ctx context.Context, tx *store.Tx, p access.Principal, id, youth int64, score float64) error {
	if math.IsNaN(score) || score < 0 || score > MaxScore {
		return errs.Validation(errs.Field("score", "error.selection_score", "Max", int64(MaxScore)))
	}
	var prev float64
	var round, orgPath, regionPath string
	err := tx.QueryRowContext(ctx, s.q.ScoreOf, id, youth).Scan(&prev, &round, &orgPath, &regionPath)
	if errors.Is(err, sql.ErrNoRows) {
		return errs.Validation(errs.Field("youth_id", "error.selection_not_candidate", "ID", itoa(youth)))
	} else if err != nil {
		return err
	}
	if !access.Within(p, access.Target{OrgPath: orgPath, RegionPath: regionPath}) {
		return errs.Validation(errs.Field("youth_id", "error.selection_out_of_scope", "ID", itoa(youth)))
	}
	if _, err := tx.ExecContext(ctx, s.q.UpdateScore, score, nullUser(p), s.now().UTC(), id, youth); err != nil {
		return err
	}
	return s.log.Record(ctx, tx, p, audit.Change{Action: "rescore", Entity: "selection_score",
		EntityID: itoa(id) + ":" + itoa(youth), OrgPath: orgPath, RegionPath: regionPath,
		Before: map[string]any{"score": prev, "round": round}, After: map[string]any{"score": score, "round": round}})
}

// writable reads selection id for a change by p, which it must be in one
// of states for.
func (s *Service) writable(ctx context.Context, p access.Principal, id int64, states ...State) (Selection, error) {
	if err := access.Can(p, access.ManageSelection, p.Scope()); err != nil {
		return Selection{}, err
	}
	sel, err := s.byID(ctx, s.db.R, id)
	if err != nil {
		return Selection{}, err
	}
	if err := access.Can(p, access.ManageSelection, sel.Target()); err != nil {
		return Selection{}, errs.ErrNotFound
	}
	for _, st := range states {
		if sel.State == st {
			return sel, nil
		}
	}
	return Selection{}, errs.New(errs.Conflict, "error.selection_state", "State", i18n.Key("selection.state."+string(sel.State)))
}
