package mentoring

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/valid"
)

// Module is a module of the mentors' school (state programmes for young
// people, safeguarding, how to mentor, …). A mentor finishes the school
// by attending a session of every required module and passing the final
// check.
type Module struct {
	ID       int64  `json:"id"`
	Code     string `json:"code"`
	Name     string `json:"name"`
	Required bool   `json:"required"`
	Position int    `json:"position"`
}

// Modules lists the school's modules in their order.
func (s *Service) Modules(ctx context.Context) ([]Module, error) {
	return store.Select(ctx, s.db.R, scanModule, s.q.Modules)
}

// AddModule adds a module to the school; p needs ManageMentorFields (the
// school's programme is the installation's, like the fields).
func (s *Service) AddModule(ctx context.Context, p access.Principal, m Module) (Module, error) {
	if err := access.Can(p, access.ManageMentorFields, access.Target{}); err != nil {
		return Module{}, err
	}
	m.Code, m.Name = strings.ToLower(strings.TrimSpace(m.Code)), strings.TrimSpace(m.Name)
	fs := valid.Name(nil, "code", m.Code, 40)
	fs = valid.Name(fs, "name", m.Name, MaxName)
	if err := errs.Validation(fs...); err != nil {
		return Module{}, err
	}
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, s.q.InsertModule, m.Code, m.Name, m.Required, m.Position).Scan(&m.ID)
		if store.IsUniqueViolation(err) {
			return errs.Validation(errs.Field("code", "error.mentor_module_taken"))
		} else if err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "create", Entity: "mentor_module", EntityID: itoa(m.ID), After: m})
	})
	return m, err
}

// Cohort is a group of mentors going through the school together, run by
// an organisation.
type Cohort struct {
	ID         int64     `json:"id"`
	Name       string    `json:"name"`
	OrgID      int64     `json:"org_id"`
	OrgPath    string    `json:"-"`
	RegionPath string    `json:"-"` // the organisation's region
	StartsOn   time.Time `json:"starts_on"`
	EndsOn     time.Time `json:"ends_on"`
}

// Target is the cohort's scope, for access.Can.
func (c Cohort) Target() access.Target {
	return access.Target{OrgPath: c.OrgPath, RegionPath: c.RegionPath}
}

// CreateCohort opens a cohort of organisation c.OrgID from c.StartsOn to
// c.EndsOn; p needs ManageMentors in the organisation.
func (s *Service) CreateCohort(ctx context.Context, p access.Principal, c Cohort) (Cohort, error) {
	c.Name, c.StartsOn, c.EndsOn = strings.TrimSpace(c.Name), store.Day(c.StartsOn), store.Day(c.EndsOn)
	fs := valid.Name(nil, "name", c.Name, MaxName)
	if c.StartsOn.IsZero() || c.EndsOn.Before(c.StartsOn) {
		fs = append(fs, errs.Field("ends_on", "error.mentor_cohort_dates"))
	}
	err := s.db.R.QueryRowContext(ctx, s.q.Org, c.OrgID).Scan(&c.OrgPath, &c.RegionPath)
	if err := store.NotFound(err); errs.CodeOf(err) == errs.NotFound {
		fs = append(fs, errs.Field("org", "error.not_found"))
	} else if err != nil {
		return Cohort{}, err
	}
	if err := errs.Validation(fs...); err != nil {
		return Cohort{}, err
	}
	if err := access.Can(p, access.ManageMentors, c.Target()); err != nil {
		return Cohort{}, err
	}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, s.q.InsertCohort, c.Name, c.OrgID, c.OrgPath, c.RegionPath, c.StartsOn,
			c.EndsOn, store.NullID(p.UserID), s.now().UTC()).Scan(&c.ID)
		if err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, scoped(audit.Change{Action: "create", Entity: "mentor_cohort", EntityID: itoa(c.ID), After: c}, c.Target()))
	})
	return c, err
}

// Cohorts lists the cohorts within p's scope, the latest first.
func (s *Service) Cohorts(ctx context.Context, p access.Principal) ([]Cohort, error) {
	if err := access.Can(p, access.ViewMentors, p.Scope()); err != nil {
		return nil, err
	}
	return store.Select(ctx, s.db.R, scanCohort, s.q.Cohorts, p.ScopeArgs()...)
}

// cohort reads cohort id and checks that p may do a on it.
func (s *Service) cohort(ctx context.Context, p access.Principal, a access.Action, id int64) (Cohort, error) {
	c, err := scanCohort(s.db.R.QueryRowContext(ctx, s.q.Cohort, id))
	if err != nil {
		return Cohort{}, store.NotFound(err)
	}
	return c, access.Can(p, a, c.Target())
}

func scanCohort(sc store.Scanner) (Cohort, error) {
	var c Cohort
	err := sc.Scan(&c.ID, &c.Name, &c.OrgID, &c.OrgPath, &c.RegionPath, &c.StartsOn, &c.EndsOn)
	c.StartsOn, c.EndsOn = c.StartsOn.UTC(), c.EndsOn.UTC()
	return c, err
}

func scanModule(sc store.Scanner) (Module, error) {
	var m Module
	return m, sc.Scan(&m.ID, &m.Code, &m.Name, &m.Required, &m.Position)
}
