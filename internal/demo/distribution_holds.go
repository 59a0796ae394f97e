package demo

import (
	"context"
	"fmt"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
)

// This file stands in for allocation, which is not part of Jol yet: it
// holds stock for the sample requests that are allocated, as an
// allocation run's commit will. When allocation's own sample run
// arrives, this file goes and the run holds them.

// seedHolds holds one unit at warehouse for every allocated request of
// campaign that holds nothing yet (each sample request asks for one
// item, which campaign offers).
func seedHolds(ctx context.Context, s *services.Services, campaign, warehouse int64) error {
	list, _, err := s.Requests.List(ctx, access.System, requests.Filter{CampaignID: campaign, Status: requests.Allocated},
		store.Page{Limit: store.MaxLimit})
	if err != nil {
		return err
	}
	offer, err := s.Requests.Offer(ctx, campaign)
	if err != nil {
		return err
	}
	for _, r := range list {
		held, err := s.Distribution.Progress(ctx, r.ID)
		if err != nil {
			return err
		}
		if held.Handed > 0 {
			continue
		}
		// The request's item is the one of the offer the hold accepts.
		for _, it := range offer {
			err = s.Stock.ReserveNow(ctx, []stock.Hold{{RequestID: r.ID, Line: 1, WarehouseID: warehouse, ItemID: it.ID,
				Quantity: 1}})
			if e := errs.As(err); e == nil || e.Key != "error.stock_hold_item" {
				break
			}
		}
		if errs.As(err) != nil && errs.As(err).Key == "error.stock_hold_exists" {
			continue // held by an earlier load
		}
		if err != nil {
			return fmt.Errorf("hold request %s: %w", r.Reference, err)
		}
	}
	return nil
}
