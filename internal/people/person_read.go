package people

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// Get returns person id if p may see them, and writes to the access log
// that p opened the record through via. A merged record is returned with
// MergedInto set, so a page can lead to the surviving one.
func (s *Service) Get(ctx context.Context, p access.Principal, id int64, via Via) (Person, error) {
	if err := via.check(); err != nil {
		return Person{}, err
	}
	if err := access.Can(p, access.ViewChild, p.Scope()); err != nil {
		return Person{}, err
	}
	per, err := s.byID(ctx, s.db.R, id)
	if err != nil {
		return Person{}, err
	}
	if err := access.Can(p, access.ViewChild, per.Target()); err != nil {
		return Person{}, err
	}
	if err := s.log.ViewedIn(ctx, p, "person", itoa(id), per.Target(), string(via)); err != nil {
		return Person{}, err
	}
	return s.seenOne(ctx, s.db.R, p, per)
}

// byID reads one person through q (the read pool or a transaction).
func (s *Service) byID(ctx context.Context, q store.Querier, id int64) (Person, error) {
	per, err := scanPerson(q.QueryRowContext(ctx, s.q.PersonByID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Person{}, errs.ErrNotFound
	}
	return per, err
}

// scanPerson reads the columns of the view person_rows in order, after the
// destinations in before (columns a query selects ahead of them).
func scanPerson(sc store.Scanner, before ...any) (Person, error) {
	var p Person
	var birth sql.NullTime
	var languages string
	var merged sql.NullInt64
	dest := append(before, &p.ID, &p.LastName, &p.FirstName, &p.Patronymic, &p.nameKey, &birth, &p.Sex,
		&p.IDKind, &p.NationalID, &p.Phone, &p.phoneDigits, &p.RegionCode, &p.RegionPath,
		&p.Address, &languages, &p.OrgID, &p.OrgName, &p.OrgPath, &p.Grade, &p.Status, &p.Disability,
		&p.SpecialNeeds, &p.Notes, &p.HasPhoto, &p.HouseholdID, &merged, &p.CreatedBy, &p.CreatedAt, &p.UpdatedAt)
	if err := sc.Scan(dest...); err != nil {
		return Person{}, err
	}
	if birth.Valid {
		p.BirthDate = date(birth.Time)
	}
	if languages != "" {
		p.Languages = strings.Split(languages, ",")
	}
	p.MergedInto = merged.Int64
	p.CreatedAt, p.UpdatedAt = p.CreatedAt.UTC(), p.UpdatedAt.UTC()
	return p, nil
}

// queryPersons runs a query returning rows of person_rows through r (the
// read pool, or a caller's transaction),
// as reader p may see them (see seen).
func (s *Service) queryPersons(ctx context.Context, r store.Querier, p access.Principal, q string, args ...any) ([]Person, error) {
	ps, err := store.Select(ctx, r, func(sc store.Scanner) (Person, error) { return scanPerson(sc) }, q, args...)
	if err != nil {
		return nil, err
	}
	return s.seen(ctx, r, p, ps)
}
