package matching

import (
	"context"
	"database/sql"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/mentoring/match"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/youth"
)

// member is a young person of a cohort as the run stores them.
type member struct {
	orgPath, regionPath string
	minor               bool
}

// cohort is a run's input and what storing its proposals needs.
type cohort struct {
	in      match.Input
	members map[int64]member
}

// Bounds of registration dates when none are given.
var (
	earliest = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	latest   = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
)

// cohortOf reads the input of a run for p (whose scope bounds the young
// people and the mentors) on day: the young people of pr (only id when
// not 0) with their choices and exclusions, and the mentors in scope.
func (s *Service) cohortOf(ctx context.Context, p access.Principal, pr Params, day time.Time, id int64) (*cohort, error) {
	c := &cohort{members: map[int64]member{}}
	c.in = match.Input{Date: day, Rule: pr.Rule}
	rlo, rhi := "", "\U0010FFFF"
	if pr.Region != "" {
		var path string
		if err := s.db.R.QueryRowContext(ctx, s.q.RegionPath, pr.Region).Scan(&path); err != nil {
			return nil, errs.Validation(errs.Field("region", "error.invalid"))
		}
		rlo, rhi = access.Span(path)
	}
	from, to := earliest, latest
	if !pr.From.IsZero() {
		from = store.Day(pr.From)
	}
	if !pr.To.IsZero() {
		to = store.Day(pr.To)
	}
	rows, err := s.db.R.QueryContext(ctx, s.q.Cohort, store.Args(p.ScopeArgs(),
		[]any{rlo, rhi, pr.Field, from, to, id})...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var y youth.Youth
		var consent sql.NullTime
		if err := rows.Scan(&y.ID, &y.Birth, &y.RegionPath, &y.Field, &y.Language, &consent, &y.OrgPath); err != nil {
			return nil, err
		}
		y.Birth, y.Guardian.ConsentOn = store.Day(y.Birth.UTC()), store.Day(store.TimeOf(consent))
		// Registration asks no format of the young person: any mentor's
		// format meets theirs.
		c.in.Youth = append(c.in.Youth, youth.ForMatch(y, nil, []string{mentoring.InPerson, mentoring.Online}))
		c.members[y.ID] = member{orgPath: y.OrgPath, regionPath: y.RegionPath, minor: y.Minor(day)}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if err := s.choices(ctx, p, c); err != nil {
		return nil, err
	}
	if c.in.Mentors, err = s.mentors(ctx, p, day); err != nil {
		return nil, err
	}
	return c, s.exclusions(ctx, p, c)
}

// choices fills the young people's ranked choices.
func (s *Service) choices(ctx context.Context, p access.Principal, c *cohort) error {
	lo, hi := access.Span(p.OrgPath)
	pairs, err := store.Select(ctx, s.db.R, scanPair, s.q.Choices, lo, hi)
	if err != nil {
		return err
	}
	at := make(map[int64]int, len(c.in.Youth))
	for i, y := range c.in.Youth {
		at[y.ID] = i
	}
	for _, pr := range pairs {
		if i, ok := at[pr.Youth]; ok {
			c.in.Youth[i].Choices = append(c.in.Youth[i].Choices, pr.Mentor)
		}
	}
	return nil
}

// exclusions adds the declined and expired pairs of the cohort.
func (s *Service) exclusions(ctx context.Context, p access.Principal, c *cohort) error {
	lo, hi := access.Span(p.OrgPath)
	pairs, err := store.Select(ctx, s.db.R, scanPair, s.q.Exclusions, lo, hi)
	if err != nil {
		return err
	}
	known := make(map[int64]bool, len(c.in.Mentors))
	for _, m := range c.in.Mentors {
		known[m.ID] = true
	}
	for _, pr := range pairs {
		if _, ok := c.members[pr.Youth]; ok && known[pr.Mentor] {
			c.in.Exclude = append(c.in.Exclude, pr)
		}
	}
	return nil
}

// mentors are the approved mentors within p's scope as the solver takes
// them; School says whether they are Eligible on day (the school
// finished), the vetting for minors the solver checks itself.
func (s *Service) mentors(ctx context.Context, p access.Principal, day time.Time) ([]match.Mentor, error) {
	var out []match.Mentor
	var after int64
	for {
		page, err := s.men.List(ctx, p, mentoring.Filter{Status: mentoring.Approved, After: after})
		if err != nil {
			return nil, err
		}
		for _, m := range page {
			st := mentoring.Standing{Passed: true}
			if err := s.men.Eligible(ctx, p, m.ID, day, false); errs.CodeOf(err) == errs.Conflict {
				st.Passed = false
			} else if err != nil {
				return nil, err
			}
			out = append(out, mentoring.MatchMentor(m, st))
			after = m.ID
		}
		if len(page) < mentoring.MaxPage {
			return out, nil
		}
	}
}

func scanPair(sc store.Scanner) (match.Pair, error) {
	var p match.Pair
	return p, sc.Scan(&p.Youth, &p.Mentor)
}
