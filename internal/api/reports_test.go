package api

import (
	"bytes"
	"net/http"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/requests/requeststest"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// A client produces a closed campaign's final report and reads it back as
// JSON, PDF and workbook; producing is refused, in the caller's language,
// for an open campaign and a second time; a coordinator of another
// organisation neither produces nor reads it.
func TestReportsThroughTheAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := t.Context()
		c := requeststest.Open(t, db, f.w.Clock.Now(), "road", f.org.ID, f.org.Path, "KZ-75")
		for i := range 9 {
			p := f.w.Person(t, f.w.Child("Child", itoa64(int64(i)), f.w.Clock.Now().AddDate(-8, 0, 0)))
			exec := func(q string, args ...any) {
				if _, err := db.W.ExecContext(ctx, store.Rebind(db.Engine, q), args...); err != nil {
					t.Fatal(err)
				}
			}
			exec(`INSERT INTO requests (reference, campaign_id, person_id, applicant_kind, channel, status,
				region_id, region_path, submitted_at, updated_at)
				SELECT $1, $2, $3, 'parent', 'web', 'delivered', id, path, $4, $4 FROM regions WHERE code = 'KZ-75'`,
				"R-"+itoa64(p.ID), c.ID, p.ID, f.w.Clock.Now())
			exec(`INSERT INTO request_lines (request_id, line, item_id, quantity) SELECT id, 1, $1, 1 FROM requests WHERE person_id = $2`, c.Kit, p.ID)
		}
		fa := f.newToken(t, f.user(t, accounts.NewUser{Email: "fa@example.org", Name: "مریم", Role: access.Coordinator,
			OrgID: f.org.ID, Locale: "fa"}))
		other := f.w.Org(t, orgs.Input{Name: "Karaganda Charity", Type: orgs.Charity, RegionCode: "KZ-35"})
		kar := f.newToken(t, f.user(t, accounts.NewUser{Email: "kar@example.org", Name: "Karaganda", Role: access.Coordinator,
			OrgID: other.ID, Region: "KZ-35", Locale: "en"}))
		path := "/api/v1/campaigns/" + itoa64(c.ID) + "/report"

		w := f.do(t, "POST", path, fa, nil)
		if w.Code != http.StatusConflict || !strings.Contains(w.Body.String(), "گزارش فقط برای کارزار بسته") ||
			!strings.Contains(w.Body.String(), "«باز»") {
			t.Fatalf("an open campaign's report: %d %s", w.Code, w.Body)
		}
		cur := must(f.svc.Campaigns.Get(ctx, access.System, c.ID))
		must(f.svc.Campaigns.Transition(ctx, access.System, c.ID, cur.Version, campaign.Closed))
		if w := f.do(t, "POST", path, kar, nil); w.Code != http.StatusNotFound {
			t.Errorf("another organisation's coordinator produced: %d %s", w.Code, w.Body)
		}
		if w := f.do(t, "GET", path, kar, nil); w.Code != http.StatusNotFound {
			t.Errorf("another organisation's coordinator read: %d %s", w.Code, w.Body)
		}
		w = f.do(t, "POST", path, fa, nil)
		if w.Code != http.StatusCreated {
			t.Fatalf("produce: %d %s", w.Code, w.Body)
		}
		rep := decodeAs[map[string]any](t, w)
		if fig := rep["figures"].(map[string]any); fig["requests"].(float64) != 9 || fig["delivered"].(float64) != 9 {
			t.Errorf("figures %v", fig)
		}
		if w := f.do(t, "POST", path, fa, nil); w.Code != http.StatusConflict || !strings.Contains(w.Body.String(), "تهیه شده است؛") {
			t.Errorf("a second report: %d %s", w.Code, w.Body)
		}
		if w := f.do(t, "GET", path, f.token[access.Coordinator], nil); w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `"requests":9`) {
			t.Errorf("get: %d %s", w.Code, w.Body)
		}
		for ext, magic := range map[string]string{".pdf": "%PDF-", ".xlsx": "PK"} {
			w := f.do(t, "GET", path+ext, fa, nil)
			if w.Code != http.StatusOK || !bytes.HasPrefix(w.Body.Bytes(), []byte(magic)) {
				t.Errorf("%s: %d %s", ext, w.Code, w.Header())
			}
			if w := f.do(t, "GET", path+ext, kar, nil); w.Code != http.StatusNotFound {
				t.Errorf("another organisation's coordinator read %s: %d", ext, w.Code)
			}
		}
		if w := f.do(t, "GET", path, f.token[access.Sponsor], nil); w.Code != http.StatusForbidden {
			t.Errorf("a sponsor read the report: %d", w.Code)
		}
	})
}
