package imports

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/store"
)

// SchoolMap maps the folded names of schools a list names that no
// organisation is called to the organisation their rows go to instead.
// The people target applies it wherever it reads a school cell, so the
// preview, the dry run and the import agree.
type SchoolMap map[string]int64

// Map records that the rows naming school go to organisation orgID.
func (m SchoolMap) Map(school string, orgID int64) { m[valueKey(school)] = orgID }

// To is the organisation school is mapped to, 0 for none.
func (m SchoolMap) To(school string) int64 { return m[valueKey(school)] }

// SchoolMap is the mapping of the unknown schools saved with upload id.
func (s *Service) SchoolMap(ctx context.Context, id int64) (SchoolMap, error) {
	rows, err := s.db.R.QueryContext(ctx, s.q.SchoolMap, id)
	if err != nil {
		return nil, fmt.Errorf("imports: school map of upload %d: %w", id, err)
	}
	defer rows.Close()
	m := SchoolMap{}
	for rows.Next() {
		var k string
		var org int64
		if err := rows.Scan(&k, &org); err != nil {
			return nil, fmt.Errorf("imports: school map of upload %d: %w", id, err)
		}
		m[k] = org
	}
	return m, rows.Err()
}

// MapSchools saves with upload up where the rows naming each school of m
// go; a school mapped to 0 is no longer mapped. Every organisation must be
// one p sees: another is refused as not found, and nothing is saved.
func (s *Service) MapSchools(ctx context.Context, p access.Principal, up Upload, m SchoolMap) error {
	if err := s.CheckSchoolMap(ctx, p, m); err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		for k, org := range m {
			if _, err := tx.ExecContext(ctx, s.q.DeleteSchoolMap, up.ID, k); err != nil {
				return fmt.Errorf("imports: unmap school: %w", err)
			}
			if org == 0 {
				continue
			}
			if _, err := tx.ExecContext(ctx, s.q.InsertSchoolMap, up.ID, k, org); err != nil {
				return fmt.Errorf("imports: map school: %w", err)
			}
		}
		return nil
	})
}

// CheckSchoolMap refuses a mapping to an organisation p does not see.
func (s *Service) CheckSchoolMap(ctx context.Context, p access.Principal, m SchoolMap) error {
	for _, org := range m {
		if org == 0 {
			continue
		}
		if _, err := s.Orgs.Get(ctx, p, org); err != nil {
			return err
		}
	}
	return nil
}

// MapTargets are the organisations p sees, that an unknown school may be
// mapped to (see SortByLikeness for their order).
func (s *Service) MapTargets(ctx context.Context, p access.Principal) ([]orgs.Organisation, error) {
	var all []orgs.Organisation
	for pg := (store.Page{Limit: store.MaxLimit}); ; {
		os, next, err := s.Orgs.List(ctx, p, orgs.Filter{}, pg)
		if err != nil {
			return nil, err
		}
		all = append(all, os...)
		if next == "" {
			return all, nil
		}
		pg = store.ParsePage(next, "500")
	}
}

// SortByLikeness orders os for school: schools first, then by how alike
// their folded names are, then by name.
func SortByLikeness(os []orgs.Organisation, school string) {
	k := valueKey(school)
	slices.SortStableFunc(os, func(a, b orgs.Organisation) int {
		return cmp.Or(cmp.Compare(notSchool(a), notSchool(b)),
			cmp.Compare(likeness(k, valueKey(b.Name)), likeness(k, valueKey(a.Name))), strings.Compare(a.Name, b.Name))
	})
}

func notSchool(o orgs.Organisation) int {
	if o.Type == orgs.School {
		return 0
	}
	return 1
}

// likeness is how many of the words of a are words of b, counted twice,
// plus the length of their common beginning: simple, and enough to put
// "Лицей 2" next to "Лицей №2".
func likeness(a, b string) int {
	n := 0
	words := strings.Fields(b)
	for _, w := range strings.Fields(a) {
		if slices.Contains(words, w) {
			n += 2
		}
	}
	ra, rb := []rune(a), []rune(b)
	for i := 0; i < len(ra) && i < len(rb) && ra[i] == rb[i]; i++ {
		n++
	}
	return n
}
