package demo_test

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/selection"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/youth"
)

// TestTheSelectionOfYoungLeaders: the selection is published with its
// 400 places filled (or every candidate, when fewer), no macro-region
// over its quota but for places another could not fill, one appeal
// upheld and one rejected, and a public shortlist naming exactly those
// who consented.
func TestTheSelectionOfYoungLeaders(t *testing.T) {
	_, svc := seeded(t)
	sels, _, err := svc.Selection.List(ctx, access.System, store.Page{Limit: store.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	var sel selection.Selection
	for _, x := range sels {
		if x.Name == demo.SelectionName {
			sel, err = svc.Selection.Get(ctx, access.System, x.ID)
		}
	}
	if err != nil {
		t.Fatal(err)
	}
	if sel.State != selection.Published || sel.Places != 400 || sel.QuotaMode != selection.ProportionalQuotas {
		t.Fatalf("selection %+v", sel)
	}
	rows, err := svc.Selection.Ranking(ctx, access.System, sel.ID, "", 0, 1000)
	if err != nil || len(rows) != sel.Candidates {
		t.Fatalf("%d rows of %d candidates, %v", len(rows), sel.Candidates, err)
	}
	byPlace, within, total := map[int]int64{}, map[selection.Macro]int{}, 0
	for _, r := range rows {
		if r.Position > 0 {
			byPlace[r.Position] = r.YouthID
			total++
		}
		if r.Reason == selection.WithinQuota {
			within[r.Macro]++
		}
	}
	if total != min(400, sel.Candidates) {
		t.Errorf("%d selected of %d candidates", total, sel.Candidates)
	}
	quotas := 0
	for _, m := range selection.Macros() {
		quotas += sel.Quotas[m]
		if within[m] > sel.Quotas[m] {
			t.Errorf("%s: %d within a quota of %d", m, within[m], sel.Quotas[m])
		}
	}
	if quotas != 400 || len(sel.Quotas) < 5 {
		t.Errorf("quotas %v", sel.Quotas)
	}
	appeals, err := svc.Selection.Appeals(ctx, access.System, sel.ID)
	if err != nil {
		t.Fatal(err)
	}
	decided := map[string]int{}
	for _, a := range appeals {
		decided[a.State]++
	}
	if decided["upheld"] != 1 || decided["rejected"] != 1 || len(appeals) != 2 {
		t.Errorf("appeals %v", decided)
	}
	consent := map[int64]bool{}
	for pg := (store.Page{Limit: store.MaxLimit}); ; {
		ys, next, err := svc.Youth.List(ctx, access.System, youth.Filter{}, pg)
		if err != nil {
			t.Fatal(err)
		}
		for _, y := range ys {
			consent[y.ID] = y.Shortlist
		}
		if next == "" {
			break
		}
		pg = store.ParsePage(next, "500")
	}
	_, list, err := svc.Selection.Shortlist(ctx, sel.ID)
	if err != nil || len(list) != total {
		t.Fatalf("shortlist of %d, %v", len(list), err)
	}
	named := 0
	for _, l := range list {
		if l.Named != consent[byPlace[l.Position]] || (!l.Named && l.Name != "") {
			t.Errorf("place %d: named %v %q, consent %v", l.Position, l.Named, l.Name, consent[byPlace[l.Position]])
		}
		if l.Named {
			named++
		}
	}
	if named == 0 || named == len(list) {
		t.Errorf("%d of %d named", named, len(list))
	}
}

// TestTheContestsAreSeededOnce: seeding the demo again adds no young
// person, competition, score, ballot or appeal.
func TestTheContestsAreSeededOnce(t *testing.T) {
	db, svc := seeded(t)
	count := func() map[string]int {
		out := map[string]int{}
		for _, table := range []string{"youth", "championships", "championship_scores", "debate_tournaments",
			"debate_ballots", "selections", "selection_scores", "selection_appeals"} {
			var n int
			if err := db.R.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+table).Scan(&n); err != nil {
				t.Fatal(err)
			}
			out[table] = n
		}
		return out
	}
	before := count()
	if _, err := demo.Seed(ctx, svc, demo.Options{Now: now}); err != nil {
		t.Fatal(err)
	}
	after := count()
	for table, n := range before {
		if after[table] != n {
			t.Errorf("%s: %d rows, then %d", table, n, after[table])
		}
	}
	if before["championship_scores"] == 0 || before["debate_ballots"] == 0 || before["selection_appeals"] == 0 {
		t.Errorf("nothing seeded: %v", before)
	}
}
