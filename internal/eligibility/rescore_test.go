package eligibility_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/eligibility"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

const karaganda, astana = "/KZ/KZ-35/", "/KZ/KZ-71/"

func roadRules(w *world) (eligibility.Rules, eligibility.Weights) {
	return eligibility.Rules{All: eligibility.Criteria{
			Age: &eligibility.Range{Min: 6, Max: 17}, Regions: []string{karaganda},
			Categories: []string{"low-income", "large-family", "orphan"}, NotReceived: true}},
		eligibility.Weights{Categories: map[string]int{"low-income": 30, "large-family": 20, "orphan": 40},
			PerChild: 4, ChildrenFrom: 2, SingleGuardian: 10}
}

// families are the fixture's requests to campaign "road": ids 1 to 6.
func families(w *world) []applicant {
	valid, expired := day("2026-12-31"), day("2026-08-31")
	base := func(id int64) applicant {
		return applicant{id: id, campaign: w.campaign, status: "submitted", region: karaganda, birth: day("2018-03-15"),
			grade: 2, children: 1, items: []int64{w.kit}, submitted: day("2026-07-01").AddDate(0, 0, int(id)),
			categories: map[string]time.Time{"low-income": valid}}
	}
	a := base(1) // low-income +30, large family +20, 4 children +8
	a.children, a.categories["large-family"] = 4, time.Time{}
	b := base(2) // evidence expired the day before the decision
	b.categories["low-income"] = expired
	c := base(3) // lives outside the campaign's region
	c.region = astana
	d := base(4) // low-income, single parent: 40
	d.incomplete = true
	e := base(5) // eligible but withdrawn: not ranked
	e.status = "withdrawn"
	f := base(6) // received a backpack (in a kit) in another campaign this year
	g := applicant{id: 7, campaign: w.other, status: "delivered", region: karaganda, birth: f.birth, children: 1,
		items: []int64{w.kit}, submitted: day("2026-01-10"), deliveredAt: day("2026-02-01")}
	f.items = []int64{w.backpack}
	return []applicant{a, b, c, d, e, f, g}
}

// personOf makes the request of applicant 7 (another campaign) belong to
// the person of applicant 6, so that one child received a kit earlier.
func personOf(t *testing.T, w *world) {
	_, err := w.db.W.ExecContext(ctx, "UPDATE requests SET person_id = 6 WHERE id = 7")
	check(t, err)
}

func TestRescore(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		w.load(t, families(w))
		personOf(t, w)
		w.s.Batch = 2 // several transactions even for a few requests

		if _, err := w.s.Rescore(ctx, w.coord, w.campaign); errs.As(err) == nil || errs.As(err).Key != "error.eligibility_no_rules" {
			t.Fatalf("rescore without rules: %v", err)
		}
		rules, weights := roadRules(w)
		op := access.Principal{UserID: 9, Role: access.Operator, OrgPath: w.school.Path}
		if _, err := w.s.SaveRuleSet(ctx, op, w.campaign, rules, weights); errs.CodeOf(err) != errs.Forbidden {
			t.Fatalf("operator saves rules: %v", err)
		}
		bad := rules
		bad.All.Categories = []string{"no-such-category"}
		if _, err := w.s.SaveRuleSet(ctx, w.coord, w.campaign, bad, weights); errs.CodeOf(err) != errs.Invalid {
			t.Fatalf("unknown category: %v", err)
		}
		rs, err := w.s.SaveRuleSet(ctx, w.coord, w.campaign, rules, weights)
		if err != nil || rs.Version != 1 {
			t.Fatalf("save: %v %+v", err, rs)
		}
		sum, err := w.s.Rescore(ctx, w.coord, w.campaign)
		check(t, err)
		sum.Read, sum.Evaluate, sum.Write = 0, 0, 0 // timings vary
		if want := (eligibility.Summary{CampaignID: w.campaign, Version: 1, Requests: 6, Eligible: 3, Ineligible: 3, Ranked: 2,
			Changed: 6}); sum != want {
			t.Fatalf("summary %+v, want %+v", sum, want)
		}
		want := map[int64]struct {
			status      eligibility.Status
			score, rank int
		}{1: {eligibility.Eligible, 58, 1}, 2: {eligibility.Ineligible, 0, 0}, 3: {eligibility.Ineligible, 30, 0},
			4: {eligibility.Eligible, 40, 2}, 5: {eligibility.Eligible, 30, 0}, 6: {eligibility.Ineligible, 30, 0}}
		for id, x := range want {
			st, err := w.s.Current(ctx, w.coord, id)
			check(t, err)
			if st.Result.Status != x.status || st.Result.Score != x.score || st.Place.Rank != x.rank || st.Version != 1 {
				t.Errorf("request %d: %s %d rank %v, want %+v", id, st.Result.Status, st.Result.Score, st.Place, x)
			}
		}
		// The result read back carries what the rules asked for, so it explains itself.
		cat := must(i18n.New())
		st, _ := w.s.Current(ctx, w.coord, 1)
		lines := eligibility.RenderAll(cat.Localizer(i18n.EN), eligibility.Names{}, st.Explain())
		if lines[0] != "eligible: low-income +30, large-family +20, 4 children +8 — score 58, rank 1 of 2 in KZ-35" ||
			lines[1] != "8 years old, within 6–17" {
			t.Errorf("explanation %q", lines)
		}
		st, _ = w.s.Current(ctx, w.coord, 6)
		if got := eligibility.Render(cat.Localizer(i18n.EN), eligibility.Names{}, st.ExplainShort()); !strings.Contains(got, "#1 already received") {
			t.Errorf("received: %q", got)
		}

		// New weights: a new version; the results they change go to the
		// history with the place they held, the others stay as they were.
		weights.Categories["low-income"] = 50
		rs, err = w.s.SaveRuleSet(ctx, w.coord, w.campaign, rules, weights)
		if err != nil || rs.Version != 2 || rs.Weights.Version != 2 {
			t.Fatalf("save v2: %v %+v", err, rs)
		}
		sum, err = w.s.Rescore(ctx, w.coord, w.campaign)
		check(t, err)
		if sum.Changed != 5 { // request 2's expired evidence scores nothing either way
			t.Errorf("v2 changed %d results, want 5", sum.Changed)
		}
		sum, err = w.s.Rescore(ctx, w.coord, w.campaign)
		check(t, err)
		if sum.Changed != 0 || sum.Ranked != 2 {
			t.Errorf("the same rules again: %+v", sum)
		}
		st, _ = w.s.Current(ctx, w.coord, 1)
		hist, err := w.s.History(ctx, w.coord, 1)
		check(t, err)
		if st.Version != 2 || st.Result.Score != 78 || st.Place != (eligibility.Place{Rank: 1, Of: 2}) || len(hist) != 1 ||
			hist[0].Version != 1 || hist[0].Result.Score != 58 || hist[0].Place != (eligibility.Place{Rank: 1, Of: 2}) ||
			hist[0].Result.Checks[0].Max != 17 {
			t.Fatalf("current %+v\nhistory %+v", st, hist)
		}
		if st, _ := w.s.Current(ctx, w.coord, 2); st.Version != 1 || st.Result.Score != 0 {
			t.Errorf("request 2, unchanged, was written again: %+v", st)
		}
		if hist, _ := w.s.History(ctx, w.coord, 2); len(hist) != 0 {
			t.Errorf("request 2, unchanged, has a history: %+v", hist)
		}
		sets, err := w.s.RuleSets(ctx, w.campaign)
		if err != nil || len(sets) != 2 || sets[1].Weights.Categories["low-income"] != 30 || sets[0].ByName != "Coordinator" {
			t.Fatalf("rule sets: %v %+v", err, sets)
		}

		// A reader outside the child's scope learns nothing.
		stranger := access.Principal{UserID: 8, Role: access.Operator, OrgPath: "/999/"}
		if _, err := w.s.Current(ctx, stranger, 1); errs.CodeOf(err) != errs.Forbidden {
			t.Errorf("stranger: %v", err)
		}
		if _, err := w.s.Current(ctx, w.coord, 999); !errors.Is(err, errs.ErrNotFound) {
			t.Errorf("unknown request: %v", err)
		}
	})
}

func TestEvaluateRequest(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		apps := families(w)
		w.load(t, apps[:4])
		rules, weights := roadRules(w)
		_, err := w.s.SaveRuleSet(ctx, w.coord, w.campaign, rules, weights)
		check(t, err)
		_, err = w.s.Rescore(ctx, w.coord, w.campaign)
		check(t, err)
		// Request 4 (score 40) was ranked second after request 1 (58).
		// A new request scoring 40, made later, comes third of three.
		late := apps[3]
		late.id, late.submitted = 8, day("2026-08-20")
		w.load(t, []applicant{late})
		op := access.Principal{UserID: 9, Role: access.Operator, OrgPath: w.school.Path}
		st, err := w.s.EvaluateRequest(ctx, op, 8)
		check(t, err)
		if st.Result.Status != eligibility.Eligible || st.Result.Score != 40 || st.Place != (eligibility.Place{Rank: 3, Of: 3}) {
			t.Fatalf("new request: %+v", st)
		}
		got, err := w.s.Current(ctx, op, 8)
		check(t, err)
		if got.Place != st.Place || got.Result.Score != 40 || got.Result.Checks[0].Max != 17 {
			t.Fatalf("stored %+v", got)
		}
		// Evaluated again with nothing changed: the result stays as it was,
		// without a history entry, its own result not counted against it.
		st, err = w.s.EvaluateRequest(ctx, op, 8)
		check(t, err)
		hist, _ := w.s.History(ctx, op, 8)
		if st.Place != (eligibility.Place{Rank: 3, Of: 3}) || len(hist) != 0 {
			t.Fatalf("again: %+v, history %d", st.Place, len(hist))
		}
		// A request scoring more than all, evaluated alone, comes first,
		// and moves the others down at once: no recalculation needed.
		top := apps[0]
		top.id, top.submitted = 9, day("2026-08-21")
		top.categories = map[string]time.Time{"low-income": day("2026-12-31"), "orphan": day("2026-12-31")}
		w.load(t, []applicant{top})
		if st := must(w.s.EvaluateRequest(ctx, op, 9)); st.Result.Score != 78 || st.Place != (eligibility.Place{Rank: 1, Of: 4}) {
			t.Fatalf("top: %d %+v", st.Result.Score, st.Place)
		}
		for id, want := range map[int64]eligibility.Place{1: {Rank: 2, Of: 4}, 4: {Rank: 3, Of: 4}, 8: {Rank: 4, Of: 4}} {
			if st := must(w.s.Current(ctx, op, id)); st.Place != want {
				t.Errorf("request %d after another's evaluation: %+v, want %+v", id, st.Place, want)
			}
		}
		stranger := access.Principal{UserID: 8, Role: access.Operator, OrgPath: "/999/"}
		if _, err := w.s.EvaluateRequest(ctx, stranger, 8); errs.CodeOf(err) != errs.Forbidden {
			t.Errorf("stranger: %v", err)
		}
	})
}
