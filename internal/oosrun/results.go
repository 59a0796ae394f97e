package oosrun

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/outreach"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
)

// Flag is a child a run flagged, as the results list them.
type Flag struct {
	PersonID   int64               `json:"person_id"`
	LastName   string              `json:"last_name"`
	FirstName  string              `json:"first_name"`
	Patronymic string              `json:"patronymic,omitempty"`
	BirthDate  time.Time           `json:"birth_date,omitzero"`
	Category   outreach.Category   `json:"category"`
	Visibility outreach.Visibility `json:"visibility"`
	Confidence float64             `json:"confidence"`
	Why        string              `json:"why"`
	RegionCode string              `json:"district"`
	RegionPath string              `json:"-"`
	SchoolID   int64               `json:"school_id,omitempty"`
	SchoolName string              `json:"school,omitempty"`
	Outcome    string              `json:"outcome,omitempty"`
}

// After is where a page of flagged children starts: after this child of
// this district and school; the zero After is the first page.
type After struct {
	RegionPath, School string
	PersonID           int64
}

// Group counts the flagged children of one district and catchment school
// by category and visibility.
type Group struct {
	RegionCode string `json:"district"`
	RegionPath string `json:"-"`
	School     string `json:"school"`
	Category   string `json:"category"`
	Visibility string `json:"visibility"`
	Children   int    `json:"children"`
}

// Run returns run id when p may see it: p works within the organisation
// of its population list, in a region the run covers or one that covers
// it. Which of its children p sees, Flags and Groups decide by each child.
func (s *Service) Run(ctx context.Context, p access.Principal, id int64) (Run, error) {
	r, err := s.runByID(ctx, id)
	if err != nil {
		return Run{}, err
	}
	if err := access.Can(p, access.ViewOutOfSchool, r.seenBy(p)); err != nil {
		if errs.CodeOf(err) == errs.Forbidden && access.Allowed(p, access.ViewOutOfSchool) {
			return Run{}, errs.ErrNotFound
		}
		return Run{}, err
	}
	return r, nil
}

// Runs returns the latest runs in p's scope, newest first.
func (s *Service) Runs(ctx context.Context, p access.Principal, limit int) ([]Run, error) {
	if err := access.Can(p, access.ViewOutOfSchool, p.Scope()); err != nil {
		return nil, err
	}
	olo, ohi := access.Span(p.OrgPath)
	rows, err := s.d.DB.R.QueryContext(ctx, s.q.Runs, olo, ohi, limit)
	if err != nil {
		return nil, fmt.Errorf("list the out-of-school runs: %w", err)
	}
	defer rows.Close()
	var out []Run
	for rows.Next() {
		r, err := scanRun(rows)
		if err != nil {
			return nil, err
		}
		if access.Can(p, access.ViewOutOfSchool, r.seenBy(p)) == nil {
			out = append(out, r)
		}
	}
	return out, rows.Err()
}

// seenBy is the scope p reads run r in: its organisation, and its region
// when that lies within p's, else p's own when it lies within the run's.
func (r Run) seenBy(p access.Principal) access.Target {
	t := r.Target()
	if strings.HasPrefix(p.RegionPath, t.RegionPath) {
		t.RegionPath = p.RegionPath
	}
	return t
}

func (s *Service) runByID(ctx context.Context, id int64) (Run, error) {
	r, err := scanRun(s.d.DB.R.QueryRowContext(ctx, s.q.RunByID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Run{}, errs.ErrNotFound
	}
	return r, err
}

func scanRun(sc interface{ Scan(...any) error }) (Run, error) {
	var r Run
	var ids, result string
	var fin sql.NullTime
	if err := sc.Scan(&r.ID, &r.PopulationID, &r.SchoolYear, &ids, &r.MinAge, &r.MaxAge, &r.Locale, &r.Status, &r.JobID,
		&r.OrgPath, &r.RegionPath, &result, &r.ErrorKey, &r.CreatedByName, &r.CreatedBy, &r.CreatedAt,
		&fin); err != nil {
		return r, err
	}
	for _, f := range strings.Split(ids, ",") {
		if id, err := strconv.ParseInt(f, 10, 64); err == nil {
			r.EnrolmentIDs = append(r.EnrolmentIDs, id)
		}
	}
	if err := json.Unmarshal([]byte(result), &r.Result); err != nil {
		return r, fmt.Errorf("read the result of run %d: %w", r.ID, err)
	}
	r.CreatedAt = r.CreatedAt.UTC()
	if fin.Valid {
		t := fin.Time.UTC()
		r.FinishedAt = &t
	}
	return r, nil
}

// Flags returns a page of up to limit children run id flagged whose
// records lie in p's scope, by district, catchment school and id, after a.
func (s *Service) Flags(ctx context.Context, p access.Principal, id int64, a After, limit int) ([]Flag, error) {
	if _, err := s.Run(ctx, p, id); err != nil {
		return nil, err
	}
	args := append([]any{id}, p.ScopeArgs()...)
	rows, err := s.d.DB.R.QueryContext(ctx, s.q.Flags, append(args, a.RegionPath, a.School, a.PersonID, limit)...)
	if err != nil {
		return nil, fmt.Errorf("list the children of run %d: %w", id, err)
	}
	defer rows.Close()
	var out []Flag
	for rows.Next() {
		var f Flag
		var birth sql.NullTime
		if err := rows.Scan(&f.PersonID, &f.LastName, &f.FirstName, &f.Patronymic, &birth, &f.Category,
			&f.Visibility, &f.Confidence, &f.Why, &f.RegionCode, &f.RegionPath, &f.SchoolID, &f.SchoolName,
			&f.Outcome); err != nil {
			return nil, err
		}
		f.BirthDate = store.TimeOf(birth)
		out = append(out, f)
	}
	return out, rows.Err()
}

// Next is where the page after the one that ends with f starts.
func (f Flag) Next() After {
	return After{RegionPath: f.RegionPath, School: f.SchoolName, PersonID: f.PersonID}
}

// Groups counts the children run id flagged in p's scope by district,
// catchment school, category and visibility.
func (s *Service) Groups(ctx context.Context, p access.Principal, id int64) ([]Group, error) {
	if _, err := s.Run(ctx, p, id); err != nil {
		return nil, err
	}
	rows, err := s.d.DB.R.QueryContext(ctx, s.q.CountFlags, append([]any{id}, p.ScopeArgs()...)...)
	if err != nil {
		return nil, fmt.Errorf("count the children of run %d: %w", id, err)
	}
	defer rows.Close()
	var out []Group
	for rows.Next() {
		var g Group
		if err := rows.Scan(&g.RegionPath, &g.RegionCode, &g.School, &g.Category, &g.Visibility,
			&g.Children); err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	return out, rows.Err()
}

// Child returns the record of child person of run id and what the run
// said of them, writing to the access log that p opened the record via.
func (s *Service) Child(ctx context.Context, p access.Principal, id, person int64, via people.Via) (people.Person, Flag, error) {
	if _, err := s.Run(ctx, p, id); err != nil {
		return people.Person{}, Flag{}, err
	}
	per, err := s.d.People.Get(ctx, p, person, via)
	if err != nil {
		return people.Person{}, Flag{}, err
	}
	f := Flag{PersonID: per.ID, LastName: per.LastName, FirstName: per.FirstName, Patronymic: per.Patronymic,
		BirthDate: per.BirthDate}
	err = s.d.DB.R.QueryRowContext(ctx, s.q.FlagOf, id, person).Scan(&f.Category, &f.Visibility, &f.Confidence,
		&f.Why, &f.RegionCode, &f.SchoolID, &f.SchoolName, &f.Outcome)
	if errors.Is(err, sql.ErrNoRows) {
		return people.Person{}, Flag{}, errs.ErrNotFound
	}
	return per, f, err
}
