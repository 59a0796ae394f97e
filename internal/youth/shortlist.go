package youth

import (
	"context"
	"slices"

	"github.com/jolproject/jol/internal/mentoring/match"
)

// ShortlistSize is the most mentors a young person's shortlist offers
// beside the ones they already chose.
const ShortlistSize = 10

// MentorCard is what a young person is shown of a mentor on their
// shortlist: the first name and what the mentor brings, never a contact.
type MentorCard struct {
	ID         int64    `json:"id"`
	FirstName  string   `json:"first_name"`
	Background string   `json:"background"`
	Fields     []string `json:"fields"`
	Languages  []string `json:"languages"`
	Formats    []string `json:"formats"`
	RegionCode string   `json:"region"`
}

// PoolMentor is a mentor who may be shortlisted: their card and the
// mentor as the matcher takes them (mentoring.MatchMentor).
type PoolMentor struct {
	Card  MentorCard
	Match match.Mentor
}

// Pool lists the mentors young person y may be shortlisted from: the
// approved mentors of their organisation with a free place. The mentors
// belong to the mentoring side; the wiring joins the two (UsePool).
type Pool func(ctx context.Context, y Youth) ([]PoolMentor, error)

// UsePool sets where shortlists come from. Call it while wiring, before
// serving; without one every shortlist is empty.
func (s *Service) UsePool(p Pool) { s.pool = p }

// Shortlisted is a mentor on a young person's shortlist: the card, what
// they share with the young person, and the rank the young person gave
// them (1 to 3; 0 when not chosen).
type Shortlisted struct {
	MentorCard
	Fit    match.Fit `json:"fit"`
	Choice int       `json:"choice,omitempty"`
}

// SameField and the others say what the mentor shares, for the page.
func (c Shortlisted) SameField() bool      { return c.Fit&match.SameField != 0 }
func (c Shortlisted) SameRegion() bool     { return c.Fit&match.SameRegion != 0 }
func (c Shortlisted) SharedLanguage() bool { return c.Fit&match.SharedLanguage != 0 }

// Formats a young person may meet in: both, until they say otherwise.
var youthFormats = []string{"in_person", "online"}

// shortlistRule is the shortlist's rule: a mentor of the young person's
// field, the best-fitting first (region, language, format).
var shortlistRule = match.Rule{Field: true, Limit: ShortlistSize}

// shortlist is young person y's shortlist given their present choices:
// the mentors match.Shortlist picks from the pool, with the young
// person's ranks. A minor's shortlist is drawn as if their guardian had
// consented, so they may choose while the consent is awaited (MatchReady
// says the match waits for it); eligibility for minors still applies.
// The reason is set when no mentor fits.
func (s *Service) shortlist(ctx context.Context, y Youth, choices []int64) ([]Shortlisted, match.Reason, error) {
	if s.pool == nil {
		return nil, match.Reason{}, nil
	}
	pool, err := s.pool(ctx, y)
	if err != nil {
		return nil, match.Reason{}, err
	}
	choices = slices.DeleteFunc(slices.Clone(choices), func(id int64) bool {
		return !slices.ContainsFunc(pool, func(m PoolMentor) bool { return m.Match.ID == id })
	})
	my := ForMatch(y, choices, youthFormats)
	my.Consent = true
	in := match.Input{Date: s.today(), Youth: []match.Youth{my}, Rule: shortlistRule}
	cards := make(map[int64]MentorCard, len(pool))
	for _, m := range pool {
		in.Mentors = append(in.Mentors, m.Match)
		cards[m.Match.ID] = m.Card
	}
	cs, why, err := match.Shortlist(in, y.ID)
	if err != nil {
		return nil, why, err
	}
	out := make([]Shortlisted, len(cs))
	for i, c := range cs {
		out[i] = Shortlisted{MentorCard: cards[c.Mentor], Fit: c.Fit, Choice: slices.Index(choices, c.Mentor) + 1}
	}
	return out, why, nil
}
