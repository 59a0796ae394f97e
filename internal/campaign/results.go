package campaign

import (
	"context"
	"database/sql"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// Result is what a reported campaign gave of one item.
type Result struct {
	ItemID    int64 `json:"item_id"`
	Delivered int   `json:"delivered"`
	Children  int   `json:"children"`
}

// Results returns the frozen results of campaign id, if p may see it.
func (s *Service) Results(ctx context.Context, p access.Principal, id int64) ([]Result, error) {
	if _, err := s.Get(ctx, p, id); err != nil {
		return nil, err
	}
	return s.results(ctx, s.db.R, id)
}

func (s *Service) results(ctx context.Context, q store.Querier, id int64) ([]Result, error) {
	return store.Select(ctx, q, func(sc store.Scanner) (Result, error) {
		var r Result
		return r, sc.Scan(&r.ItemID, &r.Delivered, &r.Children)
	}, s.q.Results, id)
}

// RecordResults sets the results of reported campaign id by hand: for a
// campaign run before Jol (on paper, in spreadsheets), which holds no
// requests to count. A campaign with requests keeps the results its
// requests gave.
func (s *Service) RecordResults(ctx context.Context, p access.Principal, id int64, rs []Result) error {
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		c, err := s.managed(ctx, tx, p, id)
		if err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, s.q.CountRequests, id).Scan(&n); err != nil {
			return err
		}
		if c.Status != Reported || n > 0 {
			return errs.New(errs.Conflict, "error.results_from_requests")
		}
		before, err := s.results(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q.DeleteResults, id); err != nil {
			return err
		}
		for _, r := range rs {
			if r.Delivered < 0 || r.Children < 0 || !offers(c, r.ItemID) {
				return errs.Validation(errs.Field("results", "error.invalid", "Field", "results"))
			}
			if _, err := tx.ExecContext(ctx, s.q.InsertResult, id, r.ItemID, r.Delivered, r.Children); err != nil {
				return err
			}
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "record_results", Entity: "campaign", EntityID: itoa(id),
			OrgPath: c.orgPath, RegionPath: c.regionPath, Before: before, After: rs})
	})
}

func offers(c Campaign, item int64) bool {
	for _, it := range c.Items {
		if it.ItemID == item {
			return true
		}
	}
	return false
}
