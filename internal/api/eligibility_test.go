package api

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/eligibility"
	"github.com/jolproject/jol/internal/requests/requeststest"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

func TestEligibilityAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		c := requeststest.Open(t, db, f.w.Clock.Now(), "road", f.org.ID, f.org.Path, "KZ-75")
		rules := fmt.Sprintf("%s/campaigns/%d/rules", Prefix, c.ID)
		coord, op := f.token[access.Coordinator], f.token[access.Operator]
		if w := f.do(t, "GET", rules, op, nil); w.Code != http.StatusNotFound {
			t.Fatalf("rules before any: %d %s", w.Code, w.Body)
		}
		body := map[string]any{"rules": map[string]any{"all": map[string]any{"age": map[string]int{"min": 6, "max": 10}}},
			"weights": map[string]any{"single_guardian": 10, "income": map[string]int{"no-such-income": 5}}}
		if w := f.do(t, "PUT", rules, coord, body); w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), `"income"`) {
			t.Fatalf("unknown income code: %d %s", w.Code, w.Body)
		}
		body["weights"] = map[string]any{"single_guardian": 10}
		if w := f.do(t, "PUT", rules, op, body); w.Code != http.StatusForbidden {
			t.Fatalf("operator saves rules: %d", w.Code)
		}
		w := f.do(t, "PUT", rules, coord, body)
		if rs := decodeAs[eligibility.RuleSet](t, w); w.Code != http.StatusOK || rs.Version != 1 || rs.Rules.All.Age.Max != 10 {
			t.Fatalf("save: %d %s", w.Code, w.Body)
		}
		if rs := decodeAs[eligibility.RuleSet](t, f.do(t, "GET", rules, op, nil)); rs.Version != 1 || rs.Weights.SingleGuardian != 10 {
			t.Fatalf("read back: %+v", rs)
		}

		old := f.w.Person(t, f.w.Child("Sadykov", "Timur", f.w.Clock.Now().AddDate(-14, 0, 0)))
		req := map[string]any{"campaign_id": c.ID, "person_id": old.ID, "applicant_kind": "parent", "channel": "hotline",
			"applicant_phone": "+7 701 123 45 67", "lines": []map[string]any{{"item_id": c.Kit}}}
		if w := f.do(t, "POST", Prefix+"/requests", op, req, "Accept-Language", "ru"); w.Code != http.StatusUnprocessableEntity ||
			!strings.Contains(w.Body.String(), "от 6 до 10 лет") {
			t.Fatalf("a 14-year-old: %d %s", w.Code, w.Body)
		}
		req["person_id"] = f.w.Person(t, f.w.Child("Sadykov", "Arman", f.w.Clock.Now().AddDate(-8, 0, 0))).ID
		w = f.do(t, "POST", Prefix+"/requests", op, req)
		if w.Code != http.StatusCreated {
			t.Fatalf("submit: %d %s", w.Code, w.Body)
		}
		path := w.Header().Get("Location")
		f.svc.Eligibility.Settle()
		got := decodeAs[requestOut](t, f.do(t, "GET", path, op, nil, "Accept-Language", "ru"))
		e := got.Eligibility
		if e == nil || !e.Eligible || e.Rank != 1 || e.Of != 1 || e.Version != 1 || len(e.Explanation.Long) < 2 ||
			!strings.Contains(e.Explanation.Long[1], "8 лет") || !strings.Contains(e.Explanation.Short, "место") {
			t.Fatalf("result: %+v", e)
		}

		rescore := fmt.Sprintf("%s/campaigns/%d/rescore", Prefix, c.ID)
		if w := f.do(t, "POST", rescore, op, nil); w.Code != http.StatusForbidden {
			t.Fatalf("operator rescores: %d", w.Code)
		}
		w = f.do(t, "POST", rescore, coord, nil)
		if w.Code != http.StatusAccepted || !strings.HasPrefix(w.Header().Get("Location"), Prefix+"/jobs/") {
			t.Fatalf("rescore: %d %s", w.Code, w.Body)
		}
	})
}
