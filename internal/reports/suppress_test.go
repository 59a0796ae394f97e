package reports_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/reports"
	"github.com/jolproject/jol/internal/suppress"
	"github.com/jolproject/jol/internal/suppress/suppresstest"
	"github.com/jolproject/jol/internal/testworld"
)

// asked is n requests in one status and region, each child holding one
// category.
type asked struct {
	n              int
	status, region string
	category       string
}

// TestPublishedReportResistsTheLinearAttacker produces the reports of
// campaigns with small counts and attacks their published tables: every
// pair of tables, and all of them at once, with the margins they have in
// common known to be the same numbers, and the children reached known to
// be the delivered and in-progress requests. No hidden count may be
// pinned down closer than one either side of its value.
func TestPublishedReportResistsTheLinearAttacker(t *testing.T) {
	campaigns := map[string][]asked{
		// Every request reached, every child in one category: the three
		// tables have the same margins.
		"all-reached": {{4, "delivered", almaty, "orphan"}, {9, "delivered", almaty, "low-income"},
			{2, "approved", almaty, "low-income"}, {7, "allocated", almaty, "large-family"},
			{1, "delivered", karaganda, "orphan"}, {6, "approved", karaganda, "large-family"}, {3, "delivered", karaganda, "disability"}},
		// Some waiting or refused: the tables by item and by category
		// share their margins, the table by outcome does not.
		"some-waiting": {{3, "delivered", almaty, "orphan"}, {12, "approved", almaty, "low-income"},
			{2, "submitted", almaty, "orphan"}, {6, "rejected", almaty, "low-income"},
			{2, "delivered", karaganda, "large-family"}, {8, "delivered", karaganda, "orphan"}, {1, "waitlisted", karaganda, "orphan"}},
		// Some children without a category: the table by category stands
		// alone, the table by outcome is linked to the one by item.
		"uncategorised": {{9, "delivered", almaty, "orphan"}, {3, "delivered", almaty, ""}, {2, "approved", karaganda, ""},
			{6, "allocated", karaganda, "low-income"}, {1, "submitted", karaganda, "orphan"}},
		// One region small throughout.
		"small-region": {{11, "delivered", almaty, "orphan"}, {8, "delivered", almaty, "low-income"},
			{2, "delivered", karaganda, "orphan"}, {1, "approved", karaganda, "low-income"}},
	}
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		cs, ctx := w.Services.Campaigns, t.Context()
		for slug, reqs := range campaigns {
			c := must(cs.Create(ctx, coord(w), road(w, slug, day(2026, 7, 1))))
			c = must(cs.Transition(ctx, coord(w), c.ID, c.Version, campaign.Open))
			for _, r := range reqs {
				var cat int64
				if r.category != "" {
					cat = category(t, w, r.category)
				}
				for range r.n {
					request(t, w, c, c.Items[0].ItemID, 1, r.status, r.region, cat)
				}
			}
			c = must(cs.Transition(ctx, coord(w), c.ID, c.Version, campaign.Closed))
			rep := must(w.Services.Reports.Produce(ctx, coord(w), c.ID))
			for _, loc := range []i18n.Locale{i18n.EN, i18n.FA} {
				tables := rep.Figures.Tables(w.Services.Catalog.Localizer(loc), true)
				if len(tables) != 3 {
					t.Fatalf("%s: %d tables", slug, len(tables))
				}
				attackReport(t, slug, tables)
			}
		}
	})
}

// attackReport attacks every pair of tables and all of them together.
func attackReport(t *testing.T, name string, tables []reports.Table) {
	t.Helper()
	var gs []suppress.Grid
	for _, tb := range tables {
		gs = append(gs, tb.Grid)
	}
	all := make([]int, len(gs))
	for k := range all {
		all[k] = k
	}
	sets := [][]int{all}
	for a := range gs {
		for b := a + 1; b < len(gs); b++ {
			sets = append(sets, []int{a, b})
		}
	}
	for _, set := range sets {
		var sub []suppress.Grid
		for _, k := range set {
			sub = append(sub, gs[k])
		}
		for _, e := range suppresstest.Attack(sub, shared(sub), reachedSums(tables, set)...) {
			t.Errorf("%s, tables %v: %v\n%s", name, set, e, grids(tables, set))
		}
	}
}

// shared links what the reader of gs can take to be one number: the
// row totals of tables whose row totals are all equal, and equal grand
// totals.
func shared(gs []suppress.Grid) [][]suppresstest.Ref {
	var out [][]suppresstest.Ref
	for a := range gs {
		for b := a + 1; b < len(gs); b++ {
			switch {
			case slices.Equal(gs[a].RowTotals, gs[b].RowTotals):
				out = append(out, suppresstest.Margins(gs, a, b)...)
			case gs[a].Grand == gs[b].Grand:
				out = append(out, []suppresstest.Ref{{Table: a, I: gs[a].Rows(), J: gs[a].Cols()}, {Table: b, I: gs[b].Rows(), J: gs[b].Cols()}})
			}
		}
	}
	return out
}

func grids(tables []reports.Table, set []int) string {
	s := ""
	for _, k := range set {
		s += fmt.Sprintf("%s\n%s", tables[k].ID, tables[k].Grid)
	}
	return s
}

// reachedSums are the equations a reader who knows that every request
// asked for one item and every child holds one category can add: a
// region's delivered and in-progress requests (the table by outcome) make
// its children reached, which is its total in any table of set whose row
// totals are those sums.
func reachedSums(tables []reports.Table, set []int) []suppresstest.Sum {
	outcome := slices.IndexFunc(set, func(k int) bool { return tables[k].ID == "by_outcome" })
	if outcome < 0 {
		return nil
	}
	o := tables[set[outcome]].Grid
	var out []suppresstest.Sum
	for x, k := range set {
		g := tables[k].Grid
		if x == outcome || g.Rows() != o.Rows() {
			continue
		}
		linked := true
		for i := range o.Rows() + 1 {
			linked = linked && o.Value(i, 0)+o.Value(i, 1) == g.Value(i, g.Cols())
		}
		if !linked {
			continue
		}
		for i := range o.Rows() + 1 {
			out = append(out, suppresstest.Sum{Parts: []suppresstest.Ref{{Table: outcome, I: i, J: 0}, {Table: outcome, I: i, J: 1}},
				Total: suppresstest.Ref{Table: x, I: i, J: g.Cols()}})
		}
	}
	return out
}
