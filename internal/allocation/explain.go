package allocation

import (
	"context"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/eligibility"
	"github.com/jolproject/jol/internal/store"
)

// LineOutcome is the latest outcome a committed run decided for a line
// of a request, with the name of the warehouse serving it.
type LineOutcome struct {
	Result
	Warehouse string `json:"warehouse,omitempty"`
}

// Outcomes returns the latest outcome of each line of request id that a
// committed run decided, by line; none before the first. p must be
// allowed to see the child the request is for.
func (s *Service) Outcomes(ctx context.Context, p access.Principal, id int64) ([]LineOutcome, error) {
	var t access.Target
	if err := s.db.R.QueryRowContext(ctx, s.q.RequestScope, id).Scan(&t.OrgPath, &t.RegionPath); err != nil {
		return nil, store.NotFound(err)
	}
	if err := access.Can(p, access.ViewChild, t); err != nil {
		return nil, err
	}
	res, err := store.Select(ctx, s.db.R, scanResult, s.q.LineOutcomes, id)
	if err != nil {
		return nil, err
	}
	out := make([]LineOutcome, len(res))
	for i, r := range res {
		out[i].Result = r
		if r.WarehouseID != 0 {
			w, err := s.Stock.Warehouse(ctx, access.System, r.WarehouseID)
			if err != nil {
				return nil, err
			}
			out[i].Warehouse = w.Name
		}
	}
	return out, nil
}

// Explain is the outcome in words, as data for eligibility.Render: "School
// uniform: allocated from Karaganda central warehouse", or "School
// uniform: waitlisted: rank 152 in Karaganda region; size 34 ran out at
// rank 140". It names nothing of the household, so the family's status
// page shows it as the operator's page does.
func (o LineOutcome) Explain() eligibility.Message {
	item := eligibility.Item(o.ItemID)
	if o.Outcome == Allocated {
		return eligibility.Message{Key: "allocation.explain.allocated", Args: []any{"Item", item, "Warehouse", o.Warehouse}}
	}
	reason := o.reason()
	if o.Rank == 0 {
		return eligibility.Message{Key: "allocation.explain.waitlisted_unranked", Args: []any{"Item", item,
			"Reason", reason}}
	}
	place := eligibility.Message{Key: "allocation.explain.rank", Args: []any{"Rank", o.Rank,
		"Region", eligibility.Region(o.RankRegion)}}
	return eligibility.Message{Key: "allocation.explain.waitlisted", Args: []any{"Item", item, "Place", place,
		"Reason", reason}}
}

// reason is why the line waits.
func (o LineOutcome) reason() eligibility.Message {
	key, args := "allocation.reason."+string(o.Outcome), []any{}
	switch o.Outcome {
	case NoStock:
		switch {
		case o.Size != "" && o.Cutoff > 0:
			key, args = "allocation.reason.size_ran_out", []any{"Size", o.Size, "Cutoff", o.Cutoff}
		case o.Size != "":
			key, args = "allocation.reason.size_none", []any{"Size", o.Size}
		case o.Cutoff > 0:
			key, args = "allocation.reason.ran_out", []any{"Cutoff", o.Cutoff}
		default:
			key = "allocation.reason.none"
		}
	case QuotaReached:
		key, args = "allocation.reason.quota", []any{"Quota", o.Quota, "Cutoff", o.Cutoff}
		if o.Cutoff == 0 {
			key, args = "allocation.reason.quota_used", []any{"Quota", o.Quota}
		}
	}
	return eligibility.Message{Key: key, Args: args}
}
