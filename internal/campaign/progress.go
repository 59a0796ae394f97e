package campaign

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// ProgressStatuses are the request statuses whose lines count as progress
// against a target: once approved, a child's kit is promised.
var ProgressStatuses = []string{"approved", "allocated", "delivered"}

// Progress is how far a campaign has come, overall and per region, and
// what the campaign before it gave.
type Progress struct {
	Items   []ItemProgress   `json:"items"`
	Regions []RegionProgress `json:"regions"`
	// Previous is the campaign compared with: PreviousID, or the latest
	// earlier one of the same programme and organiser; nil when none.
	Previous *Previous `json:"previous,omitempty"`
}

// ItemProgress is one offered item's figures.
type ItemProgress struct {
	Offered
	Progress  int `json:"progress"`  // in requests approved, allocated or delivered
	Delivered int `json:"delivered"` // in requests delivered
	Children  int `json:"children"`  // children with the item in progress
	Asked     int `json:"asked"`     // in requests neither rejected nor withdrawn
	// Before is what the previous campaign gave of the item: its frozen
	// result when reported, its progress otherwise; -1 when it offered none.
	Before int `json:"previous"`
}

// RegionProgress is one offered item's figures in one covered region.
type RegionProgress struct {
	Region
	ItemID   int64 `json:"item_id"`
	Target   int   `json:"target"` // 0 when the region has no target of its own
	Progress int   `json:"progress"`
}

// Previous is the campaign a campaign compares with.
type Previous struct {
	ID       int64     `json:"id"`
	Slug     string    `json:"slug"`
	StartsOn time.Time `json:"starts_on"`
	Reported bool      `json:"reported"`
	Total    int       `json:"total"` // what it gave of every item
	texts    Campaign
}

// Name is the previous campaign's name in locale.
func (p Previous) Name(locale string) string { return p.texts.Text(locale).Name }

// Progress returns the figures of campaign c, which the caller has read
// for p (Get). They are counts over every request of the campaign,
// whatever p's scope: aggregates, never a child.
func (s *Service) Progress(ctx context.Context, p access.Principal, c Campaign) (Progress, error) {
	if !visible(p, c) {
		return Progress{}, errs.ErrNotFound
	}
	figures, err := s.itemFigures(ctx, c.ID)
	if err != nil {
		return Progress{}, err
	}
	var out Progress
	for _, it := range c.Items {
		ip := figures[it.ItemID]
		ip.Offered, ip.Before = it, -1
		out.Items = append(out.Items, ip)
	}
	if out.Regions, err = s.regionFigures(ctx, c); err != nil {
		return Progress{}, err
	}
	prev, err := s.previous(ctx, c)
	if err != nil || prev == nil {
		return out, err
	}
	out.Previous = prev
	gave, err := s.gave(ctx, *prev)
	if err != nil {
		return Progress{}, err
	}
	for i, ip := range out.Items {
		if n, ok := gave[ip.ItemID]; ok {
			out.Items[i].Before = n
		}
	}
	for _, n := range gave {
		prev.Total += n
	}
	return out, nil
}

func (s *Service) itemFigures(ctx context.Context, id int64) (map[int64]ItemProgress, error) {
	rows, err := store.Select(ctx, s.db.R, func(sc store.Scanner) (ItemProgress, error) {
		var x ItemProgress
		return x, sc.Scan(&x.ItemID, &x.Progress, &x.Delivered, &x.Children, &x.Asked)
	}, s.q.ProgressItems, id)
	out := map[int64]ItemProgress{}
	for _, x := range rows {
		out[x.ItemID] = x
	}
	return out, err
}

// regionFigures sums the progress per covered region and offered item,
// with the region's own target.
func (s *Service) regionFigures(ctx context.Context, c Campaign) ([]RegionProgress, error) {
	type cell struct {
		item int64
		path string
		n    int
	}
	cells, err := store.Select(ctx, s.db.R, func(sc store.Scanner) (cell, error) {
		var x cell
		return x, sc.Scan(&x.item, &x.path, &x.n)
	}, s.q.ProgressRegions, c.ID)
	if err != nil {
		return nil, err
	}
	target := map[RegionTarget]int{}
	for _, t := range c.Targets {
		target[RegionTarget{ItemID: t.ItemID, RegionCode: t.RegionCode}] = t.Target
	}
	var out []RegionProgress
	for _, r := range c.Regions {
		for _, it := range c.Items {
			rp := RegionProgress{Region: r, ItemID: it.ItemID, Target: target[RegionTarget{ItemID: it.ItemID, RegionCode: r.Code}]}
			for _, x := range cells {
				if x.item == it.ItemID && strings.HasPrefix(x.path, r.Path) {
					rp.Progress += x.n
				}
			}
			out = append(out, rp)
		}
	}
	return out, nil
}

// previous finds the campaign c compares with.
func (s *Service) previous(ctx context.Context, c Campaign) (*Previous, error) {
	id := c.PreviousID
	if id == 0 {
		err := s.db.R.QueryRowContext(ctx, s.q.EarlierCampaign, string(c.Programme), c.OrganiserID, c.StartsOn, c.ID).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, nil
		} else if err != nil {
			return nil, err
		}
	}
	pc, err := s.load(ctx, s.db.R, s.q.CampaignByID, id)
	if err != nil {
		return nil, err
	}
	return &Previous{ID: pc.ID, Slug: pc.Slug, StartsOn: pc.StartsOn, Reported: pc.Status == Reported, texts: pc}, nil
}

// gave is what campaign prev gave per item: its frozen results when it was
// reported, its live progress otherwise.
func (s *Service) gave(ctx context.Context, prev Previous) (map[int64]int, error) {
	out := map[int64]int{}
	if prev.Reported {
		rs, err := s.results(ctx, s.db.R, prev.ID)
		for _, r := range rs {
			out[r.ItemID] = r.Delivered
		}
		return out, err
	}
	figures, err := s.itemFigures(ctx, prev.ID)
	for id, f := range figures {
		out[id] = f.Progress
	}
	return out, err
}
