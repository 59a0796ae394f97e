package people

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store"
)

// HouseholdName is what tells a household apart to someone picking it
// from a list, instead of its record number: the family name (the head's
// last name), the address and the organisation's own reference.
type HouseholdName struct {
	ID          int64
	Family      string // the head's last name; "" when it has no head
	Address     string
	ExternalRef string
}

// HouseholdNames names the households ids that p may see; a household
// outside p's scope, or one that does not exist, is left out. It reads
// no child's record, so it writes no access log: a picker shows it beside
// a person the user already found.
func (s *Service) HouseholdNames(ctx context.Context, p access.Principal, ids []int64) (map[int64]HouseholdName, error) {
	if err := access.Can(p, access.ViewChild, p.Scope()); err != nil {
		return nil, err
	}
	out := map[int64]HouseholdName{}
	for _, id := range ids {
		if _, done := out[id]; done || id == 0 {
			continue
		}
		var h HouseholdName
		err := s.db.R.QueryRowContext(ctx, s.q.HouseholdName, store.Args(p.ScopeArgs(), []any{id})...).
			Scan(&h.ID, &h.Family, &h.Address, &h.ExternalRef)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		} else if err != nil {
			return nil, fmt.Errorf("household %d name: %w", id, err)
		}
		out[id] = h
	}
	return out, nil
}
