package people

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store"
)

// A person within a reader's scope may live in a household outside it: an
// administrator with the wider scope put them there. The rule for records
// out of scope holds for that household too: its number, its organisation
// and its members are never shown. Every read that returns a Person to a
// caller passes it through seen, so that the person page, the merge
// comparison, the export and the API all get the same answer: the person
// lives in a household the reader cannot see (HouseholdElsewhere), and
// which one is for an administrator to say. Writes and the change log keep
// the real number: they are not a reader's view.
//
// The households are looked up after the rows are read, one query for a
// page, rather than joined in the view person_rows: a list of a small
// subtree reads and sorts all of its rows before it keeps a page, and a
// join would run for every one of them.

// seen returns ps as reader p may see them, reading through r: HouseholdID cleared and
// HouseholdElsewhere set for each person whose household lies outside p's
// scope.
func (s *Service) seen(ctx context.Context, r store.Querier, p access.Principal, ps []Person) ([]Person, error) {
	if p.OrgPath == "" && p.RegionPath == "" {
		return ps, nil // every household is within an unscoped reader's reach
	}
	var ids []int64
	for _, per := range ps {
		if per.HouseholdID != 0 {
			ids = append(ids, per.HouseholdID)
		}
	}
	if len(ids) == 0 {
		return ps, nil
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, fmt.Errorf("people: households seen: %w", err)
	}
	rows, err := r.QueryContext(ctx, s.q.HouseholdsWithin, append(p.ScopeArgs(), string(list))...)
	if err != nil {
		return nil, fmt.Errorf("people: households seen: %w", err)
	}
	defer rows.Close()
	within := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("people: households seen: %w", err)
		}
		within[id] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("people: households seen: %w", err)
	}
	for i, per := range ps {
		if per.HouseholdID != 0 && !within[per.HouseholdID] {
			ps[i].HouseholdID, ps[i].HouseholdElsewhere = 0, true
		}
	}
	return ps, nil
}

// seenOne is seen for one person.
func (s *Service) seenOne(ctx context.Context, r store.Querier, p access.Principal, per Person) (Person, error) {
	ps, err := s.seen(ctx, r, p, []Person{per})
	if err != nil {
		return Person{}, err
	}
	return ps[0], nil
}
