package guidance

import (
	"context"
	"database/sql"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
)

// Placements returns the children placed on offer offerID, in the order
// they were placed. Whoever may see the offering organisation's records
// sees them: the offering school, lyceum or centre receives these children.
func (s *Service) Placements(ctx context.Context, p access.Principal, offerID int64) ([]Placement, error) {
	if _, err := s.Offer(ctx, p, offerID); err != nil {
		return nil, err
	}
	return s.placements(ctx, s.db.R, s.q.PlacementFrom+" "+s.q.PlacementsOnOffer, offerID)
}

// PlacementsOf returns the placements of person personID, the latest
// year first.
func (s *Service) PlacementsOf(ctx context.Context, p access.Principal, personID int64) ([]Placement, error) {
	if _, err := s.people.ViewChild(ctx, p, personID); err != nil {
		return nil, err
	}
	return s.placements(ctx, s.db.R, s.q.PlacementFrom+" "+s.q.PlacementsOfPerson, personID)
}

func (s *Service) placement(ctx context.Context, q store.Querier, id int64) (Placement, error) {
	ls, err := s.placements(ctx, q, s.q.PlacementFrom+" "+s.q.PlacementByID, id)
	if err == nil && len(ls) == 0 {
		err = errs.ErrNotFound
	}
	if err != nil {
		return Placement{}, err
	}
	return ls[0], nil
}

func (s *Service) placements(ctx context.Context, q store.Querier, query string, args ...any) ([]Placement, error) {
	return store.Select(ctx, q, scanPlacement, query, args...)
}

func scanPlacement(sc store.Scanner) (Placement, error) {
	var l Placement
	var per people.Person
	var decided sql.NullTime
	err := sc.Scan(&l.ID, &l.OfferID, &l.PersonID, &per.LastName, &per.FirstName, &per.Patronymic, &l.Outcome,
		&decided, &l.Notes, &l.CreatedBy, &l.CreatedAt, &l.UpdatedAt, &l.OrgID, &l.OrgName, &l.Year, &l.Programme)
	l.PersonName, l.CreatedAt, l.UpdatedAt = per.FullName(), l.CreatedAt.UTC(), l.UpdatedAt.UTC()
	l.DecidedOn = store.Day(store.TimeOf(decided))
	return l, err
}
