package outreach

import (
	"context"
	"database/sql"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store"
)

// Card is a referral as the charity it was sent to sees it: the need, the
// district and, of the child, only what the family consented to share
// (the other fields are empty).
type Card struct {
	Referral
	District  string    `json:"district"`
	Name      string    `json:"name,omitempty"`
	BirthDate time.Time `json:"birth_date,omitzero"`
	Address   string    `json:"address,omitempty"`
	Phone     string    `json:"phone,omitempty"`
	Reason    Reason    `json:"reason,omitempty"` // why the child was not at school
	NeedNote  string    `json:"need_note,omitempty"`
}

// Inbox returns the referrals sent to the charity of p (its staff: role
// charity, under the charity's organisation), waiting ones first, of
// status st when st is not "". Each card shown writes the access log.
func (s *Service) Inbox(ctx context.Context, p access.Principal, st ReferralStatus, via string) ([]Card, error) {
	if err := access.Can(p, access.AnswerReferrals, access.Target{}); err != nil {
		return nil, err
	}
	mine, err := s.charities.Mine(ctx, p)
	if err != nil {
		return nil, err
	}
	refs, err := store.Select(ctx, s.db.R, scanReferral, s.q.Inbox, mine.ID, st)
	if err != nil {
		return nil, err
	}
	out := make([]Card, 0, len(refs))
	for _, r := range refs {
		c, err := s.card(ctx, p, r, via)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// Referral returns referral id as a card for the staff of the charity it
// was sent to; to anyone else it is not found.
func (s *Service) Referral(ctx context.Context, p access.Principal, id int64, via string) (Card, error) {
	if err := access.Can(p, access.AnswerReferrals, access.Target{}); err != nil {
		return Card{}, err
	}
	mine, err := s.charities.Mine(ctx, p)
	if err != nil {
		return Card{}, err
	}
	r, err := scanReferral(s.db.R.QueryRowContext(ctx, s.q.ReferralByID, id))
	if err != nil {
		return Card{}, store.NotFound(err)
	}
	if r.CharityID != mine.ID {
		return Card{}, store.NotFound(sql.ErrNoRows)
	}
	return s.card(ctx, p, r, via)
}

// card reads what the charity may see of referral r's case and logs it.
func (s *Service) card(ctx context.Context, p access.Principal, r Referral, via string) (Card, error) {
	var path, shared, last, first, address, phone, note string
	var reason Reason
	var birth sql.NullTime
	c := Card{Referral: r}
	if err := s.db.R.QueryRowContext(ctx, s.q.CardOf, r.CaseID, r.Need).Scan(&path, &c.District, &shared, &reason,
		&last, &first, &birth, &address, &phone, &note); err != nil {
		return Card{}, store.NotFound(err)
	}
	for _, f := range parseShared(shared) {
		switch f {
		case ShareName:
			c.Name = last + " " + first
		case ShareBirthDate:
			c.BirthDate = store.TimeOf(birth)
		case ShareAddress:
			c.Address = address
		case SharePhone:
			c.Phone = phone
		case ShareReason:
			c.Reason = reason
		case ShareNeedNote:
			c.NeedNote = note
		}
	}
	return c, s.log.ViewedIn(ctx, p, KindCase, itoa(r.CaseID), access.Target{OrgPath: p.OrgPath, RegionPath: path}, via)
}
