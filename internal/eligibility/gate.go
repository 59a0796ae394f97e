package eligibility

import (
	"context"
	"time"

	"github.com/jolproject/jol/internal/errs"
)

// AgeGate refuses a submission, with the reason, for a child whose age on
// day lies outside the age range of the campaign's current rules for
// every item: the one rule the issue asks to enforce at the door (the
// campaign's regions are checked by the requests themselves). Everything
// else — categories, grades, items received — is decided by the
// evaluation and explained, not refused. A child without a recorded
// birth date passes: the evaluation marks the age unknown. The range is
// remembered per campaign for gateTTL, so the submissions' hot path reads
// the rule set once in a while, not once per request.
func (s *Service) AgeGate(ctx context.Context, campaignID int64, birth, day time.Time) error {
	if birth.IsZero() {
		return nil
	}
	r, err := s.ageRange(ctx, campaignID)
	if err != nil || r == nil {
		return err
	}
	age, ok := Facts{BirthDate: birth}.AgeOn(day)
	if ok && r.Contains(age) {
		return nil
	}
	return errs.New(errs.Invalid, "error.request_outside_age", "Min", r.Min, "Max", r.Max)
}

// gateTTL is how long AgeGate trusts a campaign's age range it has read.
// SaveRuleSet forgets the campaign's at once in this process.
const gateTTL = 30 * time.Second

type gateEntry struct {
	age *Range
	at  time.Time
}

func (s *Service) ageRange(ctx context.Context, campaignID int64) (*Range, error) {
	s.gateMu.Lock()
	e, ok := s.gates[campaignID]
	s.gateMu.Unlock()
	if ok && time.Since(e.at) < gateTTL {
		return e.age, nil
	}
	rs, err := s.CurrentRuleSet(ctx, campaignID)
	switch {
	case errs.CodeOf(err) == errs.NotFound:
		e = gateEntry{at: time.Now()}
	case err != nil:
		return nil, err
	default:
		e = gateEntry{age: rs.Rules.All.Age, at: time.Now()}
	}
	s.gateMu.Lock()
	s.gates[campaignID] = e
	s.gateMu.Unlock()
	return e.age, nil
}

// forgetGate drops the remembered age range of a campaign.
func (s *Service) forgetGate(campaignID int64) {
	s.gateMu.Lock()
	delete(s.gates, campaignID)
	s.gateMu.Unlock()
}
