package mentorship

import (
	"context"
	"database/sql"
	"errors"
	"slices"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/valid"
)

// Get returns mentorship id to p — its mentor, or staff who may view
// mentorships within its scope — and writes to the access log that p
// opened the young person's relationship through via ("web", "api",
// "telegram").
func (s *Service) Get(ctx context.Context, p access.Principal, id int64, via string) (Mentorship, error) {
	m, err := s.open(ctx, s.db.R, p, access.ViewMentorships, id)
	if err != nil {
		return Mentorship{}, err
	}
	if err := s.log.ViewedIn(ctx, p, audit.KindYouth, itoa(m.YouthID), m.Target(), via); err != nil {
		return Mentorship{}, err
	}
	return m, nil
}

// open reads mentorship id through q for p doing a: the mentor whose login
// p is, when a lets mentors act, or staff whom a lets act within the
// mentorship's scope. Anyone else is refused.
func (s *Service) open(ctx context.Context, q store.Querier, p access.Principal, a access.Action, id int64) (Mentorship, error) {
	m, err := s.byID(ctx, q, id)
	if err != nil {
		return Mentorship{}, err
	}
	if p.Role == access.Mentor {
		if !access.Allowed(p, a) || p.UserID == 0 || p.UserID != m.MentorUserID {
			return Mentorship{}, errs.New(errs.Forbidden, "error.forbidden")
		}
		return m, nil
	}
	return m, access.Can(p, a, m.Target())
}

// Filter narrows List.
type Filter struct {
	Status   Status // "" for any
	Region   string // a region code: its mentorships and those below it; "" for any
	MentorID int64  // 0 for any
}

// List returns the mentorships p sees, newest first, a page at a time,
// and the next page's cursor: a mentor's own, or those within a staff
// member's scope. A list names the young people without opening their
// records, so it writes no access log.
func (s *Service) List(ctx context.Context, p access.Principal, f Filter, pg store.Page) ([]Mentorship, string, error) {
	if !access.Allowed(p, access.ViewMentorships) {
		return nil, "", errs.New(errs.Forbidden, "error.forbidden")
	}
	if f.Status != "" && !slices.Contains(Statuses(), f.Status) {
		return nil, "", errs.Validation(valid.Choice("status", Statuses()...))
	}
	scope, own := p.ScopeArgs(), int64(0)
	if p.Role == access.Mentor {
		scope, own = access.Principal{}.ScopeArgs(), p.UserID
		if own == 0 {
			return nil, "", nil
		}
	}
	rlo, rhi := access.Span("")
	if f.Region != "" {
		var path string
		if err := s.db.R.QueryRowContext(ctx, s.q.RegionPath, f.Region).Scan(&path); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return nil, "", errs.Validation(errs.Field("region", "error.invalid"))
			}
			return nil, "", err
		}
		rlo, rhi = access.Span(path)
	}
	ms, err := store.Select(ctx, s.db.R, scan, s.q.Columns+" "+s.q.List,
		store.Args(scope, []any{string(f.Status), rlo, rhi, f.MentorID, own, pg.BeforeArg(), pg.LimitArg()})...)
	if err != nil {
		return nil, "", err
	}
	ms, next := store.Trim(pg, ms, func(m Mentorship) int64 { return m.ID })
	return ms, next, nil
}

func (s *Service) byID(ctx context.Context, q store.Querier, id int64) (Mentorship, error) {
	m, err := scan(q.QueryRowContext(ctx, s.q.Columns+" "+s.q.ByID, id))
	if err != nil {
		return Mentorship{}, store.NotFound(err)
	}
	return m, nil
}

func scan(sc store.Scanner) (Mentorship, error) {
	var m Mentorship
	var last, first string
	var ended sql.NullTime
	err := sc.Scan(&m.ID, &m.YouthID, &last, &first, &m.RegionCode, &m.MentorID, &m.MentorName, &m.MentorUserID,
		&m.OrgPath, &m.RegionPath, &m.Minor, &m.Status, &m.StartedOn, &ended, &m.EndReason, &m.Version, &m.UpdatedAt)
	m.YouthName = first + " " + last
	m.StartedOn, m.EndedOn = store.Day(m.StartedOn.UTC()), store.Day(store.TimeOf(ended))
	m.UpdatedAt = m.UpdatedAt.UTC()
	return m, err
}
