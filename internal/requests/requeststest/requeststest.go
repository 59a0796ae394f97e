// Package requeststest sets up what tests of requests need before the
// campaign package's own calls are used: a campaign, open, with items on
// offer, written as plain rows.
package requeststest

import (
	"context"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/store"
)

// Campaign is a campaign made for a test and the items it offers.
type Campaign struct {
	ID                  int64
	Kit, Uniform, Shoes int64 // a kit (no sizes), clothes and shoes
}

// Open inserts a campaign of organisation orgID (path orgPath) named
// slug, open from 1 January to 31 December of now's year and covering the
// regions given by code (every region when none), offering a kit, a school
// uniform and shoes. The items are made when the catalogue lacks them.
func Open(t testing.TB, db *store.DB, now time.Time, slug string, orgID int64, orgPath string, regions ...string) Campaign {
	t.Helper()
	ctx := context.Background()
	q := func(query string, args ...any) *int64 {
		var id int64
		if err := db.W.QueryRowContext(ctx, store.Rebind(db.Engine, query), args...).Scan(&id); err != nil {
			t.Fatalf("%s: %v", query, err)
		}
		return &id
	}
	y := now.Year()
	c := Campaign{ID: *q(`INSERT INTO campaigns (slug, programme, organiser_id, org_path, starts_on, ends_on, status,
		created_at, updated_at) VALUES ($1, 'kits', $2, $3, $4, $5, 'open', $6, $6) RETURNING id`, slug, orgID, orgPath,
		time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC), now)}
	item := func(code, sizing string, kit bool) int64 {
		return *q(`INSERT INTO aid_items (code, is_kit, sizing, name_en) VALUES ($1, $2, $3, $1)
			ON CONFLICT (code) DO UPDATE SET code = excluded.code RETURNING id`, code, kit, sizing)
	}
	c.Kit, c.Uniform, c.Shoes = item("test_kit", "none", true), item("test_uniform", "clothes", false),
		item("test_shoes", "shoes", false)
	for _, it := range []int64{c.Kit, c.Uniform, c.Shoes} {
		q(`INSERT INTO campaign_items (campaign_id, item_id, target) VALUES ($1, $2, 100) RETURNING item_id`, c.ID, it)
	}
	for _, code := range regions {
		q(`INSERT INTO campaign_regions (campaign_id, region_id, region_path)
			SELECT $1, id, path FROM regions WHERE code = $2 RETURNING region_id`, c.ID, code)
	}
	return c
}
