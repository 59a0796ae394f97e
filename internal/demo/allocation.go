package demo

import (
	"context"
	"fmt"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/allocation"
	"github.com/jolproject/jol/internal/services"
)

// The sample allocation: this year's Road to School in Karaganda and the
// Astana computers are each allocated once, in a first round that leaves
// part of the requests waiting on the waiting list. The stock would serve
// everyone (the sample has few requests), so each campaign keeps its
// region to a quota for the round — giving in two rounds, the second once
// the schools' lists are checked, as the foundations do:
//
//   - Road to School: Karaganda Region gets what its requests hold or were
//     handed already, and two thirds of the lines waiting, the best
//     ranked (a fixed quota);
//   - computers: Astana gets half of the need (a share quota of 50 %).
//
// The run decides every approved request: the Road to School sample has
// none approved after it, and its allocated requests are those the run
// served, their kits held at the central warehouse.

// seedAllocation commits the first round of both campaigns, once: a
// campaign with a committed run is left as it is.
func seedAllocation(ctx context.Context, s *services.Services, y int) error {
	p := access.Principal{Name: "demo", Role: access.Admin}
	for _, slug := range []string{roadSlug(y), devicesSlug(y)} {
		c, err := s.Campaigns.Public(ctx, slug)
		if err != nil {
			return fmt.Errorf("demo allocation of %s: %w", slug, err)
		}
		runs, err := s.Allocation.Runs(ctx, p, c.ID, 100)
		if err != nil {
			return err
		}
		done := false
		for _, r := range runs {
			done = done || r.Committed
		}
		if done {
			continue
		}
		q := allocation.QuotaInput{RegionCode: "KZ-71", ItemID: c.Items[0].ItemID, Kind: allocation.Share, Amount: 5000}
		if slug == roadSlug(y) {
			if q, err = firstRound(ctx, s, p, c.ID, c.Items[0].ItemID); err != nil {
				return err
			}
		}
		st, err := s.Allocation.SaveQuota(ctx, p, c.ID, q)
		if err != nil {
			return fmt.Errorf("demo quota of %s: %w", slug, err)
		}
		if _, _, err := s.Allocation.Commit(ctx, p, c.ID, allocation.CommitOptions{Version: st.Version, Via: "demo"}); err != nil {
			return fmt.Errorf("demo allocation of %s: %w", slug, err)
		}
	}
	return nil
}

// firstRound is Road to School's quota for Karaganda Region: the lines
// that hold stock or were handed over, and two thirds of those waiting.
func firstRound(ctx context.Context, s *services.Services, p access.Principal, id, kit int64) (allocation.QuotaInput, error) {
	in, err := s.Allocation.Instance(ctx, p, id)
	if err != nil {
		return allocation.QuotaInput{}, err
	}
	var held, waiting int64
	for _, l := range in.Lines {
		switch {
		case l.HeldAt != 0 || l.Status == "delivered":
			held++
		case l.Quantity <= 1:
			waiting++
		}
	}
	n := held + (2*waiting+2)/3
	return allocation.QuotaInput{RegionCode: "KZ-35", ItemID: kit, Kind: allocation.Fixed, Amount: n}, nil
}
