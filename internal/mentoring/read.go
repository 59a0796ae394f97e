package mentoring

import (
	"context"
	"database/sql"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// Get returns mentor id; p needs ViewMentors where the mentor is, or to be
// the mentor.
func (s *Service) Get(ctx context.Context, p access.Principal, id int64) (Mentor, error) {
	m, err := s.byID(ctx, s.db.R, id)
	if err != nil {
		return Mentor{}, err
	}
	if p.Role == access.Mentor && p.UserID != 0 && p.UserID == m.UserID {
		return m, nil
	}
	if err := access.Can(p, access.ViewMentors, m.Target()); err != nil {
		return Mentor{}, err
	}
	return m, nil
}

// Mine is the profile of the mentor whose login p is: not found for a
// mentor without one, forbidden for anyone else.
func (s *Service) Mine(ctx context.Context, p access.Principal) (Mentor, error) {
	if err := access.Can(p, access.OwnMentorProfile, access.Target{}); err != nil || p.UserID == 0 {
		return Mentor{}, errs.New(errs.Forbidden, "error.forbidden")
	}
	var id int64
	if err := s.db.R.QueryRowContext(ctx, s.q.ByUser, p.UserID).Scan(&id); err != nil {
		return Mentor{}, store.NotFound(err)
	}
	return s.byID(ctx, s.db.R, id)
}

// Filter narrows a list of mentors.
type Filter struct {
	Status Status // "" for any
	Field  string // a field of expertise; "" for any
	After  int64  // the last id of the page before
	Limit  int    // at most MaxPage; MaxPage when 0
}

// MaxPage is the most mentors one List returns.
const MaxPage = 500

// List returns the mentors within p's scope by id, a page at a time.
func (s *Service) List(ctx context.Context, p access.Principal, f Filter) ([]Mentor, error) {
	if err := access.Can(p, access.ViewMentors, p.Scope()); err != nil {
		return nil, err
	}
	if f.Limit <= 0 || f.Limit > MaxPage {
		f.Limit = MaxPage
	}
	out, err := store.Select(ctx, s.db.R, scan, s.q.List,
		store.Args(p.ScopeArgs(), []any{f.After, string(f.Status), f.Field, f.Limit})...)
	if err != nil {
		return nil, err
	}
	for i := range out {
		if err := s.fill(ctx, s.db.R, &out[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (s *Service) byID(ctx context.Context, q store.Querier, id int64) (Mentor, error) {
	m, err := scan(q.QueryRowContext(ctx, s.q.ByID, id))
	if err != nil {
		return Mentor{}, store.NotFound(err)
	}
	return m, s.fill(ctx, q, &m)
}

// fill reads m's fields and languages.
func (s *Service) fill(ctx context.Context, q store.Querier, m *Mentor) error {
	var err error
	if m.Fields, err = store.Select(ctx, q, scanText, s.q.Expertise, m.ID); err != nil {
		return err
	}
	m.Languages, err = store.Select(ctx, q, scanText, s.q.Languages, m.ID)
	return err
}

func scanText(sc store.Scanner) (string, error) {
	var v string
	return v, sc.Scan(&v)
}

func scan(sc store.Scanner) (Mentor, error) {
	var m Mentor
	var on, expires, decided sql.NullTime
	var user sql.NullInt64
	err := sc.Scan(&m.ID, &m.Name, &m.Phone, &m.Email, &m.Background, &m.OrgID, &m.OrgPath, &m.RegionCode,
		&m.regionID, &m.RegionPath, &m.InPerson, &m.Online, &m.Capacity, &m.Mentees, &m.Minors, &m.Vetting.Document,
		&on, &expires, &m.Vetting.CheckedBy, &m.Status, &m.Reason, &decided, &user, &m.Source, &m.Version, &m.UpdatedAt)
	m.Vetting.On, m.Vetting.Expires, m.DecidedAt = store.TimeOf(on), store.TimeOf(expires), store.TimeOf(decided)
	m.UserID, m.UpdatedAt = user.Int64, m.UpdatedAt.UTC()
	return m, err
}
