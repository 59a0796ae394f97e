package selection

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// Standing is where a young person stands in a selection they are a
// candidate of, as their own page or the bot shows it.
type Standing struct {
	Selection Selection `json:"selection"`
	Score     float64   `json:"score"`
	Round     string    `json:"round"`              // the regional round the score came from
	Position  int       `json:"position,omitempty"` // in the top list; 0 when not selected or not ranked
	Ranked    bool      `json:"ranked"`
	Appeal    *Appeal   `json:"appeal,omitempty"` // theirs, once filed
}

// Appealable reports whether an appeal is taken on day today: appeals
// are open, the deadline not passed and none filed yet.
func (st Standing) Appealable(today time.Time) bool {
	return st.Appeal == nil && st.Selection.State == Appeals && !today.After(st.Selection.AppealsClose)
}

// ForYouth returns the selections young person youthID is a candidate
// of, newest first, with their score, their place once ranked and their
// appeal if they filed one. Filing one is FileOwn.
func (s *Service) ForYouth(ctx context.Context, youthID int64) ([]Standing, error) {
	sels, err := store.Select(ctx, s.db.R, scanSelection, s.q.SelectionFrom+" "+s.q.OfYouth, youthID)
	if err != nil {
		return nil, err
	}
	out := make([]Standing, 0, len(sels))
	for _, sel := range sels {
		st := Standing{Selection: sel}
		err := s.db.R.QueryRowContext(ctx, s.q.ScoreOf, sel.ID, youthID).Scan(&st.Score, &st.Round, new(string), new(string))
		if err != nil {
			return nil, err
		}
		var reason string
		err = s.db.R.QueryRowContext(ctx, s.q.ResultOf, sel.ID, youthID).Scan(new(string), new(int), new(int), &st.Position, &reason)
		switch {
		case err == nil:
			st.Ranked = true
		case !errors.Is(err, sql.ErrNoRows):
			return nil, err
		}
		a, err := s.appeal(ctx, s.db.R, s.q.AppealOfYouth, sel.ID, youthID)
		if err == nil {
			st.Appeal = &a
		} else if !errors.Is(err, errs.ErrNotFound) {
			return nil, err
		}
		out = append(out, st)
	}
	return out, nil
}
