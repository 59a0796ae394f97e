package oosrun

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
)

// List is one imported population or enrolment list.
type List struct {
	ID         int64     `json:"id"`
	Kind       string    `json:"kind"` // Population or Enrolment
	ImportRun  int64     `json:"import_run,omitempty"`
	OrgID      int64     `json:"org_id"`
	OrgName    string    `json:"org_name"`
	OrgPath    string    `json:"-"`
	RegionPath string    `json:"-"`
	Source     string    `json:"source"`      // the file's name
	SchoolYear int       `json:"school_year"` // an enrolment list's latest school year; 0 for a population list
	Rows       int       `json:"rows"`
	CreatedAt  time.Time `json:"created_at"`
}

// Target is the scope of the list: the organisation that sent it, in its region.
func (l List) Target() access.Target {
	return access.Target{OrgPath: l.OrgPath, RegionPath: l.RegionPath}
}

// Row is one row of a list, as the list wrote it.
type Row struct {
	Line       int
	PersonID   int64 // the person a population row landed on
	Last       string
	First      string
	Patronymic string
	Birth      time.Time // zero when unknown
	Sex        people.Sex
	NationalID string
	Place      string // the most specific place named, as written
	RegionCode string // the region it resolved to
	RegionPath string
	SchoolID   int64 // an enrolment row's school
	SchoolName string
	Grade      int
	SchoolYear int    // the school year's first calendar year
	Status     string // Attending, NotAttending or Left
}

// Writer adds the rows of one import to its list.
type Writer struct {
	s  *Service
	ID int64 // the list's
}

// OpenList begins the list of kind an import for organisation org
// writes, or continues the one an interrupted attempt of import run
// importRun began (0 for an import from the command line: a new list
// each time). p must be allowed to edit the children of org.
func (s *Service) OpenList(ctx context.Context, p access.Principal, kind string, importRun int64,
	org orgs.Organisation, source string) (*Writer, error) {
	if kind != Population && kind != Enrolment {
		return nil, fmt.Errorf("oosrun: no list kind %q", kind)
	}
	if err := access.Can(p, access.EditChild, org.Target()); err != nil {
		return nil, err
	}
	var id int64
	if importRun != 0 {
		err := s.d.DB.W.QueryRowContext(ctx, s.q.ListOfImport, importRun).Scan(&id)
		if err == nil {
			return &Writer{s: s, ID: id}, nil
		} else if !errors.Is(err, sql.ErrNoRows) {
			return nil, err
		}
	}
	err := s.d.DB.W.QueryRowContext(ctx, s.q.InsertList, kind, store.NullID(importRun), org.ID, org.Path,
		org.RegionPath, source, store.NullID(p.UserID), s.clock()).Scan(&id)
	if err != nil {
		return nil, fmt.Errorf("begin an out-of-school list: %w", err)
	}
	return &Writer{s: s, ID: id}, nil
}

// Add writes rows to the list, in one transaction; a row of a line the
// list already has (an import resumed) is left as it was.
func (w *Writer) Add(ctx context.Context, rows []Row) error {
	if len(rows) == 0 {
		return nil
	}
	return w.s.d.DB.Tx(ctx, func(tx *sql.Tx) error {
		st, err := tx.PrepareContext(ctx, w.s.q.InsertRow)
		if err != nil {
			return err
		}
		defer st.Close()
		for _, r := range rows {
			sex := string(r.Sex)
			if r.Sex == people.SexUnknown {
				sex = ""
			}
			if _, err := st.ExecContext(ctx, w.ID, r.Line, store.NullID(r.PersonID), r.Last, r.First, r.Patronymic,
				store.NullDate(r.Birth), sex, r.NationalID, r.Place, r.RegionCode, r.RegionPath,
				store.NullID(r.SchoolID), r.Grade, r.SchoolYear, r.Status); err != nil {
				return fmt.Errorf("add row %d to list %d: %w", r.Line, w.ID, err)
			}
		}
		_, err = tx.ExecContext(ctx, w.s.q.AddedRows, w.ID)
		return err
	})
}

// Lists returns the lists of kind (Population or Enrolment) in p's
// scope, the latest school year and the newest first.
func (s *Service) Lists(ctx context.Context, p access.Principal, kind string) ([]List, error) {
	if err := access.Can(p, access.ViewOutOfSchool, p.Scope()); err != nil {
		return nil, err
	}
	rows, err := s.d.DB.R.QueryContext(ctx, s.q.Lists, append(p.ScopeArgs(), kind, 500)...)
	if err != nil {
		return nil, fmt.Errorf("list the out-of-school lists: %w", err)
	}
	defer rows.Close()
	var out []List
	for rows.Next() {
		l, err := scanList(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// List returns list id when p may see it.
func (s *Service) List(ctx context.Context, p access.Principal, id int64) (List, error) {
	l, err := scanList(s.d.DB.R.QueryRowContext(ctx, s.q.ListByID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return List{}, errs.ErrNotFound
	} else if err != nil {
		return List{}, err
	}
	if err := access.Can(p, access.ViewOutOfSchool, l.Target()); err != nil {
		return List{}, err
	}
	return l, nil
}

func scanList(r interface{ Scan(...any) error }) (List, error) {
	var l List
	err := r.Scan(&l.ID, &l.Kind, &l.ImportRun, &l.OrgID, &l.OrgName, &l.OrgPath, &l.RegionPath, &l.Source,
		&l.SchoolYear, &l.Rows, &l.CreatedAt)
	l.CreatedAt = l.CreatedAt.UTC()
	return l, err
}

// rows reads the rows of list id.
func (s *Service) rows(ctx context.Context, id int64) ([]Row, error) {
	rs, err := s.d.DB.R.QueryContext(ctx, s.q.Rows, id)
	if err != nil {
		return nil, fmt.Errorf("read list %d: %w", id, err)
	}
	defer rs.Close()
	var out []Row
	for rs.Next() {
		var r Row
		var birth sql.NullTime
		var sex string
		if err := rs.Scan(&r.Line, &r.PersonID, &r.Last, &r.First, &r.Patronymic, &birth, &sex, &r.NationalID,
			&r.Place, &r.RegionCode, &r.RegionPath, &r.SchoolID, &r.SchoolName, &r.Grade, &r.SchoolYear,
			&r.Status); err != nil {
			return nil, err
		}
		r.Birth, r.Sex = store.TimeOf(birth), people.Sex(sex)
		out = append(out, r)
	}
	return out, rs.Err()
}
