package api

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/selection"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// youngPerson inserts a young person of the fixture's Foundation living
// in region code.
func (f *fixture) youngPerson(t *testing.T, code, last string, consent bool) int64 {
	t.Helper()
	var id int64
	now := f.w.Clock.Now()
	check(t, f.db.W.QueryRowContext(t.Context(), store.Rebind(f.db.Engine, `INSERT INTO youth (identity, last_name,
		first_name, birth_date, age_group, region_id, region_path, settlement, status, field, language, channel,
		shortlist_consent, org_id, org_path, registered_on, created_at, updated_at)
		SELECT $1, $1, 'Aru', $2, '18-24', r.id, r.path, 'rural', 'neet', 'media', 'kk', 'web', $3, $4, $5, $2, $6, $6
		FROM regions r WHERE r.code = $7 RETURNING id`), last, time.Date(2004, 5, 1, 0, 0, 0, 0, time.UTC), consent,
		f.org.ID, f.org.Path, now, code).Scan(&id))
	return id
}

func TestSelectionThroughTheAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		coord, auditor := f.token[access.Coordinator], f.token[access.Auditor]
		in := map[string]any{"name": "Young leaders", "org_id": f.org.ID, "places": 2, "quota_mode": "fixed",
			"quotas": map[string]int{"south": 1, "west": 2}, "tie_rule": "draw", "appeal_days": 1}
		if w := f.do(t, "POST", Prefix+"/selections", coord, in); w.Code != http.StatusUnprocessableEntity ||
			!strings.Contains(w.Body.String(), "The quotas sum to 3, not to the 2 places.") {
			t.Fatalf("quotas summing to 3 of 2: %d %s", w.Code, w.Body)
		}
		in["quotas"] = map[string]int{"south": 1, "west": 1}
		w := f.do(t, "POST", Prefix+"/selections", coord, in)
		if w.Code != http.StatusCreated {
			t.Fatalf("create: %d %s", w.Code, w.Body)
		}
		sel := decodeAs[selection.Selection](t, w)
		base := fmt.Sprintf("%s/selections/%d", Prefix, sel.ID)
		a, b := f.youngPerson(t, "KZ-75", "Abenova", true), f.youngPerson(t, "KZ-79", "Bekova", false)
		for _, s := range []map[string]any{{"round": "South", "youth_id": a, "score": 9}, {"round": "South", "youth_id": b, "score": 8}} {
			if w := f.do(t, "POST", base+"/scores", coord, s); w.Code != http.StatusNoContent {
				t.Fatalf("score: %d %s", w.Code, w.Body)
			}
		}
		if w := f.do(t, "POST", base+"/scores", auditor, map[string]any{"round": "South", "youth_id": a, "score": 1}); w.Code != http.StatusForbidden {
			t.Errorf("the auditor entered a score: %d", w.Code)
		}
		if w := f.do(t, "POST", base+"/rank", coord, nil); w.Code != http.StatusOK {
			t.Fatalf("rank: %d %s", w.Code, w.Body)
		}
		w = f.do(t, "GET", base+"/ranking?limit=1", auditor, nil)
		rows := decodeAs[struct {
			Items []selection.Row `json:"items"`
			Next  string          `json:"next_cursor"`
		}](t, w)
		if len(rows.Items) != 1 || rows.Items[0].YouthID != a || rows.Items[0].Reason != selection.WithinQuota || rows.Next == "" {
			t.Fatalf("ranking: %s", w.Body)
		}
		w = f.do(t, "GET", base+"/ranking?cursor="+rows.Next, auditor, nil)
		if !strings.Contains(w.Body.String(), `"reason":"redistributed"`) {
			t.Errorf("the west's place, redistributed: %s", w.Body)
		}
		if w := f.do(t, "POST", base+"/open-appeals", coord, nil); w.Code != http.StatusOK {
			t.Fatalf("open appeals: %d %s", w.Code, w.Body)
		}
		appeal := map[string]any{"youth_id": b, "reason": "The second round is missing"}
		if w := f.do(t, "POST", base+"/appeals", coord, appeal); w.Code != http.StatusCreated {
			t.Fatalf("appeal: %d %s", w.Code, w.Body)
		}
		w = f.do(t, "POST", base+"/appeals", coord, appeal)
		ap := decodeAs[selection.Appeal](t, w)
		if w.Code != http.StatusOK || !ap.Existing {
			t.Fatalf("a second appeal: %d %s", w.Code, w.Body)
		}
		if w := f.do(t, "GET", fmt.Sprintf("%s/shortlists/%d", Prefix, sel.ID), "", nil); w.Code != http.StatusNotFound {
			t.Errorf("a shortlist before publishing: %d", w.Code)
		}
		if w := f.do(t, "POST", fmt.Sprintf("%s/selection-appeals/%d/decision", Prefix, ap.ID), coord,
			map[string]any{"upheld": false, "reason": "Counted"}); w.Code != http.StatusOK {
			t.Fatalf("decide: %d %s", w.Code, w.Body)
		}
		f.w.Clock.Advance(48 * time.Hour)
		if w := f.do(t, "POST", base+"/appeals", coord, map[string]any{"youth_id": a, "reason": "Late"}); w.Code != http.StatusConflict ||
			!strings.Contains(w.Body.String(), "Appeals closed at the end of 2 Sep 2026") {
			t.Errorf("a late appeal: %d %s", w.Code, w.Body)
		}
		if w := f.do(t, "POST", base+"/publish", coord, nil); w.Code != http.StatusOK {
			t.Fatalf("publish: %d %s", w.Code, w.Body)
		}
		w = f.do(t, "GET", fmt.Sprintf("%s/shortlists/%d", Prefix, sel.ID), "", nil)
		body := w.Body.String()
		if w.Code != http.StatusOK || !strings.Contains(body, `"name":"Aru Abenova"`) || strings.Contains(body, "Bekova") ||
			strings.Contains(body, "org_path") {
			t.Fatalf("shortlist: %d %s", w.Code, body)
		}
		if w := f.do(t, "PUT", Prefix+"/macro-regions/kz-43", coord, map[string]any{"macro": "west"}); w.Code != http.StatusForbidden {
			t.Errorf("a coordinator changed the table: %d", w.Code)
		}
		if w := f.do(t, "PUT", Prefix+"/macro-regions/kz-43", f.token[access.Admin], map[string]any{"macro": "west"}); w.Code != http.StatusNoContent {
			t.Errorf("the administrator: %d %s", w.Code, w.Body)
		}
	})
}

// results is a source of results for the test.
type results []selection.Result

func (rs results) Results(context.Context, access.Principal, int64) ([]selection.Result, error) {
	return rs, nil
}

func TestPullingARoundThroughTheAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		coord := f.token[access.Coordinator]
		a := f.youngPerson(t, "KZ-75", "Abenova", true)
		f.svc.Selection.AddSource("championship", results{{YouthID: a, Score: 9, Rank: 1}, {YouthID: 999999, Score: 8, Rank: 2}})
		sel := must(f.svc.Selection.Create(t.Context(), access.System, selection.Input{Name: "Leaders", OrgID: f.org.ID,
			QuotaMode: selection.ProportionalQuotas, TieRule: selection.Draw}))
		path := fmt.Sprintf("%s/selections/%d/pull", Prefix, sel.ID)
		if w := f.do(t, "POST", path, coord, map[string]any{"round": "Cases", "source": "debates", "competition_id": 1}); w.Code != http.StatusUnprocessableEntity ||
			!strings.Contains(w.Body.String(), "debates") {
			t.Errorf("an unknown source: %d %s", w.Code, w.Body)
		}
		w := f.do(t, "POST", path, coord, map[string]any{"round": "Cases", "source": "championship", "competition_id": 1})
		if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `"entered":1`) ||
			!strings.Contains(w.Body.String(), `"youth_id":999999,"message":"youth_id: No young person is registered under number 999999."`) {
			t.Errorf("pull: %d %s", w.Code, w.Body)
		}
	})
}
