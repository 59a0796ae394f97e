package campaigns_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/requests/requeststest"
	"github.com/jolproject/jol/internal/web/webtest"
)

// A coordinator sets a campaign's rules and weights with the form, is
// told of mistakes in their language, saves versions and recalculates
// every request in the background; an operator reads the rules only.
func TestRulesAndWeightsPage(t *testing.T) {
	f := webtest.New(t)
	c := requeststest.Open(t, f.DB, webtest.Clock(), "road", f.Org.ID, f.Org.Path, "KZ-75")
	page := "/campaigns/" + webtest.Itoa(c.ID) + "/rules"
	coord := f.User(t, "coord-ru@example.org", access.Coordinator, "ru")
	kit := "it" + webtest.Itoa(c.Kit) + "_" // the kit's own conditions
	r := coord.Get(page)
	if r.Status != http.StatusOK || !strings.Contains(r.Body, "ещё нет правил") || !strings.Contains(r.Body, `name="need_low-income"`) {
		t.Fatalf("rules page without rules: %d", r.Status)
	}
	form := url.Values{"age_min": {"10"}, "age_max": {"6"}, "regions": {"KZ-75 XX-99"}, "need_low-income": {"on"},
		"cat_low-income": {"30"}, "cat_large-family": {"20"}, "income_below_poverty_line": {"15"},
		"points_per_child": {"4"}, "children_from": {"2"}, "points_single_guardian": {"10"}, "not_received": {"on"},
		kit + "grade_min": {"1"}, kit + "grade_max": {"4"}}
	r = coord.Post(page, form)
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "Региона с кодом XX-99 нет") ||
		!strings.Contains(r.Body, `value="30"`) {
		t.Fatalf("unknown region: %d", r.Status)
	}
	form.Set("regions", "KZ-75")
	r = coord.Post(page, form)
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `id="age_min-error"`) {
		t.Fatalf("age range upside down: %d", r.Status)
	}
	form.Set("age_min", "6")
	form.Set("age_max", "10")
	form.Set(kit+"grade_min", "9")
	if r = coord.Post(page, form); r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `id="`+kit+`grade_min-error"`) {
		t.Fatalf("the kit's grades upside down: %d", r.Status)
	}
	form.Set(kit+"grade_min", "1")
	if r = coord.Post(page, form); r.Status != http.StatusSeeOther {
		t.Fatalf("save: %d %s", r.Status, r.Body)
	}
	rs := webtest.Must(f.Svc.Eligibility.CurrentRuleSet(t.Context(), c.ID))
	if rs.Version != 1 || rs.Rules.All.Age.Max != 10 || rs.Rules.All.Regions[0] != "/KZ/KZ-75/" || rs.Weights.Categories["low-income"] != 30 ||
		rs.Weights.Income["below_poverty_line"] != 15 || rs.Rules.Items[c.Kit].Grade.Max != 4 || !rs.Rules.All.NotReceived {
		t.Fatalf("saved %+v", rs)
	}
	form.Set("cat_low-income", "35")
	coord.Post(page, form)
	r = coord.Get(page)
	for _, want := range []string{`value="35"`, "Версия 2", `value="KZ-75"`, `action="` + page[:len(page)-len("/rules")] + `/rescore"`} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("rules page lacks %q", want)
		}
	}

	child := f.Child(t, "Ахметова", "Мадина", webtest.Day(2017, 3, 10), "")
	webtest.Must(f.Svc.Requests.Submit(t.Context(), access.System, requestFor(c, child.ID)))
	f.Svc.Eligibility.Settle()
	r = coord.Post(strings.TrimSuffix(page, "/rules")+"/rescore", nil)
	if r.Status != http.StatusSeeOther || !strings.Contains(r.Location, "?job=") {
		t.Fatalf("rescore: %d %q", r.Status, r.Location)
	}
	if body := coord.Get(r.Location).Body; !strings.Contains(body, "В очереди") {
		t.Error("the queued recalculation is not shown")
	}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() { _ = f.Svc.Jobs.Start(ctx, 1) })
	defer func() { cancel(); wg.Wait() }()
	done := false
	for deadline := time.Now().Add(30 * time.Second); !done && time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		done = strings.Contains(coord.Get(r.Location).Body, `class="rescore-summary"`)
	}
	// The child is 9 and asks for a kit for grades 1–4 but holds no
	// low-income category: not eligible.
	if body := coord.Get(r.Location).Body; !strings.Contains(body, "Заявок: 1; имеют право: 0, не имеют: 1") {
		t.Errorf("the recalculation's result is not shown: %v", done)
	}
	// The recalculation found the result of the evaluation after the
	// submission (under the same rules) unchanged: it stays, no history.
	hist := webtest.Must(f.Svc.Eligibility.History(t.Context(), access.System, 1))
	if st := webtest.Must(f.Svc.Eligibility.Current(t.Context(), access.System, 1)); len(hist) != 0 || st.Version != 2 {
		t.Errorf("an unchanged result rewritten: %+v, history %+v", st, hist)
	}

	op := f.User(t, "op@example.org", access.Operator, "en")
	if r := op.Get(page); r.Status != http.StatusOK || strings.Contains(r.Body, `action="`+page+`"`) {
		t.Errorf("operator's view of the rules: %d", r.Status)
	}
	if r := op.Post(page, form); r.Status != http.StatusForbidden {
		t.Errorf("operator saves rules: %d", r.Status)
	}
}

// requestFor is a parent's request for a kit for person in c.
func requestFor(c requeststest.Campaign, person int64) requests.Input {
	return requests.Input{CampaignID: c.ID, PersonID: person, ApplicantKind: requests.ByParent, Channel: requests.Hotline,
		ApplicantName: "Ахметова Айгуль", Lines: []requests.LineInput{{ItemID: c.Kit, Quantity: 1}}}
}
