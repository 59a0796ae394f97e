package tournament

import (
	"context"
	"database/sql"
	"encoding/json"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/debate"
	"github.com/jolproject/jol/internal/errs"
)

// PairNext draws the next round: the next preliminary round from the
// standings after the rounds before it, or, after the break, the next
// elimination round from the bracket. The round before must be published
// with every ballot in. The draw is kept as a draft until published; the
// rules it relaxed and the panels short of judges are kept with it.
func (s *Service) PairNext(ctx context.Context, p access.Principal, id int64) (Round, error) {
	var out Round
	err := s.change(ctx, p, id, func(tx *sql.Tx, t Tournament) error {
		b, err := s.book(ctx, tx, t)
		if err != nil {
			return err
		}
		if last := b.Latest(); last != nil {
			if missing := missingBallots(*last); missing > 0 || last.PublishedAt == nil {
				return errs.New(errs.Conflict, "error.tournament_ballots_missing", "Round", last.Number, "Missing", missing)
			}
		}
		switch t.State {
		case Setup, Prelims:
			n := len(b.Stage(Prelim))
			if n >= t.Prelims {
				return errs.New(errs.Conflict, "error.tournament_prelims_done", "Count", t.Prelims)
			}
			if len(b.Teams) < max(t.BreakSize, 2) {
				return errs.Validation(errs.Field("teams", "error.tournament_too_few_teams", "Count", max(t.BreakSize, 2)))
			}
			ss, _, err := b.Standings()
			if err != nil {
				return err
			}
			draw, err := debate.Pair(b.engine(), n+1, ss)
			if err != nil {
				return err
			}
			out, err = s.insertRound(ctx, tx, p, b, Prelim, n+1, draw.Bye, draw.Debates, draw.Relaxations)
			if err != nil {
				return err
			}
			if t.State == Setup {
				_, err = tx.ExecContext(ctx, s.q.SetState, t.ID, Prelims, s.now().UTC())
			}
			return err
		case Elims:
			br, err := b.Bracket()
			if err != nil {
				return err
			}
			out, err = s.insertRound(ctx, tx, p, b, Elim, len(b.Stage(Elim))+1, 0, br.Current(), nil)
			return err
		}
		return errs.New(errs.Conflict, "error.tournament_finished")
	})
	return out, err
}

// Break takes the top teams of the standings into the elimination
// rounds and draws the first of them by seed (1 v N, 2 v N−1, …). Every
// preliminary round must be paired and decided.
func (s *Service) Break(ctx context.Context, p access.Principal, id int64) (Round, error) {
	var out Round
	err := s.change(ctx, p, id, func(tx *sql.Tx, t Tournament) error {
		b, err := s.book(ctx, tx, t)
		if err != nil {
			return err
		}
		if t.State != Prelims {
			if t.State == Setup {
				return errs.New(errs.Conflict, "error.tournament_prelims_open", "Count", t.Prelims, "Done", 0)
			}
			return errs.New(errs.Conflict, "error.tournament_broken")
		}
		ss, done, err := b.Standings()
		if err != nil {
			return err
		}
		if done < t.Prelims || len(b.Stage(Prelim)) > done {
			return errs.New(errs.Conflict, "error.tournament_prelims_open", "Count", t.Prelims, "Done", done)
		}
		br, err := debate.Break(ss, t.BreakSize)
		if err != nil {
			return err
		}
		if out, err = s.insertRound(ctx, tx, p, b, Elim, 1, 0, br.Current(), nil); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, s.q.SetState, t.ID, Elims, s.now().UTC())
		return err
	})
	return out, err
}

// insertRound stores a round's draw with its judges' panels.
func (s *Service) insertRound(ctx context.Context, tx *sql.Tx, p access.Principal, b *Book, st Stage, n int,
	bye int64, debates []debate.Debate, relax []debate.Relaxation) (Round, error) {
	al, err := debate.AllocateJudges(b.engine(), debates, b.judges())
	if err != nil {
		return Round{}, err
	}
	r := Round{Stage: st, Number: n, Bye: bye, Notes: []Note{}, CreatedAt: s.now().UTC()}
	for _, x := range append(relax, al.Shortage...) {
		r.Notes = append(r.Notes, noteOf(x))
	}
	notes, err := json.Marshal(r.Notes)
	if err != nil {
		return Round{}, err
	}
	var byeArg any
	if bye != 0 {
		byeArg = bye
	}
	if err := tx.QueryRowContext(ctx, s.q.InsertRound, b.ID, st, n, byeArg, string(notes), nil, nullUser(p),
		r.CreatedAt).Scan(&r.ID); err != nil {
		return Round{}, err
	}
	for i, pn := range al.Panels {
		d := Debate{Prop: pn.Debate.Prop, Opp: pn.Debate.Opp, Judges: pn.Judges}
		if err := tx.QueryRowContext(ctx, s.q.InsertDebate, r.ID, i+1, d.Prop, d.Opp, joinInts(d.Judges)).Scan(&d.ID); err != nil {
			return Round{}, err
		}
		r.Debates = append(r.Debates, d)
	}
	return r, s.log.Record(ctx, tx, p, audit.Change{Action: "pair", Entity: "debate_tournament", EntityID: itoa(b.ID),
		OrgPath: b.OrgPath, RegionPath: b.RegionPath, After: r})
}

// Publish makes round roundID's draw public to the tournament: ballots
// are entered only on a published round.
func (s *Service) Publish(ctx context.Context, p access.Principal, id, roundID int64) error {
	return s.change(ctx, p, id, func(tx *sql.Tx, t Tournament) error {
		b, err := s.book(ctx, tx, t)
		if err != nil {
			return err
		}
		r := b.round(roundID)
		if r == nil {
			return errs.ErrNotFound
		}
		if r.PublishedAt != nil {
			return nil
		}
		if _, err := tx.ExecContext(ctx, s.q.Publish, r.ID, s.now().UTC()); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "publish", Entity: "debate_tournament", EntityID: itoa(t.ID),
			OrgPath: t.OrgPath, RegionPath: t.RegionPath, After: map[string]any{"round": r.ID, "stage": r.Stage, "number": r.Number}})
	})
}

func (b *Book) round(id int64) *Round {
	for i := range b.Rounds {
		if b.Rounds[i].ID == id {
			return &b.Rounds[i]
		}
	}
	return nil
}

func missingBallots(r Round) int {
	n := 0
	for _, d := range r.Debates {
		if d.Ballot == nil {
			n++
		}
	}
	return n
}
