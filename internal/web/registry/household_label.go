package registry

import (
	"context"
	"strings"

	"github.com/jolproject/jol/internal/web/kit"
)

// nameHouseholds names, in the rows a picker found, the household each
// person belongs to by its family name, address and reference rather
// than its record number, so that a user adding a person can tell which
// family they already live in.
func (s *Server) nameHouseholds(ctx context.Context, rq *request, rows []personRow) error {
	var ids []int64
	for _, r := range rows {
		ids = append(ids, r.HouseholdID)
	}
	names, err := s.svc.People.HouseholdNames(ctx, rq.P, ids)
	if err != nil {
		return err
	}
	for i, r := range rows {
		h, ok := names[r.HouseholdID]
		if !ok {
			continue
		}
		var parts []string
		if h.Family != "" {
			parts = append(parts, rq.L.T("households.family", "Name", h.Family))
		}
		if h.Address != "" {
			parts = append(parts, h.Address)
		}
		if h.ExternalRef != "" {
			parts = append(parts, rq.L.T("households.ref", "Ref", h.ExternalRef))
		}
		if len(parts) == 0 {
			parts = append(parts, rq.L.T("households.number", "ID", rq.L.Digits(kit.Itoa(h.ID))))
		}
		rows[i].Household = strings.Join(parts, " · ")
	}
	return nil
}
