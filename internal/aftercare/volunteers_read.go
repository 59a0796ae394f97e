package aftercare

import (
	"context"
	"database/sql"
	"errors"
	"slices"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// Volunteer returns volunteer id if p may see them.
func (s *Service) Volunteer(ctx context.Context, p access.Principal, id int64) (Volunteer, error) {
	if err := access.Can(p, access.ViewVolunteers, p.Scope()); err != nil {
		return Volunteer{}, err
	}
	v, err := s.volunteer(ctx, s.db.R, s.q.VolunteerByID, id)
	if err == nil && !access.Within(p, v.Target()) {
		return Volunteer{}, errs.ErrNotFound
	}
	return v, err
}

// volunteer reads the volunteer query names (by id or by login) with
// their skills through q.
func (s *Service) volunteer(ctx context.Context, q store.Querier, query string, key int64) (Volunteer, error) {
	v, err := scanVolunteer(q.QueryRowContext(ctx, s.q.VolunteerFrom+"\n"+query, key))
	if errors.Is(err, sql.ErrNoRows) {
		return Volunteer{}, errs.ErrNotFound
	}
	if err != nil {
		return Volunteer{}, err
	}
	list := []Volunteer{v}
	if err := s.withSkills(ctx, q, list); err != nil {
		return Volunteer{}, err
	}
	err = s.withTraits(ctx, q, list)
	return list[0], err
}

// VolunteerFilter narrows the registry: volunteers with a skill (any when
// ""), in a region's subtree (any when ""), active ones only, teaching a
// subject and speaking a language (any when "").
type VolunteerFilter struct {
	Skill      Skill
	RegionPath string
	Active     bool
	Subject    string
	Language   string
}

// Volunteers lists a page of the volunteers within p's scope that f
// selects, newest first, and the cursor of the next page.
func (s *Service) Volunteers(ctx context.Context, p access.Principal, f VolunteerFilter, pg store.Page) ([]Volunteer, string, error) {
	if err := access.Can(p, access.ViewVolunteers, p.Scope()); err != nil {
		return nil, "", err
	}
	args := store.Args(volunteerArgs(p, f), []any{pg.BeforeArg(), pg.LimitArg(), pg.SkipArg()})
	list, err := store.Select(ctx, s.db.R, scanVolunteer, s.q.VolunteerFrom+"\n"+s.q.Volunteers, args...)
	if err != nil {
		return nil, "", err
	}
	list, next := store.Trim(pg, list, func(v Volunteer) int64 { return v.ID })
	if err := s.withSkills(ctx, s.db.R, list); err != nil {
		return nil, "", err
	}
	return list, next, s.withTraits(ctx, s.db.R, list)
}

// VolunteersCount counts what Volunteers pages through, up to
// store.CountCap.
func (s *Service) VolunteersCount(ctx context.Context, p access.Principal, f VolunteerFilter) (store.Count, error) {
	if err := access.Can(p, access.ViewVolunteers, p.Scope()); err != nil {
		return store.Count{}, err
	}
	return store.CountRows(ctx, s.db.R, s.q.CountVolunteers, store.Args(volunteerArgs(p, f), []any{store.CountArg()})...)
}

func volunteerArgs(p access.Principal, f VolunteerFilter) []any {
	lo, hi := access.Span(f.RegionPath)
	active := 0
	if f.Active {
		active = 1
	}
	return store.Args(p.ScopeArgs(), []any{string(f.Skill), lo, hi, active, f.Subject, f.Language})
}

// withSkills fills the skills of list in one query.
func (s *Service) withSkills(ctx context.Context, q store.Querier, list []Volunteer) error {
	if len(list) == 0 {
		return nil
	}
	lo, hi := list[0].ID, list[0].ID
	for _, v := range list {
		lo, hi = min(lo, v.ID), max(hi, v.ID)
	}
	rows, err := store.Select(ctx, q, func(sc store.Scanner) (struct {
		id    int64
		skill Skill
	}, error) {
		var r struct {
			id    int64
			skill Skill
		}
		return r, sc.Scan(&r.id, &r.skill)
	}, s.q.SkillsBetween, lo, hi)
	for i := range list {
		list[i].Skills = []Skill{}
		for _, r := range rows {
			if r.id == list[i].ID {
				list[i].Skills = append(list[i].Skills, r.skill)
			}
		}
		slices.SortFunc(list[i].Skills, func(a, b Skill) int {
			return slices.Index(Skills(), a) - slices.Index(Skills(), b)
		})
	}
	return err
}

func scanVolunteer(sc store.Scanner) (Volunteer, error) {
	var v Volunteer
	err := sc.Scan(&v.ID, &v.Name, &v.Phone, &v.Email, &v.RegionID, &v.RegionCode, &v.regionPath, &v.OrgID, &v.OrgName,
		&v.orgPath, &v.UserID, &v.UserName, &v.Active, &v.Version, &v.CreatedAt, &v.UpdatedAt, &v.Load)
	v.CreatedAt, v.UpdatedAt = v.CreatedAt.UTC(), v.UpdatedAt.UTC()
	return v, err
}

// Own returns the volunteer whose login p is, wherever they are: the
// record a volunteer's own pages start from. Not found when no record
// names p's login.
func (s *Service) Own(ctx context.Context, p access.Principal) (Volunteer, error) {
	if err := access.Can(p, access.WorkTasks, p.Scope()); err != nil {
		return Volunteer{}, err
	}
	v, err := s.volunteer(ctx, s.db.R, s.q.VolunteerByUser, p.UserID)
	if errors.Is(err, errs.ErrNotFound) {
		return Volunteer{}, errs.New(errs.NotFound, "error.no_volunteer_record")
	}
	return v, err
}

// Login is a login of role volunteer a volunteer's record may name, and
// the record that names it already (0 for none).
type Login struct {
	UserID      int64  `json:"user_id"`
	Name        string `json:"name"`
	Email       string `json:"email"`
	VolunteerID int64  `json:"volunteer_id,omitempty"`
}

// VolunteerLogins lists the active logins of role volunteer of p's
// organisation subtree, for the registry's form.
func (s *Service) VolunteerLogins(ctx context.Context, p access.Principal) ([]Login, error) {
	if err := access.Can(p, access.ManageVolunteers, p.Scope()); err != nil {
		return nil, err
	}
	lo, hi := access.Span(p.OrgPath)
	return store.Select(ctx, s.db.R, func(sc store.Scanner) (Login, error) {
		var l Login
		return l, sc.Scan(&l.UserID, &l.Name, &l.Email, &l.VolunteerID)
	}, s.q.VolunteerUsers, lo, hi)
}

// MaxSuggestions bounds the volunteers Suggest proposes.
const MaxSuggestions = 10

// Suggest proposes for task id the active volunteers within p's scope who
// have the skill its kind needs and work where the device is — their
// region holds the request's region or lies within it — those with the
// fewest tasks assigned first.
func (s *Service) Suggest(ctx context.Context, p access.Principal, id int64) ([]Volunteer, error) {
	t, err := s.Task(ctx, p, id)
	if err != nil {
		return nil, err
	}
	if err := access.Can(p, access.ManageTasks, t.Target()); err != nil {
		return nil, err
	}
	list, err := store.Select(ctx, s.db.R, scanVolunteer, s.q.Suggest,
		store.Args(p.ScopeArgs(), []any{string(t.Kind.Skill()), t.regionPath, MaxSuggestions})...)
	if err != nil {
		return nil, err
	}
	return list, s.withSkills(ctx, s.db.R, list)
}
