package letters

import (
	"context"
	"database/sql"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// Recipient is a sponsor of a campaign and whether (when, in which
// language, with which letter) it was thanked.
type Recipient struct {
	ID        int64      `json:"id"`
	Name      string     `json:"name"`
	Language  string     `json:"language,omitempty"` // the sponsor's own, "" when not given
	LetterID  int64      `json:"letter_id,omitempty"`
	Locale    string     `json:"locale,omitempty"` // the letter's
	ThankedAt *time.Time `json:"thanked_at,omitempty"`
}

// Recipients lists campaign id's sponsors, thanked or not, by name.
func (s *Service) Recipients(ctx context.Context, p access.Principal, id int64) ([]Recipient, error) {
	if _, err := s.campaignFor(ctx, p, id, access.ViewLetters); err != nil {
		return nil, err
	}
	return store.Select(ctx, s.db.R, func(sc store.Scanner) (Recipient, error) {
		var r Recipient
		var locale sql.NullString
		var at sql.NullTime
		err := sc.Scan(&r.ID, &r.Name, &r.Language, &r.LetterID, &locale, &at)
		r.Locale = locale.String
		if at.Valid {
			t := at.Time.UTC()
			r.ThankedAt = &t
		}
		return r, err
	}, s.q.CampaignSponsors, id)
}

// Runs lists campaign id's runs, newest first.
func (s *Service) Runs(ctx context.Context, p access.Principal, id int64) ([]Run, error) {
	if _, err := s.campaignFor(ctx, p, id, access.ViewLetters); err != nil {
		return nil, err
	}
	return store.Select(ctx, s.db.R, scanRun, s.q.Runs, id)
}

// Run returns run id of a campaign p may see the letters of.
func (s *Service) Run(ctx context.Context, p access.Principal, id int64) (Run, error) {
	r, err := s.run(ctx, s.db.R, id)
	if err != nil {
		return Run{}, err
	}
	if _, err := s.campaignFor(ctx, p, r.CampaignID, access.ViewLetters); err != nil {
		return Run{}, err
	}
	return r, nil
}

// Letter is a letter written, with its PDF.
type Letter struct {
	ID          int64     `json:"id"`
	RunID       int64     `json:"run_id"`
	CampaignID  int64     `json:"campaign_id"`
	Kind        Kind      `json:"kind"`
	RecipientID int64     `json:"recipient_id"`
	Recipient   string    `json:"recipient"`
	Locale      string    `json:"locale"`
	ThankedAt   time.Time `json:"thanked_at"`
	PDF         []byte    `json:"-"`
}

// Letter returns letter id with its PDF, of a campaign p may see the
// letters of.
func (s *Service) Letter(ctx context.Context, p access.Principal, id int64) (Letter, error) {
	var l Letter
	err := s.db.R.QueryRowContext(ctx, s.q.LetterByID, id).Scan(&l.ID, &l.RunID, &l.CampaignID, &l.Kind,
		&l.RecipientID, &l.Recipient, &l.Locale, &l.ThankedAt, &l.PDF)
	if err != nil {
		return Letter{}, store.NotFound(err)
	}
	l.ThankedAt = l.ThankedAt.UTC()
	if _, err := s.campaignFor(ctx, p, l.CampaignID, access.ViewLetters); err != nil {
		return Letter{}, err
	}
	return l, nil
}

// Combined returns run id's combined file for printing; a run not done
// has none yet (not found).
func (s *Service) Combined(ctx context.Context, p access.Principal, id int64) (Run, []byte, error) {
	r, err := s.Run(ctx, p, id)
	if err != nil {
		return Run{}, nil, err
	}
	var pdf []byte
	if err := s.db.R.QueryRowContext(ctx, s.q.RunCombined, id).Scan(&pdf); err != nil {
		return Run{}, nil, store.NotFound(err)
	}
	if len(pdf) == 0 {
		return Run{}, nil, errs.ErrNotFound
	}
	return r, pdf, nil
}
