package people

import (
	"context"
	"fmt"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store"
)

// Sort orders List.
type Sort string

// The orders of List. Each pages by keyset on its sort value and the id:
// a page starts after the (value, id) of the last row of the one before,
// so rows added or changed meanwhile never make a page skip or repeat a
// row that stays put. An unknown order is SortCreated.
const (
	SortCreated Sort = "created" // newest first; the default
	SortName    Sort = "name"    // by name key: one order for every script, the same on both engines
	SortBirth   Sort = "birth"   // oldest first, unknown dates of birth last
)

// Filter narrows List; zero fields match everything.
type Filter struct {
	RegionCode string // this place and the places under it: a region, a district, a settlement
	OrgID      int64  // this school or centre and the organisations under it
	Grade      int
	MinAge     int // in whole years today
	MaxAge     int // 0: no upper bound
	Category   string
	Status     Status
	HasID      *bool // with (true) or without (false) an ID number
	Sort       Sort
}

// smallScope is how many persons an organisation subtree may hold for List
// to read it through the organisation index and sort it; a larger one is
// read in the order of the list, which stops at the page. List counts at
// most this many with an index-only query to choose.
const smallScope = 5000

// List returns one page of the persons p may see that match f, in the
// order f.Sort, with the cursor of the next page ("" after the last).
// Sponsors, volunteers, mentors and warehouse staff see nobody.
func (s *Service) List(ctx context.Context, p access.Principal, f Filter, pg Page) ([]Person, string, error) {
	q, a, ok, err := s.listQuery(ctx, p, f, false)
	if !ok || err != nil {
		return nil, "", err
	}
	sort := f.Sort
	if sort != SortName && sort != SortBirth {
		sort = SortCreated
	}
	pos := sort.position(pg.Cursor)
	order := s.q.ListByCreated
	switch sort {
	case SortName:
		order, a = s.q.ListByName, append(a, pos.key, pos.id)
	case SortBirth:
		order, a = s.q.ListByBirth, append(a, map[bool]int{false: 0, true: 1}[pos.unknown], pos.birth, pos.id)
	default:
		a = append(a, pos.id)
	}
	out, err := s.queryPersons(ctx, s.db.R, p, s.q.ListFrom+"\n"+q+"\n"+order, append(a, pg.limitArg(), pg.skipArg())...)
	if err != nil {
		return nil, "", err
	}
	out, next := sort.trim(pg, out)
	return out, next, nil
}

// ListCount is how many persons List pages through for p and f, counted up
// to store.CountCap: the same scope and filters, so it never counts a
// record p may not see.
func (s *Service) ListCount(ctx context.Context, p access.Principal, f Filter) (store.Count, error) {
	q, a, ok, err := s.listQuery(ctx, p, f, true)
	if !ok || err != nil {
		return store.Count{}, err
	}
	var n int
	err = s.db.R.QueryRowContext(ctx, s.q.CountFrom+"\n"+q+"\n"+s.q.CountTo, append(a, store.CountArg())...).Scan(&n)
	if err != nil {
		return store.Count{}, fmt.Errorf("count persons: %w", err)
	}
	return store.Counted(n), nil
}

// listQuery is what List and ListCount share: the conditions (ListWhere
// and the organisation condition that fits the scope) and their arguments
// $1-$11; false when p's scope and f have nobody in common. A count, which
// has no order to follow and stops at store.CountCap rows, always reads an
// organisation subtree through its index: read in the list's order, a
// school of 50,000 among a million would scan most of the table to find
// 10,001 of its rows.
func (s *Service) listQuery(ctx context.Context, p access.Principal, f Filter, counting bool) (string, []any, bool, error) {
	if err := access.Can(p, access.ViewChild, p.Scope()); err != nil {
		return "", nil, false, err
	}
	org, region, ok, err := s.scopes(ctx, p, f.OrgID, f.RegionCode)
	if !ok || err != nil {
		return "", nil, false, err
	}
	olo, ohi := access.Span(org)
	rlo, rhi := access.Span(region)
	where := s.q.ListWideOrgs
	if org != "" && counting {
		where = s.q.ListOrgs
	} else if org != "" {
		var n int
		if err := s.db.R.QueryRowContext(ctx, s.q.CountOrg, olo, ohi, s.smallScope).Scan(&n); err != nil {
			return "", nil, false, err
		}
		if n < s.smallScope {
			where = s.q.ListOrgs
		}
	}
	ages, bornBy, bornAfter := 0, s.today(), minDate
	if f.MinAge > 0 || f.MaxAge > 0 {
		ages, bornBy = 1, bornBefore(s.today(), f.MinAge)
		if f.MaxAge > 0 {
			bornAfter = bornBefore(s.today(), f.MaxAge+1)
		}
	}
	hasID := -1
	if f.HasID != nil {
		hasID = map[bool]int{false: 0, true: 1}[*f.HasID]
	}
	a := []any{olo, ohi, rlo, rhi, f.Grade, string(f.Status), ages, bornBy, bornAfter, hasID, f.Category}
	return s.q.ListWhere + "\n" + where, a, true, nil
}
