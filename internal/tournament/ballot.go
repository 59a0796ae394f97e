package tournament

import (
	"context"
	"database/sql"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/debate"
	"github.com/jolproject/jol/internal/errs"
)

// BallotInput is a panel's decision: the winning side, "prop" or "opp",
// and each side's speaker scores in speaking order.
type BallotInput struct {
	Winner     string
	PropScores []int
	OppScores  []int
}

// EnterBallot enters or corrects the ballot of debate debateID. The
// debate's round must be published and still the latest round: once the
// next round is drawn from it, its ballots are final. Scores are checked
// against the rules (debate.ValidateBallot: each in range, one per
// speaker, the winner scored higher). A corrected ballot is audited with
// what it replaced. The final's ballot finishes the tournament.
func (s *Service) EnterBallot(ctx context.Context, p access.Principal, id, debateID int64, in BallotInput) (Ballot, error) {
	var out Ballot
	err := s.change(ctx, p, id, func(tx *sql.Tx, t Tournament) error {
		b, err := s.book(ctx, tx, t)
		if err != nil {
			return err
		}
		r, d := b.debate(debateID)
		if d == nil {
			return errs.ErrNotFound
		}
		if r.PublishedAt == nil {
			return errs.New(errs.Conflict, "error.tournament_unpublished")
		}
		if last := b.Latest(); last.ID != r.ID {
			return errs.New(errs.Conflict, "error.tournament_ballot_closed")
		}
		side, err := parseSide(in.Winner)
		if err != nil {
			return err
		}
		eb := debate.Ballot{Debate: debate.Debate{Prop: d.Prop, Opp: d.Opp}, Winner: side,
			PropScores: in.PropScores, OppScores: in.OppScores}
		if err := debate.ValidateBallot(t.Rules.debate(), eb); err != nil {
			return err
		}
		out = Ballot{Winner: in.Winner, PropScores: in.PropScores, OppScores: in.OppScores, Version: 1, EnteredAt: s.now().UTC()}
		action, before := "enter_ballot", d.Ballot
		if before == nil {
			_, err = tx.ExecContext(ctx, s.q.InsertBallot, d.ID, out.Winner, joinInts(out.PropScores),
				joinInts(out.OppScores), nullUser(p), out.EnteredAt)
		} else {
			action, out.Version = "change_ballot", before.Version+1
			_, err = tx.ExecContext(ctx, s.q.UpdateBallot, d.ID, out.Winner, joinInts(out.PropScores),
				joinInts(out.OppScores), nullUser(p), out.EnteredAt, before.Version)
		}
		if err != nil {
			return err
		}
		d.Ballot = &out
		if err := s.log.Record(ctx, tx, p, audit.Change{Action: action, Entity: "debate_ballot", EntityID: itoa(d.ID),
			OrgPath: t.OrgPath, RegionPath: t.RegionPath, Before: before, After: out}); err != nil {
			return err
		}
		return s.finish(ctx, tx, b, r)
	})
	return out, err
}

// finish marks the tournament finished when round r is the decided final.
func (s *Service) finish(ctx context.Context, tx *sql.Tx, b *Book, r *Round) error {
	if r.Stage != Elim || len(r.Debates) != 1 || !r.Complete() || b.State == Finished {
		return nil
	}
	_, err := tx.ExecContext(ctx, s.q.SetState, b.ID, Finished, s.now().UTC())
	return err
}

// debate finds debate id among b's rounds.
func (b *Book) debate(id int64) (*Round, *Debate) {
	for i := range b.Rounds {
		for j := range b.Rounds[i].Debates {
			if b.Rounds[i].Debates[j].ID == id {
				return &b.Rounds[i], &b.Rounds[i].Debates[j]
			}
		}
	}
	return nil, nil
}
