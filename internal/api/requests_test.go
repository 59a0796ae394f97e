package api

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/requests/requeststest"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

func TestRequestsAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		c := requeststest.Open(t, db, f.w.Clock.Now(), "road", f.org.ID, f.org.Path, "KZ-75")
		child := f.w.Person(t, f.w.Child("Sadykov", "Arman", f.w.Clock.Now().AddDate(-8, 0, 0)))
		body := map[string]any{"campaign_id": c.ID, "person_id": child.ID, "applicant_kind": "parent",
			"applicant_name": "Aigerim", "applicant_phone": "+7 701 123 45 67", "channel": "hotline", "locale": "kk",
			"lines": []map[string]any{{"item_id": c.Kit}, {"item_id": c.Uniform, "size": "128"}}}
		op := f.token[access.Operator]
		w := f.do(t, "POST", Prefix+"/requests", op, body)
		if w.Code != http.StatusCreated {
			t.Fatalf("create: %d %s", w.Code, w.Body)
		}
		r := decodeAs[requests.Request](t, w)
		if r.Status != requests.Submitted || len(r.Lines) != 2 || w.Header().Get("Location") != fmt.Sprintf("%s/requests/%d", Prefix, r.ID) {
			t.Fatalf("created %+v at %s", r, w.Header().Get("Location"))
		}
		if w := f.do(t, "POST", Prefix+"/requests", op, body); w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `"linked":true`) {
			t.Fatalf("second submission: %d %s", w.Code, w.Body)
		}
		body["lines"] = []map[string]any{{"item_id": c.Shoes, "size": "99"}}
		body["person_id"] = f.w.Person(t, f.w.Child("Sadykova", "Dana", f.w.Clock.Now().AddDate(-9, 0, 0))).ID
		if w := f.do(t, "POST", Prefix+"/requests", op, body); w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), "lines.0.size") {
			t.Fatalf("bad shoe size: %d %s", w.Code, w.Body)
		}
		path := fmt.Sprintf("%s/requests/%d", Prefix, r.ID)
		if w := f.do(t, "GET", path, op, nil); w.Code != http.StatusOK || !strings.Contains(w.Body.String(), r.Reference) {
			t.Fatalf("get: %d %s", w.Code, w.Body)
		}
		if w := f.do(t, "GET", path, f.token[access.Sponsor], nil); w.Code != http.StatusForbidden {
			t.Fatalf("sponsor get: %d", w.Code)
		}
		w = f.do(t, "GET", fmt.Sprintf("%s/requests?campaign=%d&status=submitted&limit=1", Prefix, c.ID), op, nil)
		if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), r.Reference) {
			t.Fatalf("list: %d %s", w.Code, w.Body)
		}
		if w := f.do(t, "GET", Prefix+"/requests", op, nil); w.Code != http.StatusUnprocessableEntity {
			t.Fatalf("list without campaign: %d %s", w.Code, w.Body)
		}
		move := map[string]any{"to": "approved", "version": 1}
		if w := f.do(t, "POST", path+"/transitions", op, move); w.Code != http.StatusConflict ||
			!strings.Contains(w.Body.String(), "conflict") {
			t.Fatalf("approve a submitted request: %d %s", w.Code, w.Body)
		}
		var wg sync.WaitGroup
		codes := make([]int, 10)
		bodies := make([]string, 10)
		for i := range codes {
			wg.Add(1)
			go func() {
				defer wg.Done()
				w := f.do(t, "POST", path+"/transitions", op, map[string]any{"to": "under_review", "version": 1})
				codes[i], bodies[i] = w.Code, w.Body.String()
			}()
		}
		wg.Wait()
		won := 0
		for i, code := range codes {
			switch {
			case code == http.StatusOK:
				won++
			case code != http.StatusConflict || !strings.Contains(bodies[i], `"current":{`) ||
				!strings.Contains(bodies[i], `"status":"under_review"`):
				t.Fatalf("loser %d: %d %s", i, code, bodies[i])
			}
		}
		if won != 1 {
			t.Fatalf("%d reviewers won", won)
		}
	})
}

// A request's lines name their items in the caller's language — their
// own when their profile has one, else Accept-Language's — and in English
// where the catalogue has no name in it; the distance to school goes in
// and comes back, and one out of range is refused in the caller's words.
func TestRequestItemNamesAndDistance(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		c := requeststest.Open(t, db, f.w.Clock.Now(), "road", f.org.ID, f.org.Path, "KZ-75")
		if _, err := db.W.ExecContext(t.Context(), store.Rebind(db.Engine, `UPDATE aid_items SET name_ru = $1 WHERE id = $2`),
			"Набор школьника", c.Kit); err != nil {
			t.Fatal(err)
		}
		child := f.w.Person(t, f.w.Child("Sadykov", "Arman", f.w.Clock.Now().AddDate(-8, 0, 0)))
		body := map[string]any{"campaign_id": c.ID, "person_id": child.ID, "applicant_kind": "parent",
			"channel": "hotline", "distance_km": 300.5,
			"lines": []map[string]any{{"item_id": c.Kit}, {"item_id": c.Uniform, "size": "128"}}}
		op := f.token[access.Operator]
		w := f.do(t, "POST", Prefix+"/requests", op, body, "Accept-Language", "ru")
		if w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), `"distance_km"`) ||
			!strings.Contains(w.Body.String(), "от 0 до 300") {
			t.Fatalf("distance out of range: %d %s", w.Code, w.Body)
		}
		body["distance_km"] = 7.25
		w = f.do(t, "POST", Prefix+"/requests", op, body, "Accept-Language", "ru")
		if w.Code != http.StatusCreated {
			t.Fatalf("create: %d %s", w.Code, w.Body)
		}
		r := decodeAs[requests.Request](t, w)
		if len(r.Lines) != 2 || r.Lines[0].ItemName != "Набор школьника" || r.Lines[1].ItemName != "test_uniform" {
			t.Errorf("created lines in Russian: %+v", r.Lines)
		}
		path := fmt.Sprintf("%s/requests/%d", Prefix, r.ID)
		for _, tc := range []struct{ lang, want string }{{"ru", "Набор школьника"}, {"fr, ru;q=0.5", "test_kit"}, {"", "test_kit"}} {
			got := decodeAs[requests.Request](t, f.do(t, "GET", path, op, nil, "Accept-Language", tc.lang))
			if len(got.Lines) != 2 || got.Lines[0].ItemName != tc.want {
				t.Errorf("Accept-Language %q: lines %+v, want %q", tc.lang, got.Lines, tc.want)
			}
			if got.DistanceKm == nil || *got.DistanceKm != 7.25 {
				t.Errorf("distance read back: %v", got.DistanceKm)
			}
		}
		// A user's own language comes before the header.
		u := f.user(t, accounts.NewUser{Email: "op-ru@example.org", Name: "Оператор", Role: access.Operator,
			OrgID: f.org.ID, Locale: "ru"})
		got := decodeAs[requests.Request](t, f.do(t, "GET", path, f.newToken(t, u), nil, "Accept-Language", "en"))
		if len(got.Lines) == 0 || got.Lines[0].ItemName != "Набор школьника" {
			t.Errorf("a Russian-speaking user reads %+v", got.Lines)
		}
	})
}
