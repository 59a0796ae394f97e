package dashboard_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/testworld"
)

// The fresh count a report is made from equals a count made apart from
// its queries — the campaign's rows read one by one and added up here —
// with requests of one item or two, an item asked twice in two sizes,
// children holding two categories, one or none, in every status and two
// regions, beside a request of another campaign that counts nowhere.
func TestCountsMatchTheRows(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		cs, ctx := w.Services.Campaigns, t.Context()
		in := road(w, "road-2026", day(2026, 7, 1))
		in.Items = append(in.Items, campaign.Offered{Code: "school_uniform", Target: 10})
		c := must(cs.Create(ctx, coord(w), in))
		c = must(cs.Transition(ctx, coord(w), c.ID, c.Version, campaign.Open))
		kit, uniform := c.Items[0].ItemID, c.Items[1].ItemID
		other := must(cs.Create(ctx, coord(w), road(w, "road-2027", day(2027, 7, 1))))
		ask(t, w, other.ID, "delivered", almaty, []int64{category(t, w, "orphan")}, line{kit, 5, ""})
		cats := [][]int64{{category(t, w, "orphan"), category(t, w, "disability")}, {category(t, w, "orphan")}, nil}
		statuses := []string{"submitted", "under_review", "verified", "approved", "allocated", "delivered", "rejected", "withdrawn", "waitlisted"}
		for i, st := range statuses {
			for j, path := range []string{almaty, karaganda} {
				lines := []line{{kit, 1 + j, ""}}
				if (i+j)%2 == 0 {
					lines = append(lines, line{uniform, 1, "128"})
				}
				if (i+j)%4 == 0 {
					lines = append(lines, line{uniform, 2, "134"})
				}
				ask(t, w, c.ID, st, path, cats[(i+j)%3], lines...)
			}
		}

		d, tab, err := w.Services.Dashboard.Report(ctx, c.ID, "en")
		if err != nil {
			t.Fatal(err)
		}
		want := countRows(t, w, c.ID)
		if d.Requests != want.requests || d.Reached != want.reached || d.Delivered != want.delivered {
			t.Errorf("totals %d/%d/%d, counted %d/%d/%d", d.Requests, d.Reached, d.Delivered, want.requests, want.reached, want.delivered)
		}
		for _, it := range d.Items {
			got := [5]int64{it.Asked, it.Reached, it.Children, it.Delivered, it.Open}
			if got != want.items[it.ItemID] {
				t.Errorf("item %s: asked, reached, children, delivered, open %v, counted %v", it.Code, got, want.items[it.ItemID])
			}
		}
		if len(d.Categories) != len(want.categories) {
			t.Errorf("categories %+v, counted %v", d.Categories, want.categories)
		}
		for _, k := range d.Categories {
			if k.Children != want.categories[k.ID] {
				t.Errorf("category %s: %d children, counted %d", k.Code, k.Children, want.categories[k.ID])
			}
		}
		for r, reg := range tab.Regions {
			for i, it := range tab.Items {
				if n := want.byItem[reg.Path][it.ItemID]; tab.ByItem[r][i] != n {
					t.Errorf("%s, %s: %d children, counted %d", reg.Code, it.Code, tab.ByItem[r][i], n)
				}
			}
			for i, k := range tab.Categories {
				if n := want.byCategory[reg.Path][k.ID]; tab.ByCategory[r][i] != n {
					t.Errorf("%s, %s: %d children, counted %d", reg.Code, k.Code, tab.ByCategory[r][i], n)
				}
			}
			var sum int64
			for _, n := range tab.ByOutcome[r] {
				sum += n
			}
			if sum != want.byRegion[reg.Path] || tab.ByOutcome[r][0] != want.deliveredIn[reg.Path] {
				t.Errorf("%s: outcomes %v, counted %d requests, %d delivered", reg.Code, tab.ByOutcome[r], want.byRegion[reg.Path], want.deliveredIn[reg.Path])
			}
		}
		if len(tab.Regions) != 2 {
			t.Errorf("regions %+v", tab.Regions)
		}
	})
}

// counted are a campaign's figures added up from its rows.
type counted struct {
	requests, reached, delivered int64
	items                        map[int64][5]int64 // asked, reached, children, delivered, open
	categories                   map[int64]int64
	byItem, byCategory           map[string]map[int64]int64 // children reached per region path
	byRegion, deliveredIn        map[string]int64
}

// countRows reads campaign id's requests, their lines and their
// children's categories row by row, and adds them up.
func countRows(t *testing.T, w *testworld.World, id int64) counted {
	t.Helper()
	type request struct {
		path, status string
		person       int64
		lines        [][2]int64 // item, quantity
	}
	ctx, e := t.Context(), w.DB.Engine
	reqs := map[int64]*request{}
	rows := must(w.DB.R.QueryContext(ctx, store.Rebind(e, `SELECT id, region_path, status, person_id FROM requests WHERE campaign_id = $1`), id))
	for rows.Next() {
		var rid int64
		r := &request{}
		if err := rows.Scan(&rid, &r.path, &r.status, &r.person); err != nil {
			t.Fatal(err)
		}
		reqs[rid] = r
	}
	rows.Close()
	rows = must(w.DB.R.QueryContext(ctx, `SELECT request_id, item_id, quantity FROM request_lines`))
	for rows.Next() {
		var rid, item, qty int64
		if err := rows.Scan(&rid, &item, &qty); err != nil {
			t.Fatal(err)
		}
		if r := reqs[rid]; r != nil {
			r.lines = append(r.lines, [2]int64{item, qty})
		}
	}
	rows.Close()
	held := map[int64][]int64{}
	rows = must(w.DB.R.QueryContext(ctx, `SELECT person_id, category_id FROM person_categories`))
	for rows.Next() {
		var person, cat int64
		if err := rows.Scan(&person, &cat); err != nil {
			t.Fatal(err)
		}
		held[person] = append(held[person], cat)
	}
	rows.Close()

	in := func(st string, list ...string) bool { return slices.Contains(list, st) }
	region := func(path string) string { return path[:strings.Index(path[4:], "/")+5] } // "/KZ/KZ-75/…" → "/KZ/KZ-75/"
	c := counted{items: map[int64][5]int64{}, categories: map[int64]int64{}, byItem: map[string]map[int64]int64{},
		byCategory: map[string]map[int64]int64{}, byRegion: map[string]int64{}, deliveredIn: map[string]int64{}}
	for _, r := range reqs {
		reached := in(r.status, "approved", "allocated", "delivered")
		top := region(r.path)
		c.requests++
		c.byRegion[top]++
		if reached {
			c.reached++
		}
		if r.status == "delivered" {
			c.delivered++
			c.deliveredIn[top]++
		}
		seen := map[int64]bool{}
		for _, l := range r.lines {
			f := c.items[l[0]]
			if !in(r.status, "rejected", "withdrawn") {
				f[0] += l[1]
			}
			if reached {
				f[1] += l[1]
				if !seen[l[0]] {
					f[2]++
					add(c.byItem, top, l[0])
				}
			}
			if r.status == "delivered" {
				f[3] += l[1]
			}
			if in(r.status, "submitted", "under_review", "verified", "approved", "waitlisted") {
				f[4] += l[1]
			}
			seen[l[0]] = true
			c.items[l[0]] = f
		}
		if reached {
			for _, k := range held[r.person] {
				c.categories[k]++
				add(c.byCategory, top, k)
			}
		}
	}
	return c
}

func add(m map[string]map[int64]int64, path string, key int64) {
	if m[path] == nil {
		m[path] = map[int64]int64{}
	}
	m[path][key]++
}
