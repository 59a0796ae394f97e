package mentoring

import (
	"context"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
)

// Card is a mentor's page: the profile, where they stand in the school,
// and whether they may take a young person today — an adult, a minor —
// with the reason when not, as the domain error Eligible gives.
type Card struct {
	Mentor   Mentor   `json:"mentor"`
	Standing Standing `json:"standing"`
	Adults   error    `json:"-"`
	Minors   error    `json:"-"`
}

// Card reads mentor id's page; p needs ViewMentors over the mentor, or to
// be them.
func (s *Service) Card(ctx context.Context, p access.Principal, id int64) (Card, error) {
	m, err := s.Get(ctx, p, id)
	if err != nil {
		return Card{}, err
	}
	return s.card(ctx, m)
}

// MyCard is the page of the mentor whose login p is (see Mine).
func (s *Service) MyCard(ctx context.Context, p access.Principal) (Card, error) {
	m, err := s.Mine(ctx, p)
	if err != nil {
		return Card{}, err
	}
	return s.card(ctx, m)
}

func (s *Service) card(ctx context.Context, m Mentor) (Card, error) {
	c := Card{Mentor: m}
	var err error
	if c.Standing, err = s.standing(ctx, s.db.R, m.ID); err != nil {
		return Card{}, err
	}
	today := dayOf(s.now())
	if c.Adults, err = s.refusal(ctx, m, today, false); err != nil {
		return Card{}, err
	}
	if c.Minors, err = s.refusal(ctx, m, today, true); err != nil {
		return Card{}, err
	}
	return c, nil
}

// refusal is why m may not take a mentee on day (nil when they may); the
// second result is a failure to find out.
func (s *Service) refusal(ctx context.Context, m Mentor, day time.Time, minor bool) (error, error) {
	err := s.eligible(ctx, s.db.R, m, day, minor)
	if err == nil || errs.As(err) != nil && errs.As(err).Code == errs.Conflict {
		return err, nil
	}
	return nil, err
}
