package letters

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// Recipient is a sponsor or a volunteer of a campaign and whether (when,
// in which language, with which letter) it was thanked.
type Recipient struct {
	Kind      Kind       `json:"kind"`
	ID        int64      `json:"id"` // the sponsor's or the volunteer's
	Name      string     `json:"name"`
	Language  string     `json:"language,omitempty"` // a sponsor's own, "" when not given
	LetterID  int64      `json:"letter_id,omitempty"`
	Locale    string     `json:"locale,omitempty"` // the letter's
	ThankedAt *time.Time `json:"thanked_at,omitempty"`
}

// Recipients lists campaign id's sponsors by name, thanked or not, then
// its volunteers by name: those thanked and those with hours approved
// for it, whom a volunteers' run would write to.
func (s *Service) Recipients(ctx context.Context, p access.Principal, id int64) ([]Recipient, error) {
	if _, err := s.campaignFor(ctx, p, id, access.ViewLetters); err != nil {
		return nil, err
	}
	out, err := store.Select(ctx, s.db.R, func(sc store.Scanner) (Recipient, error) {
		r := Recipient{Kind: SponsorLetter}
		var locale sql.NullString
		var at sql.NullTime
		err := sc.Scan(&r.ID, &r.Name, &r.Language, &r.LetterID, &locale, &at)
		r.Locale, r.ThankedAt = locale.String, thankedAt(at)
		return r, err
	}, s.q.CampaignSponsors, id)
	if err != nil || s.Volunteers == nil {
		return out, err
	}
	vols, err := s.volunteerRecipients(ctx, id)
	return append(out, vols...), err
}

// volunteerRecipients are campaign id's volunteers thanked or to thank,
// by name.
func (s *Service) volunteerRecipients(ctx context.Context, id int64) ([]Recipient, error) {
	thanked, err := store.Select(ctx, s.db.R, func(sc store.Scanner) (Recipient, error) {
		r := Recipient{Kind: VolunteerLetter}
		var at sql.NullTime
		err := sc.Scan(&r.ID, &r.Name, &r.LetterID, &r.Locale, &at)
		r.ThankedAt = thankedAt(at)
		return r, err
	}, s.q.CampaignLetters, string(VolunteerLetter), id)
	if err != nil {
		return nil, err
	}
	// The volunteers a run would thank, as the run reads them.
	hours, err := s.Volunteers.HoursByVolunteer(ctx, access.System, id)
	if err != nil {
		return nil, err
	}
	seen := make(map[int64]bool, len(thanked))
	for _, r := range thanked {
		seen[r.ID] = true
	}
	for _, h := range hours {
		if h.Minutes > 0 && !seen[h.VolunteerID] {
			thanked = append(thanked, Recipient{Kind: VolunteerLetter, ID: h.VolunteerID, Name: h.Name})
		}
	}
	slices.SortStableFunc(thanked, func(a, b Recipient) int {
		return cmp.Or(strings.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	})
	return thanked, nil
}

func thankedAt(at sql.NullTime) *time.Time {
	if !at.Valid {
		return nil
	}
	t := at.Time.UTC()
	return &t
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
